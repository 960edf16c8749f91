import { strict as assert } from "node:assert";
import { dataScopeOf, familyOf, findModel } from "../../components/catalog";
import { models } from "../../components/catalog/models";
import { priceDeployment } from "../../components/cost/deployment";
import { WorkloadContract } from "../../components/select/contract";
import { requirementsOf } from "../../components/select/requirements";
import { compareCandidates, selectModels } from "../../components/select/select";
import { ModelCandidate, Rejection, Selection } from "../../components/select/types";
import { contract, day, limitsOf } from "./contracts";

const prod = limitsOf("prod");

function select(c: Partial<WorkloadContract>, limits = prod, on = day): Selection {
  return selectModels(contract(c), models, on, limits);
}

function rejection(s: Selection, model: string, type?: string): Rejection | undefined {
  return s.rejected.find((r) => r.model === model && r.deploymentType === type);
}

function candidate(s: Selection, model: string, type: string): ModelCandidate | undefined {
  return s.candidates.find((c) => c.model === model && c.deploymentType === type);
}

/** gpt-5.4-mini on Global Standard for `traffic`, at standard latency. */
function miniOn(traffic: WorkloadContract["traffic"]): ModelCandidate | undefined {
  return candidate(
    select({ models: ["gpt-5.4-mini"], latency: "standard", traffic }),
    "gpt-5.4-mini",
    "GlobalStandard",
  );
}

function why(s: Selection, model: string, type?: string): string {
  const r = rejection(s, model, type);
  assert.ok(
    r,
    `${model} ${type ?? "(model)"} is rejected; candidates: ${s.candidates.map((c) => `${c.model} ${c.deploymentType}`).join(", ")}`,
  );
  return r.why;
}

describe("selectModels: filters", () => {
  describe("capability", () => {
    const cases: {
      task: WorkloadContract["task"];
      needs?: WorkloadContract["needs"];
      lacking: string;
      missing: RegExp;
    }[] = [
      {
        task: "chat",
        needs: ["tools"],
        lacking: "Llama-4-Maverick-17B-128E-Instruct-FP8",
        missing: /lacks tools/,
      },
      { task: "reasoning", lacking: "gpt-4.1-mini", missing: /lacks reasoning/ },
      { task: "extraction", lacking: "grok-4", missing: /lacks structuredOutput/ },
      { task: "vision", lacking: "DeepSeek-V4-Pro", missing: /lacks vision/ },
      { task: "embedding", lacking: "gpt-5.4-mini", missing: /lacks embeddings/ },
      { task: "classification", lacking: "text-embedding-3-small", missing: /lacks chat/ },
    ];
    for (const c of cases) {
      it(`${c.task}${c.needs ? ` + ${c.needs.join(",")}` : ""}: ${c.lacking} is rejected, every candidate lists the capabilities`, () => {
        const s = select(
          {
            task: c.task,
            needs: c.needs,
            traffic: {
              requestsPerMinute: 5,
              avgInputTokens: 500,
              avgOutputTokens: c.task === "embedding" ? 0 : 100,
            },
          },
          {},
        );
        assert.match(why(s, c.lacking), c.missing);
        const wanted = requirementsOf(contract({ task: c.task, needs: c.needs })).capabilities;
        assert.ok(s.candidates.length > 0);
        for (const x of s.candidates.filter((k) => !k.plan.routing)) {
          const caps = findModel(x.model)?.capabilities.value ?? [];
          assert.deepEqual(
            wanted.filter((w) => !caps.includes(w)),
            [],
            x.model,
          );
        }
      });
    }

    it("longContext needs a 1M-token window and keeps to pay-as-you-go types", () => {
      const s = select({ task: "reasoning", needs: ["longContext"], latency: "interactive" });
      assert.match(
        why(s, "gpt-5.4-mini"),
        /context window 400,000 tokens, under the 1,000,000 the contract needs \(longContext\)/,
      );
      assert.ok(candidate(s, "gpt-5.4", "GlobalStandard"));
      assert.match(
        why(s, "gpt-5.4", "GlobalProvisionedManaged"),
        /longContext: provisioned and batch deployments take shorter prompts/,
      );
    });

    it("the average request must fit the context window", () => {
      const s = select({
        task: "embedding",
        traffic: { requestsPerMinute: 5, avgInputTokens: 9000, avgOutputTokens: 0 },
      });
      assert.match(why(s, "text-embedding-3-small"), /context window 8,192 tokens, under the 9,000/);
      assert.equal(s.candidates.length, 0);
    });
  });

  describe("residency", () => {
    const cases: { residency: WorkloadContract["dataResidency"]; rejected: string; kept: string }[] = [
      { residency: "global", rejected: "", kept: "GlobalStandard" },
      { residency: "dataZone", rejected: "GlobalStandard", kept: "DataZoneStandard" },
      { residency: "regional", rejected: "DataZoneStandard", kept: "" },
    ];
    for (const c of cases) {
      it(`${c.residency}: every candidate's type processes data within it`, () => {
        const s = select({ dataResidency: c.residency, latency: "standard" });
        const width = { regional: 0, dataZone: 1, global: 2 };
        for (const x of s.candidates) {
          assert.ok(
            width[dataScopeOf(x.deploymentType)] <= width[c.residency],
            `${x.model} ${x.deploymentType}`,
          );
        }
        if (c.rejected) {
          assert.match(
            why(s, "gpt-5.4-mini", c.rejected),
            new RegExp(`wider than the ${c.residency} residency`),
          );
        }
        if (c.kept) {
          assert.ok(candidate(s, "gpt-5.4-mini", c.kept));
        }
      });
    }

    it("the environment's residency narrows the contract's", () => {
      const s = select(
        { dataResidency: "global", latency: "standard" },
        { ...prod, dataResidency: "dataZone" },
      );
      assert.match(why(s, "gpt-5.4-mini", "GlobalStandard"), /wider than the dataZone residency/);
      assert.ok(candidate(s, "gpt-5.4-mini", "DataZoneStandard"));
    });
  });

  describe("lifecycle", () => {
    it("a version under the runway is rejected; a shorter runway admits it", () => {
      const s = select({}, {});
      assert.match(why(s, "gpt-5-mini"), /retires on 2027-02-09, in 68 days: under the 120-day runway/);
      const shorter = select({ minRunwayDays: 60 }, {});
      assert.ok(candidate(shorter, "gpt-5-mini", "GlobalStandard"));
      assert.equal(candidate(shorter, "gpt-5-mini", "GlobalStandard")?.runwayDays, 68);
    });

    it("Legacy, deprecated and retired versions are rejected", () => {
      const s = select({ minRunwayDays: 0 }, {});
      assert.match(why(s, "gpt-4.1"), /Legacy: newer models exist/);
      assert.match(why(s, "gpt-4o-mini"), /deprecated: no new deployments/);
      assert.match(why(s, "o4-mini"), /retired on 2026-10-16/);
    });

    it("a version without a published retirement date cannot show its runway", () => {
      assert.match(why(select({}, {}), "gpt-oss-120b"), /no published retirement date/);
    });

    it("Preview versions only with safety default", () => {
      assert.match(
        why(select({ safety: "strict" }, {}), "Mistral-Large-3"),
        /Preview: safety strict takes GA models only/,
      );
      assert.doesNotMatch(why(select({ safety: "default" }, {}), "Mistral-Large-3"), /Preview/);
    });

    it("the same contract judged a year later drops the versions that retired", () => {
      const later = select({}, {}, new Date("2027-12-03T00:00:00Z"));
      assert.match(why(later, "gpt-5.4-mini"), /retired on 2027-09-21/);
    });
  });

  describe("approval and the models list", () => {
    it("a model the environment does not approve is rejected, naming the policy config", () => {
      assert.match(
        why(select({ minRunwayDays: 0 }), "gpt-5"),
        /not approved in policies\/config\/prod\.json \(ai-deployment-approved-model\)/,
      );
    });
    it("a version the environment does not approve is rejected with the approved ones", () => {
      const s = select({}, { approvedModels: { "gpt-5.4-mini": ["1999-01-01"] } });
      assert.match(
        why(s, "gpt-5.4-mini"),
        /version 2026-03-17 is not approved in the environment's policy \(approved: 1999-01-01\)/,
      );
    });
    it("models outside the contract's list are rejected", () => {
      const s = select({ models: ["gpt-5.4"] });
      assert.match(why(s, "gpt-5.4-nano"), /not in the workload's models list \(gpt-5\.4\)/);
      assert.deepEqual([...new Set(s.candidates.map((c) => c.model))], ["gpt-5.4"]);
    });
  });

  describe("latency", () => {
    it("interactive: no batch types; provisioned allowed", () => {
      const s = select({ latency: "interactive" });
      assert.match(
        why(s, "gpt-5.4-mini", "GlobalBatch"),
        /latency interactive: batch jobs take up to 24 hours/,
      );
      assert.doesNotMatch(why(s, "gpt-5.4-mini", "GlobalProvisionedManaged"), /latency/);
    });
    it("standard: pay-as-you-go only", () => {
      const s = select({ latency: "standard" });
      assert.match(
        why(s, "gpt-5.4", "GlobalProvisionedManaged"),
        /provisioned throughput is for interactive workloads/,
      );
      assert.match(why(s, "gpt-5.4", "GlobalBatch"), /batch jobs take up to 24 hours/);
    });
    it("relaxed: batch types are candidates", () => {
      const s = select({ latency: "relaxed", models: ["gpt-5.4-mini"] });
      assert.equal(candidate(s, "gpt-5.4-mini", "GlobalBatch")?.plan.primary.type, "GlobalBatch");
      assert.equal(s.candidates[0].deploymentType, "GlobalBatch", "batch is the cheapest way to serve it");
    });
  });

  describe("cost, budget and capacity", () => {
    it("a pay-as-you-go candidate costs what the cost model prices for that traffic", () => {
      const s = select({ models: ["gpt-5.4-mini"], latency: "standard" });
      const c = candidate(s, "gpt-5.4-mini", "GlobalStandard");
      const priced = priceDeployment({
        name: "w",
        model: "gpt-5.4-mini",
        skuName: "GlobalStandard",
        traffic: {
          ok: true,
          traffic: { requestsPerMinute: 10, inputTokens: 500, outputTokens: 100 },
          from: "",
        },
      });
      assert.ok(priced.priced);
      assert.equal(c?.monthlyUsd, Math.round(priced.monthlyUsd * 100) / 100);
    });

    it("the asynchronous share is priced at the batch price of the same model", () => {
      const traffic = { requestsPerMinute: 10, avgInputTokens: 500, avgOutputTokens: 100 };
      const sync = miniOn(traffic);
      const half = miniOn({ ...traffic, asyncShare: 0.5 });
      assert.equal(half?.plan.batch?.type, "GlobalBatch");
      // GlobalBatch is half the GlobalStandard price for gpt-5.4-mini: half the traffic at half the price.
      assert.ok(Math.abs((half?.monthlyUsd ?? 0) - (sync?.monthlyUsd ?? 0) * 0.75) < 0.02);
    });

    it("repeats are priced as prompt-cache hits only for prompts of at least 1,024 tokens", () => {
      const long = miniOn({
        requestsPerMinute: 10,
        avgInputTokens: 2000,
        avgOutputTokens: 100,
        repeatShare: 0.5,
      });
      assert.equal(long?.plan.primary.traffic.cachedShare, 0.5);
      const short = miniOn({
        requestsPerMinute: 10,
        avgInputTokens: 500,
        avgOutputTokens: 100,
        repeatShare: 0.5,
      });
      assert.equal(short?.plan.primary.traffic.cachedShare, undefined);
      assert.ok(short?.reasons.some((r) => /prompts average under 1,024 tokens/.test(r)));
    });

    it("budget: dearer candidates are rejected with their cost", () => {
      const s = select({ budgetUsdPerMonth: 100 });
      assert.ok(s.candidates.length > 0);
      assert.ok(s.candidates.every((c) => (c.monthlyUsd ?? c.monthlyUsdRange?.max ?? Infinity) <= 100));
      assert.match(
        why(s, "gpt-5.5", "GlobalStandard"),
        /costs \$[\d,.]+ a month, over the budget of \$100\.00/,
      );
      assert.equal(select({ budgetUsdPerMonth: 1 }).candidates.length, 0);
    });

    it("capacity: a standard deployment above the environment's cap is rejected", () => {
      const s = select(
        {
          latency: "standard",
          traffic: { requestsPerMinute: 1000, avgInputTokens: 1000, avgOutputTokens: 100 },
        },
        { maxStandardCapacity: 50, source: "dev.json" },
      );
      assert.match(
        why(s, "gpt-5.4-nano", "GlobalStandard"),
        /needs 1,100K TPM at the peak; dev\.json caps a standard deployment at 50K/,
      );
    });

    it("provisioned: rejected where the environment allows no PTUs, or below the break-even", () => {
      assert.match(
        why(select({ models: ["gpt-5.4"] }, limitsOf("staging")), "gpt-5.4", "GlobalProvisionedManaged"),
        /allows no more provisioned throughput \(cost-stack-ptu-total\)/,
      );
      assert.match(
        why(select({ models: ["gpt-5.4"] }), "gpt-5.4", "GlobalProvisionedManaged"),
        /below the break-even: all pay-as-you-go on GlobalStandard costs \$[\d,.]+ a month, less than 15 PTUs \(reservation\)/,
      );
    });
  });
});

describe("selectModels: ranking", () => {
  it("candidates are ordered by monthly cost, cheapest first", () => {
    const s = select({ latency: "standard" });
    const costs = s.candidates.map((c) => c.monthlyUsd ?? 0);
    assert.deepEqual(
      costs,
      [...costs].sort((a, b) => a - b),
    );
    assert.equal(s.candidates[0].model, "gpt-5.4-nano");
  });

  it("routing auto puts a Model Router first, its subset the eligible models it routes to", () => {
    const s = select({ routing: "auto", needs: ["tools"] });
    const router = s.candidates[0];
    assert.equal(router.model, "model-router");
    assert.equal(router.version, "2025-11-18");
    assert.equal(router.monthlyUsd, undefined);
    const routes =
      findModel("model-router")?.versions.find((v) => v.version === "2025-11-18")?.routes?.value ?? [];
    const fixed = new Set(s.candidates.filter((c) => !c.plan.routing).map((c) => `${c.model} ${c.version}`));
    const subset = router.plan.routing?.models ?? [];
    assert.ok(subset.length >= 2);
    for (const m of subset) {
      assert.ok(
        routes.some((r) => r.name === m.name && r.version === m.version),
        `${m.name} is a route`,
      );
      assert.ok(fixed.has(`${m.name} ${m.version}`), `${m.name} meets the contract on its own`);
    }
    assert.ok(router.monthlyUsdRange && router.monthlyUsdRange.min < router.monthlyUsdRange.max);
  });

  it("a router with fewer than two eligible models is rejected, and a fixed model leads", () => {
    const s = select({ routing: "auto", models: ["gpt-5.4"] });
    assert.match(
      why(s, "model-router", "GlobalStandard"),
      /1 eligible model among those version 2025-11-18 routes to \(gpt-5\.4\); a subset keeps at least 2/,
    );
    assert.equal(s.candidates[0].model, "gpt-5.4");
  });

  it("ties: longer runway, then narrower scope, then standard before provisioned, then names", () => {
    const base = select({ latency: "standard" }).candidates[0];
    const like = (over: Partial<ModelCandidate>): ModelCandidate => ({ ...base, monthlyUsd: 10, ...over });
    const ordered = [
      like({ model: "b", runwayDays: 300 }),
      like({ model: "a", runwayDays: 200, deploymentType: "DataZoneStandard" }),
      like({ model: "a", runwayDays: 200, deploymentType: "GlobalStandard" }),
      like({ model: "a", runwayDays: 200, deploymentType: "GlobalProvisionedManaged" }),
      like({ model: "c", runwayDays: 200, deploymentType: "GlobalProvisionedManaged" }),
    ];
    assert.deepEqual([...ordered].reverse().sort(compareCandidates), ordered);
    assert.ok(compareCandidates(like({ monthlyUsd: 9.99 }), like({ monthlyUsd: 10 })) < 0, "cost first");
    assert.equal(familyOf(ordered[3].deploymentType), "provisioned");
  });

  it("is deterministic: the same contract gives the same selection, whatever the catalog's order", () => {
    const c = contract({
      routing: "auto",
      traffic: {
        requestsPerMinute: 30,
        avgInputTokens: 2000,
        avgOutputTokens: 300,
        asyncShare: 0.2,
        repeatShare: 0.3,
      },
    });
    const a = selectModels(c, models, day, prod);
    const b = selectModels(c, [...models].reverse(), day, prod);
    assert.deepEqual(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(a)));
  });
});
