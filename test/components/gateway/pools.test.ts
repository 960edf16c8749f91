import { strict as assert } from "node:assert";
import {
  candidateDeploymentName,
  circuitBreakerProblems,
  GatewayModelTarget,
  maxPoolMembers,
  planCanary,
  planPools,
  poolModelOf,
  poolProblems,
  retryCountFor,
  routeTable,
  targetProblems,
} from "../../../components/gateway";

const endpoint = (a: string): string => `https://aif-${a}.cognitiveservices.azure.com/`;
function target(
  account: string,
  deployment: string,
  rest: Partial<GatewayModelTarget> = {},
): GatewayModelTarget {
  return {
    account,
    accountResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/${account}`,
    endpoint: endpoint(account),
    location: "swedencentral",
    deployment,
    model: deployment,
    type: "GlobalStandard",
    ...rest,
  };
}

/** [member backend id, priority, weight] of a model's pool. */
function layout(targets: GatewayModelTarget[], model: string): [string, number, number][] {
  const pool = planPools(targets, "swedencentral").find((p) => p.model === model);
  assert.ok(pool, `no pool for ${model}`);
  return pool.members.map((m) => [m.backendId, m.priority, m.weight]);
}

describe("gateway pools", () => {
  it("puts provisioned first, its standard spillover next and other regions after", () => {
    const targets = [
      target("second", "gpt-4.1", { location: "eastus2" }),
      target("main", "gpt-4.1", { model: "gpt-4.1" }),
      target("main", "gpt-4.1-ptu", { model: "gpt-4.1", type: "GlobalProvisionedManaged" }),
    ];
    assert.deepEqual(layout(targets, "gpt-4.1"), [
      ["main-gpt-4-1-ptu", 1, 100],
      ["main-gpt-4-1", 2, 100],
      ["second-gpt-4-1", 3, 100],
    ]);
  });

  it("honours an explicit spillover and keeps priorities consecutive over the tiers present", () => {
    const targets = [
      target("second", "gpt-4.1", { location: "eastus2", spilloverOf: "ptu" }),
      target("second", "ptu", { model: "gpt-4.1", location: "eastus2", type: "ProvisionedManaged" }),
    ];
    assert.deepEqual(layout(targets, "gpt-4.1"), [
      ["second-ptu", 1, 100],
      ["second-gpt-4-1", 2, 100],
    ]);
  });

  it("without provisioned throughput, ranks the primary region before the others", () => {
    const targets = [target("west", "m", { location: "westeurope" }), target("main", "m")];
    assert.deepEqual(layout(targets, "m"), [
      ["main-m", 1, 100],
      ["west-m", 2, 100],
    ]);
  });

  it("leaves batch deployments out of pools and routes", () => {
    const targets = [target("main", "m"), target("main", "m-batch", { model: "m", type: "GlobalBatch" })];
    assert.deepEqual(layout(targets, "m"), [["main-m", 1, 100]]);
    assert.deepEqual(
      routeTable(planPools(targets, "swedencentral")).map((r) => r.name),
      ["m"],
    );
  });

  it("weights a canary 100-w / w against its stable deployment, at the stable's priority", () => {
    const targets = [
      target("main", "gpt-4.1-mini", { version: "2025-04-14" }),
      target("main", "gpt-4.1-mini-canary", {
        model: "gpt-4.1-mini",
        version: "2025-08-07",
        canary: { stable: "gpt-4.1-mini", weightPercent: 10 },
      }),
      target("second", "gpt-4.1-mini", { location: "eastus2" }),
    ];
    assert.deepEqual(layout(targets, "gpt-4.1-mini"), [
      ["main-gpt-4-1-mini", 1, 90],
      ["main-gpt-4-1-mini-canary", 1, 10],
      ["second-gpt-4-1-mini", 2, 100],
    ]);
    // The candidate is reached only through the pool's weights.
    assert.deepEqual(
      routeTable(planPools(targets, "swedencentral")).map((r) => r.name),
      ["gpt-4.1-mini"],
    );
  });

  it("routes every model name and deployment name to its model's pool", () => {
    const targets = [
      target("main", "chat", { model: "gpt-4.1" }),
      target("main", "gpt-4.1-ptu", { model: "gpt-4.1", type: "GlobalProvisionedManaged" }),
      target("main", "text-embedding-3-small"),
    ];
    assert.deepEqual(routeTable(planPools(targets, "swedencentral")), [
      { name: "chat", model: "gpt-4.1", backendId: "pool-gpt-4-1" },
      { name: "gpt-4.1", model: "gpt-4.1", backendId: "pool-gpt-4-1" },
      { name: "gpt-4.1-ptu", model: "gpt-4.1", backendId: "pool-gpt-4-1" },
      {
        name: "text-embedding-3-small",
        model: "text-embedding-3-small",
        backendId: "pool-text-embedding-3-small",
      },
    ]);
  });

  it("accepts 30 members a pool and refuses 31, naming the pool and the limit", () => {
    const many = (n: number): GatewayModelTarget[] =>
      Array.from({ length: n }, (_, i) => target(`acct${i}`, "m", { location: "westeurope" }));
    assert.deepEqual(poolProblems(planPools(many(maxPoolMembers), "swedencentral")), []);
    const problems = poolProblems(planPools(many(maxPoolMembers + 1), "swedencentral"));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /pool 'pool-m' for model 'm' has 31 members; API Management takes at most 30/);
  });

  it("refuses weights and priorities outside 0-100", () => {
    const pool = planPools([target("main", "m")], "swedencentral")[0];
    const bad = [{ ...pool, members: [{ ...pool.members[0], weight: 101, priority: -1 }] }];
    const problems = poolProblems(bad);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /weight 101; weights are whole numbers from 0 to 100/);
    assert.match(problems[1], /priority -1/);
  });

  it("sizes retries to try every member of the largest pool", () => {
    assert.equal(retryCountFor(planPools([target("a", "m")], "swedencentral")), 1);
    const three = [target("a", "m"), target("b", "m"), target("c", "m")];
    assert.equal(retryCountFor(planPools(three, "swedencentral")), 2);
  });
});

describe("gateway target validation", () => {
  const cases: [string, GatewayModelTarget[], RegExp][] = [
    ["a duplicate deployment", [target("main", "m"), target("main", "m")], /'main\/m' is given twice/],
    [
      "a deployment named like another model",
      [target("main", "gpt-4.1"), target("main", "gpt-4.1-mini", { model: "gpt-4.1" })].concat(
        target("main", "x", { model: "gpt-4.1-mini" }),
      ),
      /named like model 'gpt-4\.1-mini'/,
    ],
    [
      "one deployment name serving two models",
      [target("main", "chat", { model: "a" }), target("second", "chat", { model: "b" })],
      /'chat' serves model 'a' in one account and 'b' in another/,
    ],
    [
      "a spillover of a standard deployment",
      [target("main", "m"), target("main", "s", { model: "m", spilloverOf: "m" })],
      /not a provisioned deployment/,
    ],
    [
      "a canary of a missing deployment",
      [target("main", "m-canary", { model: "m", canary: { stable: "m", weightPercent: 5 } })],
      /names stable deployment 'm', which account 'main' does not have/,
    ],
    [
      "a canary weight of 150",
      [
        target("main", "m"),
        target("main", "m-canary", { model: "m", canary: { stable: "m", weightPercent: 150 } }),
      ],
      /weight 150/,
    ],
    [
      "backend ids that collide",
      [target("main", "a.b"), target("main", "a-b", { model: "a.b" })],
      /both map to backend id 'main-a-b'/,
    ],
  ];
  for (const [name, targets, message] of cases) {
    it(`refuses ${name}`, () => {
      const problems = targetProblems(targets);
      assert.ok(
        problems.some((p) => message.test(p)),
        problems.join("\n"),
      );
    });
  }

  it("accepts a provisioned deployment, its spillover, a canary and another region", () => {
    assert.deepEqual(
      targetProblems([
        target("main", "ptu", { model: "gpt-4.1", type: "GlobalProvisionedManaged" }),
        target("main", "gpt-4.1", { spilloverOf: "ptu" }),
        target("main", "gpt-4.1-canary", {
          model: "gpt-4.1",
          canary: { stable: "gpt-4.1", weightPercent: 20 },
        }),
        target("second", "gpt-4.1", { location: "eastus2" }),
      ]),
      [],
    );
  });

  it("demands exactly one circuit-breaker rule per backend with valid durations and ranges", () => {
    assert.deepEqual(circuitBreakerProblems([{}]), []);
    assert.match(
      circuitBreakerProblems([])[0],
      /0 circuit-breaker rules given; API Management takes exactly one/,
    );
    assert.match(circuitBreakerProblems([{}, { name: "b" }])[0], /2 circuit-breaker rules/);
    const bad = circuitBreakerProblems([
      { failureCount: 0, tripDuration: "1 minute", statusCodeRanges: [{ min: 600, max: 429 }] },
    ]);
    assert.equal(bad.length, 3);
  });
});

describe("canary planning", () => {
  const accounts = [
    {
      name: "main",
      deployments: [
        { model: "gpt-4.1-mini", version: "2025-04-14", type: "GlobalStandard" as const, capacity: 50 },
        {
          name: "ptu",
          model: "gpt-4.1",
          version: "2025-04-14",
          type: "GlobalProvisionedManaged" as const,
          capacity: 15,
        },
      ],
    },
    {
      name: "second",
      deployments: [
        { model: "gpt-4.1-mini", version: "2025-04-14", type: "GlobalStandard" as const, capacity: 20 },
      ],
    },
  ];

  it("adds a candidate with the same model, type and capacity, the new version and a stable derived name", () => {
    const { plans, problems } = planCanary(accounts, {
      deployment: "gpt-4.1-mini",
      account: "main",
      candidateVersion: "2025-08-07",
      weightPercent: 10,
    });
    assert.deepEqual(problems, []);
    assert.equal(plans.length, 1);
    assert.deepEqual(plans[0].candidate, {
      name: candidateDeploymentName("gpt-4.1-mini"),
      model: "gpt-4.1-mini",
      version: "2025-08-07",
      type: "GlobalStandard",
      capacity: 50,
      protect: false,
      // Marks the candidate for the promotion gate (policy ai-deployment-canary-evaluated).
      tags: { canaryOf: "gpt-4.1-mini" },
    });
    assert.equal(plans[0].candidate.name, "gpt-4.1-mini-canary");
  });

  it("canaries every account holding the deployment when no account is named", () => {
    const { plans } = planCanary(accounts, {
      deployment: "gpt-4.1-mini",
      candidateVersion: "v2",
      weightPercent: 25,
    });
    assert.deepEqual(
      plans.map((p) => [p.account, p.candidate.capacity, p.weightPercent]),
      [
        ["main", 50, 25],
        ["second", 20, 25],
      ],
    );
  });

  it("rolls back at weight 0 or without an upgrade: no candidate at all", () => {
    assert.deepEqual(planCanary(accounts, undefined), { plans: [], problems: [] });
    assert.deepEqual(
      planCanary(accounts, { deployment: "gpt-4.1-mini", candidateVersion: "v2", weightPercent: 0 }),
      { plans: [], problems: [] },
    );
  });

  const bad: [string, Parameters<typeof planCanary>[1], RegExp][] = [
    [
      "an unknown deployment",
      { deployment: "nope", candidateVersion: "v", weightPercent: 5 },
      /no deployment of that name/,
    ],
    [
      "an unknown account",
      { deployment: "gpt-4.1-mini", account: "x", candidateVersion: "v", weightPercent: 5 },
      /account 'x' does not exist/,
    ],
    [
      "the stable version",
      { deployment: "gpt-4.1-mini", candidateVersion: "2025-04-14", weightPercent: 5 },
      /is the stable version already/,
    ],
    [
      "a provisioned deployment",
      { deployment: "ptu", candidateVersion: "v", weightPercent: 5 },
      /is provisioned; .*canary the model's standard/,
    ],
    [
      "a weight of 101",
      { deployment: "gpt-4.1-mini", candidateVersion: "v", weightPercent: 101 },
      /weightPercent 101/,
    ],
  ];
  for (const [name, upgrade, message] of bad) {
    it(`refuses ${name}`, () => {
      const { plans, problems } = planCanary(accounts, upgrade);
      assert.deepEqual(plans, []);
      assert.ok(
        problems.some((p) => message.test(p)),
        problems.join("\n"),
      );
    });
  }
});

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
      tags: { canaryOf: "gpt-5" },
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
