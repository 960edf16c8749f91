import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { z } from "zod";
import { attributeIssues } from "../../stacks/config/expand-workloads";
import { loadPlatformConfig, LoadedConfig } from "../../stacks/config/load";
import { ConfigError, problemLine } from "../../stacks/config/problems";
import {
  limitsFromFile,
  limitsFromPolicyConfig,
  noPolicyConfig,
  policyConfigFileFor,
  policyConfigVariable,
} from "../../stacks/selection-limits";
import { day, limitsOf } from "../select/contracts";

const prod = limitsOf("prod");

const triage = {
  name: "triage",
  team: "support",
  task: "classification",
  needs: ["structuredOutput"],
  latency: "interactive",
  safety: "strict",
  dataResidency: "global",
  traffic: { requestsPerMinute: 120, avgInputTokens: 800, avgOutputTokens: 20, peakToAverage: 3 },
};

function values(over: Record<string, unknown>): Record<string, string> {
  const base: Record<string, unknown> = {
    environment: "prod",
    owner: "o@contoso.com",
    costCenter: "CC",
    workload: "contoso",
    location: "swedencentral",
    gateway: { publisherEmail: "p@contoso.com" },
    workloads: [triage],
    ...over,
  };
  return Object.fromEntries(
    Object.entries(base)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [`foundry-platform:${k}`, typeof v === "string" ? v : JSON.stringify(v)]),
  );
}

function load(over: Record<string, unknown> = {}, limits = prod): LoadedConfig {
  return loadPlatformConfig(values(over), [], "Pulumi.prod.yaml", day, { workloadLimits: () => limits });
}

function problems(over: Record<string, unknown>, limits = prod): string[] {
  try {
    load(over, limits);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.problems.map(problemLine);
  }
  return [];
}

describe("workloads in the stack config", () => {
  it("a workloads-only stack derives an account, its deployments and the team", () => {
    const { config, workloads } = load();
    assert.deepEqual(
      config.accounts.map((a) => [
        a.name,
        a.deployments.map((d) => `${d.name} ${d.model} ${d.version} ${d.type} ${d.capacity}`),
      ]),
      [["main", ["triage gpt-5.4-nano 2026-03-17 GlobalStandard 296"]]],
    );
    const team = config.gateway?.teams[0];
    assert.equal(team?.name, "support");
    assert.deepEqual(team?.allowedModels, ["gpt-5.4-nano"]);
    assert.deepEqual(team?.expectedTraffic, [
      { model: "gpt-5.4-nano", requestsPerMinute: 120, inputTokens: 800, outputTokens: 20 },
    ]);
    assert.equal(workloads?.plans[0].derive, true);
    assert.equal(workloads?.plans[0].selection.candidates[0].model, "gpt-5.4-nano");
  });

  it("where the gateway is not deployed (dev), the team is not derived and the traffic is on the deployment", () => {
    const { config, workloads } = load(
      {
        environment: "dev",
        workloads: [{ ...triage, traffic: { ...triage.traffic, requestsPerMinute: 5 } }],
      },
      limitsOf("dev"),
    );
    assert.deepEqual(config.gateway?.teams, []);
    assert.equal(config.accounts[0].deployments[0].expectedTraffic?.requestsPerMinute, 5);
    assert.ok(workloads?.plans[0].derived.notes.some((n) => /team support is not derived/.test(n)));
  });

  it("with hand-written accounts a workload derives only when it says derive: true", () => {
    const accounts = [
      {
        name: "main",
        deployments: [{ model: "gpt-5.4-mini", version: "2026-03-17", type: "GlobalStandard", capacity: 10 }],
      },
    ];
    const teams = [
      { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5.4-mini"] },
    ];
    const gateway = { publisherEmail: "p@contoso.com", teams };
    const off = load({ accounts, gateway });
    assert.deepEqual(
      off.config.accounts[0].deployments.map((d) => d.name ?? d.model),
      ["gpt-5.4-mini"],
    );
    assert.equal(off.workloads?.plans[0].derive, false);
    assert.ok(
      off.workloads?.plans[0].derived.deployments.length,
      "the plan still shows what it would derive",
    );

    // Mixed: the derived deployment joins the hand-written account; a hand-written team may allow a derived model.
    const on = load({
      accounts,
      gateway: { ...gateway, teams: [{ ...teams[0], allowedModels: ["gpt-5.4-mini", "gpt-5.4-nano"] }] },
      workloads: [{ ...triage, derive: true }],
    });
    assert.deepEqual(
      on.config.accounts[0].deployments.map((d) => d.name ?? d.model),
      ["gpt-5.4-mini", "triage"],
    );
    assert.deepEqual(
      on.config.gateway?.teams.map((t) => t.name),
      ["apps", "support"],
    );
  });

  it("a derived deployment that clashes with a hand-written one is a config error at the workload", () => {
    const accounts = [
      {
        name: "main",
        deployments: [
          {
            name: "triage",
            model: "gpt-5.4-mini",
            version: "2026-03-17",
            type: "GlobalStandard",
            capacity: 10,
          },
        ],
      },
    ];
    const lines = problems({ accounts, workloads: [{ ...triage, derive: true }] });
    assert.equal(
      lines[0],
      `foundry-platform:workloads[0].name (got "triage"): the derived deployment 'triage' clashes with accounts[0].deployments[0] of account 'main'; rename the workload or that deployment`,
    );
    assert.ok(
      lines.slice(1).every((l) => l.startsWith("foundry-platform:gateway.teams: required")),
      "nothing of the clashing workload is derived: its team is missing, nothing else",
    );
  });

  it("a derived team that clashes with a hand-written one is a config error at the workload's team", () => {
    const gateway = {
      publisherEmail: "p@contoso.com",
      teams: [
        {
          name: "support",
          tokensPerMinute: 1000,
          monthlyTokenQuota: 100000,
          allowedModels: ["gpt-5.4-nano"],
        },
      ],
    };
    assert.deepEqual(problems({ gateway }), [
      `foundry-platform:workloads[0].team (got "support"): team 'support' is declared in gateway.teams[0]; a derived team takes its allow-list and limits from its workloads: remove gateway.teams[0], or the workload's team`,
    ]);
  });

  it("a deriving workload that nothing fits is a config error that names the way to see why", () => {
    const [line] = problems({ workloads: [{ ...triage, budgetUsdPerMonth: 1 }] });
    assert.match(
      line,
      /^foundry-platform:workloads\[0\] \(got "triage"\): no model and deployment type meets the contract \(\d+ rejections; for example .*over the budget of \$1\.00.*\); run 'npm run select -- --workload triage'/,
    );
  });

  const bad: [string, Record<string, unknown>, string][] = [
    [
      "a task outside the list",
      { ...triage, task: "summary" },
      `foundry-platform:workloads[0].task (got "summary"): not allowed; allowed: chat | reasoning | classification | extraction | embedding | vision`,
    ],
    [
      "a share above 1",
      { ...triage, traffic: { ...triage.traffic, asyncShare: 2 } },
      `foundry-platform:workloads[0].traffic.asyncShare (got 2): too big; allowed: at most 1`,
    ],
    [
      "everything asynchronous with interactive latency",
      { ...triage, traffic: { ...triage.traffic, asyncShare: 1 } },
      `foundry-platform:workloads[0].latency (got "interactive"): asyncShare 1 sends every request to a batch job (results within 24 hours); set latency: relaxed, or lower asyncShare`,
    ],
    [
      "a model the catalog does not hold",
      { ...triage, models: ["gpt-9"] },
      'foundry-platform:workloads[0].models[0] (got "gpt-9"): not a model in the catalog',
    ],
    [
      "an unknown key",
      { ...triage, latencyMs: 200 },
      "foundry-platform:workloads[0].latencyMs: unknown key; remove it or fix its spelling",
    ],
  ];
  for (const [what, workload, expected] of bad) {
    it(`bad contract (${what}): the error names the key path`, () => {
      const lines = problems({ workloads: [workload] });
      assert.ok(
        lines.some((l) => l.startsWith(expected)),
        lines.join("\n"),
      );
    });
  }

  it("workload names are unique", () => {
    assert.ok(
      problems({ workloads: [triage, triage] }).includes(
        `foundry-platform:workloads[1].name (got "triage"): duplicate workload name; workloads[0] already uses it`,
      ),
    );
  });

  it("hand-written PTUs count against the environment's: the selector offers only what is left", () => {
    const steady = {
      name: "assist",
      task: "chat",
      models: ["gpt-5.4"],
      latency: "interactive",
      safety: "strict",
      dataResidency: "global",
      derive: true,
      traffic: { requestsPerMinute: 30, avgInputTokens: 2000, avgOutputTokens: 300, peakToAverage: 1.2 },
    };
    const ptus = (held: number) => [
      {
        name: "main",
        deployments: [
          { model: "gpt-5.4", version: "2026-03-05", type: "GlobalStandard", capacity: 10 },
          ...(held > 0
            ? [
                {
                  name: "held",
                  model: "gpt-5.4",
                  version: "2026-03-05",
                  type: "GlobalProvisionedManaged",
                  capacity: held,
                  spillover: "gpt-5.4",
                },
              ]
            : []),
        ],
      },
    ];
    const derived = (held: number) =>
      load({
        accounts: ptus(held),
        workloads: [steady],
        gateway: undefined,
      }).config.accounts[0].deployments.find((d) => d.name === "assist-ptu")?.capacity;
    assert.equal(derived(0), 40, "the planner's size when nothing is held");
    assert.equal(derived(80), 20, "what is left of prod's 100 PTUs");
    const full = load({ accounts: ptus(100), workloads: [steady], gateway: undefined });
    assert.equal(
      full.config.accounts[0].deployments.find((d) => d.name === "assist-ptu"),
      undefined,
    );
    assert.match(
      full.workloads?.plans[0].selection.rejected.find((r) => r.deploymentType === "GlobalProvisionedManaged")
        ?.why ?? "",
      /allows no more provisioned throughput/,
    );
  });
});

describe("problems in derived parts", () => {
  it("are reported at the workload that derived them, with the derived key", () => {
    const origins = [
      { path: ["accounts", 0], workload: 1, what: "account 'main'" },
      { path: ["accounts", 0, "deployments", 2], workload: 0, what: "deployment 'triage'" },
    ];
    const issue = (p: (string | number)[]) =>
      ({ code: "custom", path: p, message: "bad", input: 1 }) as z.core.$ZodIssue;
    const [deep, account, other] = attributeIssues(
      [
        issue(["accounts", 0, "deployments", 2, "capacity"]),
        issue(["accounts", 0, "name"]),
        issue(["budget"]),
      ],
      origins,
    );
    assert.deepEqual(deep.path, ["workloads", 0]);
    assert.equal(deep.message, "derived deployment 'triage' (accounts[0].deployments[2].capacity): bad");
    assert.deepEqual(account.path, ["workloads", 1]);
    assert.deepEqual(other.path, ["budget"]);
  });
});

describe("the environment's limits for the selector", () => {
  it("reads the approved models, residency and caps a policy config states", () => {
    const limits = limitsFromPolicyConfig(
      {
        "ai-deployment-approved-model": {
          enforcementLevel: "mandatory",
          approvedModels: { "gpt-5.4": ["2026-03-05"] },
        },
        "ai-deployment-data-residency": { enforcementLevel: "mandatory", dataResidency: "dataZone" },
        "cost-deployment-standard-capacity": { enforcementLevel: "mandatory", maxCapacity: 50 },
        "cost-stack-ptu-total": { enforcementLevel: "disabled", maxPtu: 10 },
      },
      "x.json",
    );
    assert.deepEqual(limits, {
      source: "x.json",
      approvedModels: { "gpt-5.4": ["2026-03-05"] },
      dataResidency: "dataZone",
      maxStandardCapacity: 50,
    });
  });

  it("finds the file by the variable, the stack name, then the environment; 'none' means no file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-limits-"));
    fs.writeFileSync(path.join(dir, "prod.json"), "{}");
    assert.equal(policyConfigFileFor("prod", "dev", dir, {}), path.join(dir, "prod.json"));
    assert.equal(policyConfigFileFor("prod-eu", "prod", dir, {}), path.join(dir, "prod.json"));
    assert.equal(policyConfigFileFor("x", "y", dir, {}), undefined);
    assert.equal(
      policyConfigFileFor("prod", "prod", dir, { [policyConfigVariable]: "/other.json" }),
      "/other.json",
    );
    assert.equal(
      policyConfigFileFor("prod", "prod", dir, { [policyConfigVariable]: noPolicyConfig }),
      undefined,
    );
    fs.writeFileSync(path.join(dir, "broken.json"), "{");
    assert.throws(
      () => limitsFromFile(path.join(dir, "broken.json"), "broken.json"),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(
          err.message,
          /^FOUNDRY_PLATFORM_POLICY_CONFIG \(got "broken\.json"\): the policy config the workloads are selected within cannot be read/,
        );
        return true;
      },
    );
  });
});
