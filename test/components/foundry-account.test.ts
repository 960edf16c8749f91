import { strict as assert } from "node:assert";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { FoundryAccount, FoundryAccountArgs } from "../../components/foundry/account";
import { capture, captureErrors, hasAncestor, ofType, prop, typeToken } from "../helpers/mocks";

const accountType = typeToken(cognitiveservices.Account);
const deploymentType = typeToken(cognitiveservices.Deployment);

const base: FoundryAccountArgs = {
  resourceGroupName: "rg-test",
  location: "swedencentral",
  accountName: "aif-test-dev-sdc-main",
};

describe("FoundryAccount", () => {
  it("with no options registers a secure AIServices account under the component", async () => {
    const resources = await capture(() => new FoundryAccount("main", base));
    const [component] = ofType(resources, "foundry-platform:foundry:FoundryAccount");
    const [account] = ofType(resources, accountType);
    assert.ok(component && account);
    assert.equal(account.parent, component.urn);
    assert.equal(account.name, "main");
    assert.equal(account.inputs.kind, "AIServices");
    assert.equal(account.inputs.accountName, base.accountName);
    assert.deepEqual(account.inputs.identity, { type: "SystemAssigned" });
    assert.equal(prop(account.inputs, "properties", "disableLocalAuth"), true);
    assert.equal(prop(account.inputs, "properties", "customSubDomainName"), base.accountName);
    assert.equal(prop(account.inputs, "properties", "publicNetworkAccess"), "Disabled");
    assert.equal(prop(account.inputs, "properties", "networkAcls", "defaultAction"), "Deny");
    assert.equal(ofType(resources, deploymentType).length, 0);
  });

  it("turns public access on, filtered, only when network rules are given", async () => {
    const resources = await capture(
      () => new FoundryAccount("main", { ...base, networkAcls: { ipRules: ["203.0.113.0/24"] } }),
    );
    const [account] = ofType(resources, accountType);
    assert.equal(prop(account.inputs, "properties", "publicNetworkAccess"), "Enabled");
    assert.deepEqual(prop(account.inputs, "properties", "networkAcls"), {
      bypass: "AzureServices",
      defaultAction: "Deny",
      ipRules: [{ value: "203.0.113.0/24" }],
      virtualNetworkRules: [],
    });
  });

  it("exposes the endpoint and principal id from the account's outputs", async () => {
    let endpoint = "";
    let principal = "";
    await capture(() => {
      const a = new FoundryAccount("main", base);
      a.endpoint.apply((e) => (endpoint = e));
      a.principalId.apply((p) => (principal = p));
    });
    assert.equal(endpoint, `https://${base.accountName}.cognitiveservices.azure.com/`);
    assert.match(principal, /^[0-9a-f-]{36}$/);
  });

  it("chains deployments in declaration order under the account, protecting provisioned ones", async () => {
    const resources = await capture(
      () =>
        new FoundryAccount("main", {
          ...base,
          deployments: [
            { model: "gpt-4.1", version: "2025-04-14", type: "GlobalProvisionedManaged", capacity: 15 },
            { model: "gpt-4.1-mini", version: "2025-04-14", type: "GlobalStandard", capacity: 10 },
            {
              name: "embed",
              model: "text-embedding-3-small",
              version: "1",
              type: "GlobalStandard",
              capacity: 10,
            },
          ],
        }),
    );
    const [account] = ofType(resources, accountType);
    const deployments = ofType(resources, deploymentType);
    assert.deepEqual(
      deployments.map((d) => d.inputs.deploymentName),
      ["gpt-4.1", "gpt-4.1-mini", "embed"],
    );
    deployments.forEach((d, i) => {
      assert.equal(d.parent, account.urn);
      const previous = deployments.slice(0, i).map((p) => p.urn);
      const deploymentDeps = d.options.dependsOn.filter((u) => u.includes(deploymentType));
      assert.deepEqual(deploymentDeps, i === 0 ? [] : [previous[i - 1]]);
    });
    assert.deepEqual(
      deployments.map((d) => d.options.protect),
      [true, false, false],
    );
    assert.deepEqual(deployments[0].inputs.sku, { name: "GlobalProvisionedManaged", capacity: 15 });
    assert.equal(
      prop(deployments[1].inputs, "properties", "versionUpgradeOption"),
      "OnceCurrentVersionExpired",
    );
    assert.ok(
      resources.every(
        (r) =>
          r.type === "foundry-platform:foundry:FoundryAccount" ||
          hasAncestor(resources, r, ofType(resources, "foundry-platform:foundry:FoundryAccount")[0].urn),
      ),
    );
  });

  it("rejects names Azure would refuse and duplicate deployments before registering anything", async () => {
    const errors = await captureErrors(
      () =>
        new FoundryAccount("main", {
          ...base,
          accountName: "Bad_Name!",
          deployments: [
            { model: "gpt-4.1-mini", type: "GlobalStandard", capacity: 1 },
            { model: "gpt-4.1-mini", type: "GlobalStandard", capacity: 1 },
          ],
        }),
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /'Bad_Name!' is not a valid AI Services account name/);
    assert.match(errors[0], /'Bad_Name!' is not a valid AI Services custom subdomain name/);
    assert.match(errors[0], /deployment 'gpt-4.1-mini' is declared twice/);
  });
});
