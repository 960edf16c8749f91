import { strict as assert } from "node:assert";
import { findModel, ptuSizing } from "../../components/catalog";
import { models } from "../../components/catalog/models";
import { WorkloadContract } from "../../components/select/contract";
import {
  deriveSemanticCache,
  deriveTeams,
  deriveWorkload,
  DerivedDeploymentSpec,
  teamLimitHeadroom,
} from "../../components/select/derive";
import { selectModels } from "../../components/select/select";
import { deploymentConfig } from "../../stacks/config/accounts";
import { contract, day, limitsOf } from "./contracts";

const prod = limitsOf("prod");

function derive(c: Partial<WorkloadContract>, gateway = true) {
  const w = contract(c);
  return deriveWorkload(w, selectModels(w, models, day, prod), { gateway });
}

function byName(specs: readonly DerivedDeploymentSpec[]): Record<string, DerivedDeploymentSpec> {
  return Object.fromEntries(specs.map((s) => [s.name, s]));
}

/** Every derived spec is a valid stack config deployment. */
function assertConfigShaped(specs: readonly DerivedDeploymentSpec[]): void {
  for (const s of specs) {
    const parsed = deploymentConfig.safeParse(s);
    assert.ok(parsed.success, `${s.name}: ${JSON.stringify(parsed.error?.issues)}`);
  }
}

describe("deriveWorkload", () => {
  it("batch: the asynchronous share becomes <name>-batch on the batch type of the chosen model", () => {
    const d = derive({
      name: "docs",
      latency: "standard",
      models: ["gpt-5.4-mini"],
      traffic: { requestsPerMinute: 20, avgInputTokens: 1500, avgOutputTokens: 200, asyncShare: 0.25 },
    });
    const specs = byName(d.deployments);
    assert.deepEqual(Object.keys(specs), ["docs", "docs-batch"]);
    assert.equal(specs.docs.type, "GlobalStandard");
    assert.equal(specs["docs-batch"].type, "GlobalBatch");
    assert.equal(specs["docs-batch"].model, "gpt-5.4-mini");
    assert.equal(specs["docs-batch"].expectedTraffic?.requestsPerMinute, 5);
    // One day of the asynchronous share's input tokens: 5 req/min × 1,440 min × 1,500 tokens.
    assert.equal(specs["docs-batch"].capacity, 10_800);
    assertConfigShaped(d.deployments);
  });

  it("batch: a relaxed, all-asynchronous workload gets only a batch deployment", () => {
    const d = derive({
      name: "nightly",
      latency: "relaxed",
      models: ["gpt-5.4-mini"],
      traffic: { requestsPerMinute: 50, avgInputTokens: 3000, avgOutputTokens: 500, asyncShare: 1 },
    });
    assert.deepEqual(
      d.deployments.map((s) => [s.name, s.type]),
      [["nightly-batch", "GlobalBatch"]],
    );
    assert.equal(d.teamShare, undefined);
  });

  it("PTU: steady interactive load above the break-even gets the planner's PTUs spilling over to <name>", () => {
    const d = derive({
      name: "assist",
      models: ["gpt-5.4"],
      traffic: { requestsPerMinute: 30, avgInputTokens: 2000, avgOutputTokens: 300, peakToAverage: 1.2 },
    });
    const [spillover, ptu] = d.deployments;
    assert.equal(spillover.name, "assist", "the spillover target is declared first");
    assert.equal(spillover.type, "GlobalStandard");
    assert.equal(ptu.name, "assist-ptu");
    assert.equal(ptu.type, "GlobalProvisionedManaged");
    assert.equal(ptu.spillover, "assist");
    assert.equal(ptu.pricing, "reservation");
    const sizing = ptuSizing("gpt-5.4", "GlobalProvisionedManaged");
    assert.ok(sizing && ptu.capacity >= sizing.min && (ptu.capacity - sizing.min) % sizing.step === 0);
    assert.ok(spillover.capacity >= 1);
    assert.ok(d.notes.some((n) => /one-month reservation/.test(n)));
    assertConfigShaped(d.deployments);
  });

  it("PTU: a bursty load stays on pay-as-you-go (the planner finds no break-even)", () => {
    const d = derive({
      name: "burst",
      models: ["gpt-5.4"],
      traffic: { requestsPerMinute: 3, avgInputTokens: 2000, avgOutputTokens: 300, peakToAverage: 10 },
    });
    assert.deepEqual(
      d.deployments.map((s) => s.type),
      ["GlobalStandard"],
    );
  });

  it("router: routing auto derives a model-router with the eligible models as its subset", () => {
    const d = derive({ name: "helpdesk", routing: "auto", needs: ["tools"] });
    const [router] = d.deployments;
    assert.equal(router.model, "model-router");
    assert.equal(router.version, "2025-11-18");
    const subset = router.routing?.models ?? [];
    assert.ok(subset.length >= 2);
    const approved = Object.keys(prod.approvedModels ?? {});
    for (const m of subset) {
      assert.ok(approved.includes(m.model), `${m.model} is approved in prod`);
      assert.ok(findModel(m.model)?.capabilities.value.includes("tools"), `${m.model} takes tools`);
      assert.equal(m.format, "OpenAI");
    }
    assert.equal(router.routing?.mode, "balanced");
    assertConfigShaped(d.deployments);
  });

  it("traffic: through the gateway on the team, else declared on the deployment", () => {
    const withTeam = derive({ name: "t", team: "support" });
    assert.equal(withTeam.deployments[0].expectedTraffic, undefined);
    assert.equal(withTeam.teamShare?.traffic.requestsPerMinute, 10);
    const noGateway = derive({ name: "t", team: "support" }, false);
    assert.equal(noGateway.deployments[0].expectedTraffic?.requestsPerMinute, 10);
    assert.equal(noGateway.teamShare, undefined);
    assert.ok(
      noGateway.notes.some((n) => /team support is not derived: the stack deploys no gateway/.test(n)),
    );
  });

  it("cache: a significant repeat share through the gateway asks for a semantic cache", () => {
    const repeats = { requestsPerMinute: 10, avgInputTokens: 1500, avgOutputTokens: 100, repeatShare: 0.3 };
    assert.equal(derive({ team: "support", traffic: repeats }).wantsSemanticCache, true);
    assert.equal(
      derive({ team: "support", traffic: { ...repeats, repeatShare: 0.1 } }).wantsSemanticCache,
      false,
    );
    const direct = derive({ traffic: repeats });
    assert.equal(direct.wantsSemanticCache, false);
    assert.ok(direct.notes.some((n) => /sits on the gateway/.test(n)));
  });

  it("cache: the embeddings deployment is chosen by the selector for the workloads' prompts", () => {
    const a = contract({
      name: "a",
      dataResidency: "global",
      traffic: { requestsPerMinute: 10, avgInputTokens: 1000, avgOutputTokens: 100, asyncShare: 0.5 },
    });
    const b = contract({
      name: "b",
      dataResidency: "dataZone",
      traffic: { requestsPerMinute: 5, avgInputTokens: 4000, avgOutputTokens: 100 },
    });
    const cache = deriveSemanticCache([a, b], models, day, prod);
    const spec = cache.deployment;
    assert.ok(spec);
    assert.ok(findModel(spec.model)?.capabilities.value.includes("embeddings"));
    assert.equal(spec.type, "DataZoneStandard", "the narrowest residency of the workloads");
    // Every synchronous prompt is embedded on lookup: 5 + 5 req/min, averaging 2,500 tokens.
    assert.deepEqual(spec.expectedTraffic, { requestsPerMinute: 10, inputTokens: 2500, outputTokens: 0 });
    assert.equal(cache.selection.candidates[0].model, spec.model);
  });

  it("no candidate: nothing is derived and the note says so", () => {
    const d = derive({ budgetUsdPerMonth: 0.01 });
    assert.deepEqual(d.deployments, []);
    assert.deepEqual(d.notes, ["no candidate meets the contract"]);
  });
});

describe("deriveTeams", () => {
  it("team limits: the sum of the workloads' peak and monthly tokens with headroom; allow-list and traffic per model", () => {
    const share = (model: string, rpm: number) => ({
      team: "support",
      model,
      peakTokensPerMinute: rpm * 2 * 1000,
      monthlyTokens: rpm * 43_800 * 1000,
      traffic: { requestsPerMinute: rpm, inputTokens: 800, outputTokens: 200 },
    });
    const [team, other] = deriveTeams([
      share("gpt-5.4-nano", 10),
      share("model-router", 5),
      share("gpt-5.4-nano", 20),
      { ...share("gpt-5.4", 1), team: "analysts" },
    ]);
    assert.equal(team.name, "analysts");
    assert.equal(other.name, "support");
    assert.deepEqual(other.allowedModels, ["gpt-5.4-nano", "model-router"]);
    assert.equal(other.tokensPerMinute, Math.ceil(35 * 2 * 1000 * teamLimitHeadroom));
    assert.equal(other.monthlyTokenQuota, Math.ceil(35 * 43_800 * 1000 * teamLimitHeadroom));
    assert.deepEqual(other.expectedTraffic, [
      { model: "gpt-5.4-nano", requestsPerMinute: 30, inputTokens: 800, outputTokens: 200 },
      { model: "model-router", requestsPerMinute: 5, inputTokens: 800, outputTokens: 200 },
    ]);
  });
});
