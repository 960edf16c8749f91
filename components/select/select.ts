/**
 * `selectModels(contract, catalog, today)`: the models and deployment types that meet a workload's
 * contract, ranked, each with its reasons, and every model or type left out with why. Pure and
 * deterministic: the catalog and the day are parameters, nothing reads the clock.
 *
 * Hard filters (each failure is a reason in `rejected`):
 * - model: the capabilities of the task and needs, a context window for the average request (or the
 *   long-context threshold), a version that serves at least `minRunwayDays` more days (GA; Preview
 *   only with safety `default`; never Legacy or deprecated; a version without a published retirement
 *   date cannot show its runway), approved by the environment, in the contract's `models` list;
 * - deployment type: a family the latency allows, a data scope within the residency (the contract's
 *   and the environment's), not provisioned or batch for long context, priced by the catalog, within
 *   the environment's capacity caps, above the PTU break-even, within the budget.
 *
 * Ranking (the tie rules): with `routing: auto` the Model Router first; then the lower monthly cost
 * (whole cents); then the longer runway; then the narrower data scope; then standard before
 * provisioned before batch; then model name and deployment type in alphabetical order.
 */
import {
  DataScope,
  dataScopeOf,
  DeploymentFamily,
  DeploymentType,
  familyOf,
  ModelInfo,
  ProvisionedType,
} from "../catalog";
import { models as catalogModels } from "../catalog/models";
import { modelRouterName } from "../catalog/validate";
import { cents, count, usd } from "../cost/units";
import { resolvedTraffic, ResolvedTraffic, WorkloadContract } from "./contract";
import { judgeModel, modelReasons } from "./eligibility";
import {
  cacheNote,
  PricedPart,
  priceBatch,
  priceProvisioned,
  priceStandard,
  ProvisionedPart,
  splitTraffic,
} from "./price";
import { describeRequirements, EnvironmentLimits, requirementsOf, scopeWidth } from "./requirements";
import { routerCandidates } from "./router";
import { EligibleModel, ModelCandidate, Rejection, Selection, SelectionContext } from "./types";

const familyOrder: Record<DeploymentFamily, number> = { standard: 0, provisioned: 1, batch: 2 };

const latencyWhy: Record<DeploymentFamily, string> = {
  standard: "answers synchronously, pay-as-you-go",
  provisioned: "reserved throughput for predictable interactive latency",
  batch: "jobs complete within Azure's 24-hour target",
};

/** Type-level checks that need no price: family for the latency, data scope, long context. */
function typeFailures(type: DeploymentType, ctx: SelectionContext): string[] {
  const failures: string[] = [];
  const family = familyOf(type);
  const latency = ctx.contract.latency;
  if (!ctx.req.families.includes(family)) {
    failures.push(
      family === "batch"
        ? `latency ${latency}: batch jobs take up to 24 hours${ctx.traffic.asyncShare > 0 ? " (the asynchronous share still goes to batch)" : ""}`
        : `latency ${latency}: provisioned throughput is for interactive workloads; pay-as-you-go serves this one`,
    );
  }
  const scope = dataScopeOf(type);
  if (scopeWidth[scope] > scopeWidth[ctx.req.residency]) {
    failures.push(`processes data at ${scope} scope, wider than the ${ctx.req.residency} residency allows`);
  }
  // Learn, "Foundry Models sold directly by Azure": provisioned and batch deployments of gpt-4.1 take
  // 128,000-token prompts, provisioned gpt-5.4 likewise; where no limit is stated, fail closed.
  // https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure
  if (ctx.req.longContext && family !== "standard") {
    failures.push(
      "longContext: provisioned and batch deployments take shorter prompts (128,000 tokens where Learn states a limit)",
    );
  }
  return failures;
}

/** Prices one eligible model on one type, or says why it cannot serve the contract. */
function candidateOn(
  m: EligibleModel,
  type: DeploymentType,
  ctx: SelectionContext,
): ModelCandidate | Rejection {
  const failures = typeFailures(type, ctx);
  if (failures.length > 0) {
    return { model: m.info.name, deploymentType: type, why: failures.join("; ") };
  }
  const { traffic: t, contract, limits } = ctx;
  const split = splitTraffic(contract.name, m.info, type, t, ctx.req.residency, !ctx.req.longContext);
  const family = familyOf(type);
  if (split.syncRpm <= 0 && split.batch) {
    return {
      model: m.info.name,
      deploymentType: type,
      why: `asyncShare 1: every request goes to batch; the ${split.batch.type} candidate takes them`,
    };
  }
  const primary =
    family === "provisioned"
      ? priceProvisioned(m.info, type as ProvisionedType, split.syncRpm, t, limits)
      : family === "batch"
        ? priceBatch(contract.name, m.info.name, type, split.syncRpm, t)
        : priceStandard(contract.name, m.info.name, type, split.syncRpm, t, limits);
  if (!primary.ok) {
    return { model: m.info.name, deploymentType: type, why: primary.why.join("; ") };
  }
  const monthlyUsd = primary.part.monthlyUsd + (split.batch?.monthlyUsd ?? 0);
  const budget = ctx.req.budgetUsdPerMonth;
  if (budget !== undefined && cents(monthlyUsd) > budget) {
    return {
      model: m.info.name,
      deploymentType: type,
      why: `costs ${usd(monthlyUsd)} a month, over the budget of ${usd(budget)}`,
    };
  }
  const cache = cacheNote(m.info.name, type, t);
  const reasons = [
    ...modelReasons(m, ctx),
    `residency: ${type} processes data at ${dataScopeOf(type)} scope (allowed: ${ctx.req.residency})`,
    `latency ${contract.latency}: ${type} ${latencyWhy[family]}`,
    `cost: ${usd(monthlyUsd)} a month${budget !== undefined ? ` (budget ${usd(budget)})` : ""}`,
    `${type}: ${primary.part.basis}`,
    ...(split.batch ? [`${split.batch.type} (asynchronous share): ${split.batch.basis}`] : []),
    ...(split.note ? [split.note] : []),
    ...(cache ? [cache] : []),
    capacityReason(primary.part, t, family),
  ];
  return {
    model: m.info.name,
    version: m.version,
    format: m.info.format,
    deploymentType: type,
    monthlyUsd: cents(monthlyUsd),
    reasons,
    fit: m.fit,
    retirementDate: m.retirementDate,
    runwayDays: m.runwayDays,
    plan: { primary: primary.part, ...(split.batch ? { batch: split.batch } : {}) },
  };
}

function capacityReason(part: PricedPart, t: ResolvedTraffic, family: DeploymentFamily): string {
  const rpm = part.traffic.requestsPerMinute;
  switch (family) {
    case "provisioned":
      return `capacity: ${part.capacity} PTUs; spillover ${(part as ProvisionedPart).spillover.capacity}K TPM for the peak's overflow`;
    case "batch":
      return `capacity: ${count(part.capacity)}K enqueued tokens (one day of ${count(rpm)} req/min × ${count(t.avgInputTokens)} input tokens)`;
    default:
      return `capacity: ${count(part.capacity)}K TPM (the peak: ${count(rpm * t.peakToAverage)} req/min × ${count(t.avgInputTokens + t.avgOutputTokens)} tokens)`;
  }
}

/** Orders candidates by the tie rules in the file comment. */
export function compareCandidates(a: ModelCandidate, b: ModelCandidate): number {
  const router = (c: ModelCandidate) => (c.plan.routing ? 0 : 1);
  const cost = (c: ModelCandidate) => Math.round((c.monthlyUsd ?? c.monthlyUsdRange?.max ?? 0) * 100);
  const scope = (c: ModelCandidate): DataScope => dataScopeOf(c.deploymentType);
  return (
    router(a) - router(b) ||
    cost(a) - cost(b) ||
    (b.runwayDays ?? 0) - (a.runwayDays ?? 0) ||
    scopeWidth[scope(a)] - scopeWidth[scope(b)] ||
    familyOrder[familyOf(a.deploymentType)] - familyOrder[familyOf(b.deploymentType)] ||
    a.model.localeCompare(b.model) ||
    a.deploymentType.localeCompare(b.deploymentType)
  );
}

function compareRejections(a: Rejection, b: Rejection): number {
  return a.model.localeCompare(b.model) || (a.deploymentType ?? "").localeCompare(b.deploymentType ?? "");
}

function isRejection(x: EligibleModel | ModelCandidate | Rejection): x is Rejection {
  return "why" in x;
}

/**
 * Ranks the models of `catalog` against the contract on `today`, within the environment's limits.
 * `catalog` chooses which catalog models are judged (default: all of them; pass `undefined` for it);
 * their facts are read through the catalog's lookups, so refreshed prices apply. Custom models are
 * not judged: their facts are declared, not sourced.
 */
export function selectModels(
  contract: WorkloadContract,
  catalog: readonly ModelInfo[] = catalogModels,
  today: Date,
  limits: EnvironmentLimits = {},
): Selection {
  const ctx: SelectionContext = {
    contract,
    traffic: resolvedTraffic(contract.traffic),
    req: requirementsOf(contract, limits),
    limits,
    today,
    catalog,
  };
  const candidates: ModelCandidate[] = [];
  const rejected: Rejection[] = [];
  const eligible: EligibleModel[] = [];
  for (const info of [...catalog].sort((a, b) => a.name.localeCompare(b.name))) {
    if (info.name === modelRouterName) {
      continue;
    }
    const m = judgeModel(info, ctx);
    if (isRejection(m)) {
      rejected.push(m);
      continue;
    }
    eligible.push(m);
    for (const type of info.deploymentTypes.value) {
      const c = candidateOn(m, type, ctx);
      (isRejection(c) ? rejected : candidates).push(c as never);
    }
  }
  const router = catalog.find((m) => m.name === modelRouterName);
  if (router) {
    if (contract.routing === "auto") {
      const routed = routerCandidates(router, eligible, ctx);
      candidates.push(...routed.candidates);
      rejected.push(...routed.rejected);
    } else {
      rejected.push({
        model: modelRouterName,
        why: "routing fixed: the contract asks for one model (routing: auto deploys a Model Router)",
      });
    }
  }
  return {
    workload: contract.name,
    requirements: describeRequirements(contract, limits),
    candidates: candidates.sort(compareCandidates),
    rejected: rejected.sort(compareRejections),
  };
}
