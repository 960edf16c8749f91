import { strict as assert } from "node:assert";
import {
  GatewayModelTarget,
  planCanary,
  planPools,
  poolModelOf,
  routeTable,
  targetProblems,
} from "../../../components/gateway";

function target(
  account: string,
  deployment: string,
  rest: Partial<GatewayModelTarget> = {},
): GatewayModelTarget {
  return {
    account,
    accountResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/${account}`,
    endpoint: `https://aif-${account}.cognitiveservices.azure.com/`,
    location: "swedencentral",
    deployment,
    model: deployment,
    type: "GlobalStandard",
    ...rest,
  };
}

describe("canary to a successor model", () => {
  const accounts = [
    {
      name: "main",
      deployments: [{ model: "gpt-5", version: "2025-08-07", type: "GlobalStandard" as const, capacity: 50 }],
    },
  ];

  it("plans a candidate of the successor model under the stable deployment's name", () => {
    const { plans, problems } = planCanary(accounts, {
      deployment: "gpt-5",
      candidateModel: "gpt-5.4",
      candidateVersion: "2026-03-05",
      weightPercent: 10,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(plans[0].candidate, {
      model: "gpt-5.4",
      version: "2026-03-05",
      type: "GlobalStandard",
      capacity: 50,
      name: "gpt-5-canary",
      protect: false,
    });
  });

  it("still refuses a candidate identical to the stable deployment, and accepts the same version of another model", () => {
    const same = planCanary(accounts, {
      deployment: "gpt-5",
      candidateVersion: "2025-08-07",
      weightPercent: 10,
    });
    assert.match(same.problems[0], /candidateVersion '2025-08-07' is the stable version already/);
    const other = planCanary(accounts, {
      deployment: "gpt-5",
      candidateModel: "gpt-5-mini",
      candidateVersion: "2025-08-07",
      weightPercent: 10,
    });
    assert.deepEqual(other.problems, []);
  });

  it("keeps the candidate in the stable model's pool and route; clients never see the successor's name", () => {
    const targets = [
      target("main", "gpt-5", { version: "2025-08-07" }),
      target("main", "gpt-5-canary", {
        model: "gpt-5.4",
        version: "2026-03-05",
        canary: { stable: "gpt-5", weightPercent: 10 },
      }),
      target("second", "gpt-5", { location: "eastus2" }),
    ];
    assert.deepEqual(targetProblems(targets), []);
    assert.equal(poolModelOf(targets[1], targets), "gpt-5");
    const pools = planPools(targets, "swedencentral");
    assert.deepEqual(
      pools.map((p) => [p.model, p.members.map((m) => [m.backendId, m.priority, m.weight])]),
      [
        [
          "gpt-5",
          [
            ["main-gpt-5", 1, 90],
            ["main-gpt-5-canary", 1, 10],
            ["second-gpt-5", 2, 100],
          ],
        ],
      ],
    );
    assert.deepEqual(
      routeTable(pools).map((r) => r.name),
      ["gpt-5"],
    );
  });
});
