import { strict as assert } from "node:assert";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { PlannedResource } from "../../cli/model";
import { AiPlatform, AiPlatformArgs, PlatformGatewaySpec } from "../../components/platform";
import { capture, captureErrors, hasAncestor, ofType, prop, typeToken } from "../helpers/mocks";
import { find, parsePolicy } from "../helpers/policy-xml";

const deploymentType = typeToken(cognitiveservices.Deployment);
const accountType = typeToken(cognitiveservices.Account);
const backendType = typeToken(apimanagement.Backend);
const apiPolicyType = typeToken(apimanagement.ApiPolicy);

const gateway: PlatformGatewaySpec = {
  publisherEmail: "platform@contoso.com",
  teams: [{ name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5.4"] }],
};
const args: AiPlatformArgs = {
  // Pinned: gpt-5.4 and its successor candidate gpt-5.5 serve, neither within 90 days of retiring.
  catalogDate: "2026-12-03",
  environment: "prod",
  owner: "owner@contoso.com",
  costCenter: "CC-1",
  workload: "contoso",
  location: "swedencentral",
  accounts: [
    {
      name: "main",
      deployments: [
        { model: "gpt-5.4", version: "2026-03-05", type: "GlobalStandard", capacity: 50 },
        { model: "text-embedding-3-small", version: "1", type: "GlobalStandard", capacity: 20 },
        { name: "batch", model: "gpt-5.4", version: "2026-03-05", type: "GlobalBatch", capacity: 100 },
      ],
    },
    {
      name: "second",
      location: "eastus2",
      deployments: [{ model: "gpt-5.4", version: "2026-03-05", type: "GlobalStandard", capacity: 30 }],
    },
  ],
  gateway,
};

function pool(rs: PlannedResource[], model: string): [string, number, number][] {
  const p = ofType(rs, backendType).find((b) => b.inputs.backendId === `pool-${model.replace(/\./g, "-")}`);
  assert.ok(p, `no pool for ${model}`);
  return (prop(p.inputs, "pool", "services") as { id: string; priority: number; weight: number }[]).map(
    (s) => [s.id.split("/").pop() as string, s.priority, s.weight],
  );
}

describe("AiPlatform with a gateway", () => {
  it("fronts every account's deployments and routes every deployed (non-batch) model", async () => {
    const rs = await capture(() => new AiPlatform("platform", args));
    const doc = parsePolicy(ofType(rs, apiPolicyType)[0].inputs.value as string);
    const routed = new Set(
      find(doc, "set-variable")
        .filter((v) => v.attrs.name === "routedModel")
        .map((v) => v.attrs.value),
    );
    const deployed = new Set(
      ofType(rs, deploymentType)
        .filter((d) => !/Batch$/.test(prop(d.inputs, "sku", "name") as string))
        .map((d) => prop(d.inputs, "properties", "model", "name") as string),
    );
    assert.deepEqual([...routed].sort(), [...deployed].sort());
    assert.deepEqual(pool(rs, "gpt-5.4"), [
      ["main-gpt-5-4", 1, 100],
      ["second-gpt-5-4", 2, 100],
    ]);
    // The gateway's own role assignments (access control adds the teams' elsewhere).
    const [gatewayComponent] = ofType(rs, "foundry-platform:index:AiGateway");
    const roles = ofType(rs, typeToken(authorization.RoleAssignment)).filter((r) =>
      hasAncestor(rs, r, gatewayComponent.urn),
    );
    const accountNames = ofType(rs, accountType).map((a) => a.inputs.accountName as string);
    assert.equal(roles.length, 2);
    for (const r of roles) {
      assert.ok(accountNames.includes((r.inputs.scope as string).split("/").pop() as string));
      assert.match(r.inputs.scope as string, /\/accounts\/aif-contoso-prod-(sdc-main|eus2-second)$/);
    }
    const [service] = ofType(rs, typeToken(apimanagement.ApiManagementService));
    assert.equal(service.inputs.serviceName, "apim-contoso-prod-sdc");
  });

  it("a canary to a successor model adds the candidate and weights it 100-w / w in the stable deployment's pool", async () => {
    const rs = await capture(
      () =>
        new AiPlatform("platform", {
          ...args,
          gateway: {
            ...gateway,
            upgrade: {
              deployment: "gpt-5.4",
              account: "main",
              candidateModel: "gpt-5.5",
              candidateVersion: "2026-04-24",
              weightPercent: 20,
            },
          },
        }),
    );
    const candidate = ofType(rs, deploymentType).find((d) => d.inputs.deploymentName === "gpt-5.4-canary");
    assert.ok(candidate);
    assert.deepEqual(prop(candidate.inputs, "properties", "model"), {
      format: "OpenAI",
      name: "gpt-5.5",
      version: "2026-04-24",
    });
    assert.deepEqual(candidate.inputs.sku, { name: "GlobalStandard", capacity: 50 });
    assert.equal(candidate.options.protect, false);
    // Served under the stable deployment's route: no pool and no route of its own for gpt-5.5.
    assert.deepEqual(pool(rs, "gpt-5.4"), [
      ["main-gpt-5-4", 1, 80],
      ["main-gpt-5-4-canary", 1, 20],
      ["second-gpt-5-4", 2, 100],
    ]);
    assert.ok(!ofType(rs, backendType).some((b) => b.inputs.backendId === "pool-gpt-5-5"));
    const doc = parsePolicy(ofType(rs, apiPolicyType)[0].inputs.value as string);
    const routed = find(doc, "set-variable")
      .filter((v) => v.attrs.name === "routedModel")
      .map((v) => v.attrs.value);
    assert.ok(!routed.includes("gpt-5.5"), "clients keep calling gpt-5.4");
  });

  for (const [how, upgrade] of [
    [
      "setting the weight to 0",
      { deployment: "gpt-5.4", candidateModel: "gpt-5.5", candidateVersion: "2026-04-24", weightPercent: 0 },
    ],
    ["removing the upgrade", undefined],
  ] as const) {
    it(`rolls back by ${how}: the stable version alone`, async () => {
      const rs = await capture(
        () => new AiPlatform("platform", { ...args, gateway: { ...gateway, upgrade } }),
      );
      const versions = ofType(rs, deploymentType)
        .filter((d) => String(prop(d.inputs, "properties", "model", "name")).startsWith("gpt-5"))
        .map(
          (d) =>
            `${String(d.inputs.deploymentName)}@${String(prop(d.inputs, "properties", "model", "version"))}`,
        )
        .sort();
      assert.deepEqual(versions, ["batch@2026-03-05", "gpt-5.4@2026-03-05", "gpt-5.4@2026-03-05"]);
      assert.ok(ofType(rs, backendType).every((b) => !String(b.inputs.backendId).includes("canary")));
    });
  }

  it("refuses an upgrade of a deployment that does not exist", async () => {
    const errors = await captureErrors(
      () =>
        new AiPlatform("platform", {
          ...args,
          gateway: { ...gateway, upgrade: { deployment: "nope", candidateVersion: "x", weightPercent: 10 } },
        }),
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /upgrade of 'nope': no deployment of that name/);
  });

  it("creates no gateway when none is configured", async () => {
    const rs = await capture(() => new AiPlatform("platform", { ...args, gateway: undefined }));
    assert.equal(rs.filter((r) => r.type.startsWith("azure-native:apimanagement:")).length, 0);
  });
});
