import { strict as assert } from "node:assert";
import { loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError } from "../../stacks/config/problems";
import { platformProgram } from "../../stacks/program";
import { capture, ofType } from "../helpers/mocks";

/** Pinned: every model below serves, none within 90 days of retiring. */
const on = new Date("2026-12-03T00:00:00Z");

const gateway = {
  publisherEmail: "platform@contoso.com",
  teams: [
    { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5.4-mini"] },
  ],
};

function configMap(environment: string, gw: unknown): Record<string, string> {
  return {
    "foundry-platform:environment": environment,
    "foundry-platform:owner": "o@contoso.com",
    "foundry-platform:costCenter": "CC",
    "foundry-platform:workload": "contoso",
    "foundry-platform:location": "swedencentral",
    "foundry-platform:accounts": JSON.stringify([
      {
        name: "main",
        deployments: [
          { model: "gpt-5.4-mini", version: "2026-03-17", type: "GlobalStandard", capacity: 10 },
          { model: "gpt-5.4", version: "2026-03-05", type: "GlobalBatch", capacity: 10 },
          { model: "text-embedding-3-small", version: "1", type: "GlobalStandard", capacity: 10 },
        ],
      },
    ]),
    ...(gw === undefined ? {} : { "foundry-platform:gateway": JSON.stringify(gw) }),
  };
}

function problemsOf(environment: string, gw: unknown): string[] {
  try {
    loadPlatformConfig(configMap(environment, gw), [], undefined, on);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems.map(
      (p) => `${p.key}${p.value === undefined ? "" : ` (got ${p.value})`}: ${p.message}`,
    );
  }
  return [];
}

describe("gateway config", () => {
  it("accepts a gateway with teams", () => {
    assert.deepEqual(problemsOf("prod", gateway), []);
  });

  const cases: [string, unknown, RegExp][] = [
    [
      "a team allowed a model nothing serves",
      { ...gateway, teams: [{ ...gateway.teams[0], allowedModels: ["gpt-5-nano"] }] },
      /^foundry-platform:gateway\.teams\[0\]\.allowedModels\[0\] \(got "gpt-5-nano"\): no standard or provisioned deployment serves this model; served: gpt-5.4-mini, text-embedding-3-small$/,
    ],
    [
      "a team allowed a model deployed only for batch",
      { ...gateway, teams: [{ ...gateway.teams[0], allowedModels: ["gpt-5.4"] }] },
      /gateway\.teams\[0\]\.allowedModels\[0\] \(got "gpt-5\.4"\): no standard or provisioned deployment/,
    ],
    [
      "two teams with one name",
      { ...gateway, teams: [gateway.teams[0], gateway.teams[0]] },
      /gateway\.teams\[1\]\.name \(got "apps"\): duplicate team name; teams\[0\] already uses it/,
    ],
    [
      "a weight above 100",
      { ...gateway, upgrade: { deployment: "gpt-5.4-mini", candidateVersion: "v2", weightPercent: 120 } },
      /gateway\.upgrade\.weightPercent \(got 120\): too big/,
    ],
    [
      "a canary to a model the catalog does not hold",
      {
        ...gateway,
        upgrade: {
          deployment: "gpt-5.4-mini",
          candidateModel: "gpt-9-mini",
          candidateVersion: "1",
          weightPercent: 5,
        },
      },
      /^foundry-platform:gateway\.upgrade\.candidateModel \(got "gpt-9-mini"\): candidate in account 'main': not a model in the catalog/,
    ],
    [
      "a canary to a version the successor model does not have",
      {
        ...gateway,
        upgrade: {
          deployment: "gpt-5.4-mini",
          candidateModel: "gpt-5.4-nano",
          candidateVersion: "2099-01-01",
          weightPercent: 0,
        },
      },
      /^foundry-platform:gateway\.upgrade\.candidateVersion \(got "2099-01-01"\): candidate in account 'main': not a known version of gpt-5\.4-nano; known: 2026-03-17$/,
    ],
    [
      "an upgrade of a missing deployment",
      { ...gateway, upgrade: { deployment: "nope", candidateVersion: "v2", weightPercent: 5 } },
      /gateway\.upgrade .*no deployment of that name/,
    ],
    [
      "a cache on a chat deployment",
      { ...gateway, semanticCache: { embeddingsDeployment: "gpt-5.4-mini" } },
      /gateway\.semanticCache\.embeddingsDeployment \(got "gpt-5.4-mini"\): this deployment serves 'gpt-5.4-mini', not an embeddings model/,
    ],
    [
      "no publisher e-mail for a new service",
      { teams: gateway.teams },
      /gateway\.publisherEmail: required for a new API Management service/,
    ],
    [
      "an unknown tier",
      { ...gateway, sku: "Consumption" },
      /gateway\.sku \(got "Consumption"\): not allowed; allowed: BasicV2/,
    ],
    [
      "a team without budget",
      { ...gateway, teams: [{ name: "apps", allowedModels: ["gpt-5.4-mini"] }] },
      /gateway\.teams\[0\]\.tokensPerMinute: required/,
    ],
  ];
  for (const [what, gw, expected] of cases) {
    it(`refuses ${what}, naming the key`, () => {
      const problems = problemsOf("prod", gw);
      assert.ok(
        problems.some((p) => expected.test(p)),
        problems.join("\n"),
      );
    });
  }

  it("is off in dev unless enabled, on in staging and prod; dev defaults to BasicV2, others to StandardV2", async () => {
    const apimIn = async (environment: string, gw: unknown): Promise<string[]> => {
      const rs = await capture(() =>
        platformProgram(loadPlatformConfig(configMap(environment, gw), [], undefined, on)),
      );
      return ofType(rs, "azure-native:apimanagement:ApiManagementService").map(
        (s) => (s.inputs.sku as { name: string }).name,
      );
    };
    assert.deepEqual(await apimIn("dev", gateway), []);
    assert.deepEqual(await apimIn("dev", { ...gateway, enabled: true }), ["BasicV2"]);
    assert.deepEqual(await apimIn("prod", gateway), ["StandardV2"]);
    assert.deepEqual(await apimIn("prod", { ...gateway, enabled: false }), []);
  });

  it("deploys a successor-model canary as configured: the candidate serves candidateModel, not the stable model", async () => {
    const upgrade = {
      deployment: "gpt-5.4-mini",
      candidateModel: "gpt-5.4-nano",
      candidateVersion: "2026-03-17",
      weightPercent: 10,
    };
    const rs = await capture(() =>
      platformProgram(loadPlatformConfig(configMap("prod", { ...gateway, upgrade }), [], undefined, on)),
    );
    const candidate = ofType(rs, "azure-native:cognitiveservices:Deployment").find(
      (d) => d.inputs.deploymentName === "gpt-5.4-mini-canary",
    );
    assert.deepEqual((candidate?.inputs.properties as { model: unknown }).model, {
      format: "OpenAI",
      name: "gpt-5.4-nano",
      version: "2026-03-17",
    });
  });
});
