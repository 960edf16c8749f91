import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  dataScopeOf,
  familyOf,
  findModel,
  isProvisioned,
  ptuSizing,
  versionStatus,
} from "../../components/catalog";
import { models } from "../../components/catalog/models";
import {
  contractProblems,
  WorkloadContract,
  workloadLatencies,
  workloadNeeds,
  workloadResidencies,
  workloadSafetyLevels,
  workloadTasks,
} from "../../components/select/contract";
import { EnvironmentLimits, requirementsOf, scopeWidth } from "../../components/select/requirements";
import { selectModels } from "../../components/select/select";
import { ModelCandidate } from "../../components/select/types";
import { limitsOf } from "./contracts";

const environments: (EnvironmentLimits | undefined)[] = [
  undefined,
  limitsOf("dev"),
  limitsOf("staging"),
  limitsOf("prod"),
];
const names = models.map((m) => m.name);

const contractArb: fc.Arbitrary<WorkloadContract> = fc
  .record({
    task: fc.constantFrom(...workloadTasks),
    needs: fc.subarray([...workloadNeeds]),
    latency: fc.constantFrom(...workloadLatencies),
    safety: fc.constantFrom(...workloadSafetyLevels),
    dataResidency: fc.constantFrom(...workloadResidencies),
    routing: fc.constantFrom("auto" as const, "fixed" as const),
    rpm: fc.double({ min: 0.1, max: 500, noNaN: true }),
    input: fc.integer({ min: 1, max: 120_000 }),
    output: fc.integer({ min: 0, max: 8_000 }),
    peak: fc.double({ min: 1, max: 12, noNaN: true }),
    asyncShare: fc.constantFrom(0, 0.1, 0.5, 1),
    repeatShare: fc.constantFrom(0, 0.3),
    budget: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    minRunwayDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    models: fc.option(fc.subarray(names, { minLength: 1, maxLength: 4 }), { nil: undefined }),
  })
  .map((r) => {
    const embedding = r.task === "embedding";
    const asyncShare = embedding ? 0 : r.asyncShare;
    return {
      name: "prop",
      task: r.task,
      needs: r.needs,
      latency: asyncShare >= 1 ? "relaxed" : r.latency,
      safety: r.safety,
      dataResidency: r.dataResidency,
      routing: embedding ? "fixed" : r.routing,
      traffic: {
        requestsPerMinute: r.rpm,
        avgInputTokens: r.input,
        avgOutputTokens: embedding ? 0 : r.output,
        peakToAverage: r.peak,
        asyncShare,
        repeatShare: r.repeatShare,
      },
      ...(r.budget !== undefined ? { budgetUsdPerMonth: r.budget } : {}),
      ...(r.minRunwayDays !== undefined ? { minRunwayDays: r.minRunwayDays } : {}),
      ...(r.models ? { models: r.models } : {}),
    } satisfies WorkloadContract;
  });

const dayArb = fc.integer({ min: 0, max: 730 }).map((d) => new Date(Date.UTC(2026, 5, 1) + d * 86_400_000));

/** Every hard constraint of the contract a model (and version) meets, as failures (empty when it meets them all). */
function modelFailures(
  model: string,
  version: string,
  c: WorkloadContract,
  limits: EnvironmentLimits,
  on: Date,
): string[] {
  const req = requirementsOf(c, limits);
  const info = findModel(model);
  const out: string[] = [];
  if (!info) {
    return [`${model} is not catalogued`];
  }
  const caps = info.capabilities.value;
  if (model !== "model-router") {
    req.capabilities.filter((x) => !caps.includes(x)).forEach((x) => out.push(`lacks ${x}`));
    if ((info.contextWindow?.value ?? 0) < req.minContextTokens) {
      out.push("window");
    }
    if (req.models && !req.models.includes(model)) {
      out.push("models list");
    }
  }
  const status = versionStatus(model, version, on);
  if (status.status !== "active") {
    out.push("not serving");
  } else {
    if (status.deprecated || status.lifecycle === "Legacy") {
      out.push("legacy or deprecated");
    }
    if (req.gaOnly && status.lifecycle !== "GA") {
      out.push("not GA");
    }
    if (status.daysToRetirement === undefined || status.daysToRetirement < req.minRunwayDays) {
      out.push("runway");
    }
  }
  if (limits.approvedModels && !(limits.approvedModels[model] ?? []).includes(version)) {
    out.push("not approved");
  }
  return out;
}

function candidateFailures(
  x: ModelCandidate,
  c: WorkloadContract,
  limits: EnvironmentLimits,
  on: Date,
): string[] {
  const req = requirementsOf(c, limits);
  const out = modelFailures(x.model, x.version, c, limits, on);
  const family = familyOf(x.deploymentType);
  if (!req.families.includes(family)) {
    out.push(`family ${family} for latency ${c.latency}`);
  }
  if (!(findModel(x.model)?.deploymentTypes.value ?? []).includes(x.deploymentType)) {
    out.push("type not offered");
  }
  if (scopeWidth[dataScopeOf(x.deploymentType)] > scopeWidth[req.residency]) {
    out.push("scope");
  }
  if (req.longContext && family !== "standard") {
    out.push("long context off pay-as-you-go");
  }
  const cost = x.monthlyUsd ?? x.monthlyUsdRange?.max;
  if (cost === undefined || !Number.isFinite(cost) || cost < 0) {
    out.push("cost");
  } else if (req.budgetUsdPerMonth !== undefined && cost > req.budgetUsdPerMonth) {
    out.push("budget");
  }
  const { primary, batch, routing } = x.plan;
  if (isProvisioned(primary.type)) {
    const sizing = ptuSizing(x.model, primary.type);
    if (!sizing || primary.capacity < sizing.min || (primary.capacity - sizing.min) % sizing.step !== 0) {
      out.push("PTU size off the grid");
    }
    if (limits.maxPtu !== undefined && primary.capacity > limits.maxPtu) {
      out.push("PTUs over the environment's");
    }
  } else if (
    family === "standard" &&
    limits.maxStandardCapacity !== undefined &&
    primary.capacity > limits.maxStandardCapacity
  ) {
    out.push("capacity over the cap");
  }
  if (
    batch &&
    (familyOf(batch.type) !== "batch" || scopeWidth[dataScopeOf(batch.type)] > scopeWidth[req.residency])
  ) {
    out.push("batch part");
  }
  for (const m of routing?.models ?? []) {
    const failures = modelFailures(m.name, m.version, c, limits, on);
    out.push(...failures.map((f) => `subset ${m.name}: ${f}`));
  }
  if (routing && routing.models.length < 2) {
    out.push("router subset under 2");
  }
  return out;
}

describe("selectModels: properties", () => {
  it("every candidate satisfies every hard constraint of its contract", () => {
    fc.assert(
      fc.property(contractArb, fc.constantFrom(...environments), dayArb, (c, env, on) => {
        assert.deepEqual(contractProblems(c), []);
        const limits = env ?? {};
        const s = selectModels(c, models, on, limits);
        for (const x of s.candidates) {
          assert.deepEqual(candidateFailures(x, c, limits, on), [], `${x.model} ${x.deploymentType}`);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("every model is either a candidate or rejected with a reason", () => {
    fc.assert(
      fc.property(contractArb, dayArb, (c, on) => {
        const s = selectModels(c, models, on, {});
        const seen = new Set([...s.candidates.map((x) => x.model), ...s.rejected.map((r) => r.model)]);
        assert.deepEqual([...seen].sort(), [...names].sort());
        assert.ok(s.rejected.every((r) => r.why.length > 10));
      }),
      { numRuns: 30 },
    );
  });
});
