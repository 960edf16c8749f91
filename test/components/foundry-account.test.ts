import { strict as assert } from "node:assert";
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import { builtInRoles } from "../../components/common/roles";
import {
  FoundryAccount,
  FoundryAccountArgs,
  foundryAccountProblems,
  strictContentFilters,
} from "../../components/foundry/account";
import { DeployedModel, defaultRaiPolicyName } from "../../components/foundry/deployments";
import { PlannedResource } from "../../cli/model";
import { capture, captureErrors, hasAncestor, ofType, prop, typeToken } from "../helpers/mocks";

const componentType = "foundry-platform:index:FoundryAccount";
const accountType = typeToken(cognitiveservices.Account);
const deploymentType = typeToken(cognitiveservices.Deployment);
const genericType = typeToken(resources.Resource);
const raiType = typeToken(cognitiveservices.RaiPolicy);
const projectType = typeToken(cognitiveservices.Project);

/** A day on which gpt-5 serves and is more than 90 days from retiring. */
const catalogDate = "2026-09-01";

const base: FoundryAccountArgs = {
  resourceGroupName: "rg-test",
  location: "swedencentral",
  accountName: "aif-test-dev-sdc-main",
  diagnosticSettings: [],
  tags: { environment: "dev", owner: "team@contoso.com", costCenter: "CC-1" },
  catalogDate,
};

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000";
const subnet = `${sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;
const zone = (name: string) =>
  `${sub}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`;
const uai = `${sub}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk`;
const vault = `${sub}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-foundry`;
const accountId = `${sub}/resourceGroups/rg-test/providers/Microsoft.CognitiveServices/accounts/aif-test-dev-sdc-main`;

/** The deployments of a run, typed or generic (router with routing settings), in registration order. */
function deploymentsOf(all: readonly PlannedResource[]): PlannedResource[] {
  return all.filter(
    (r) => r.type === deploymentType || (r.type === genericType && r.inputs.resourceType === "deployments"),
  );
}

function namesOf(all: readonly PlannedResource[]): string[] {
  return deploymentsOf(all).map((d) => String(d.inputs.deploymentName ?? d.inputs.resourceName));
}

describe("FoundryAccount", () => {
  it("with no options registers a secure AIServices account and a strict content filter under the component", async () => {
    const resources = await capture(() => new FoundryAccount("main", base));
    const [component] = ofType(resources, componentType);
    const [account] = ofType(resources, accountType);
    const [rai] = ofType(resources, raiType);
    assert.ok(component && account && rai);
    assert.equal(account.parent, component.urn);
    assert.equal(account.name, "main");
    assert.equal(account.inputs.kind, "AIServices");
    assert.equal(account.inputs.accountName, base.accountName);
    assert.deepEqual(account.inputs.identity, { type: "SystemAssigned" });
    assert.equal(prop(account.inputs, "properties", "disableLocalAuth"), true);
    assert.equal(prop(account.inputs, "properties", "customSubDomainName"), base.accountName);
    assert.equal(prop(account.inputs, "properties", "publicNetworkAccess"), "Disabled");
    assert.equal(prop(account.inputs, "properties", "networkAcls", "defaultAction"), "Deny");
    assert.equal(prop(account.inputs, "properties", "allowProjectManagement"), undefined);
    assert.equal(prop(account.inputs, "properties", "encryption"), undefined);
    assert.equal(deploymentsOf(resources).length, 0);
    // Only the account, its content filter and the component: nothing optional by default.
    assert.deepEqual(resources.map((r) => r.type).sort(), [accountType, raiType, componentType].sort());
    assert.ok(resources.every((r) => r.type === componentType || hasAncestor(resources, r, component.urn)));
  });

  it("blocks harm categories from Medium on both sides, jailbreaks and protected material", async () => {
    const resources = await capture(() => new FoundryAccount("main", base));
    const [account] = ofType(resources, accountType);
    const [rai] = ofType(resources, raiType);
    assert.equal(rai.name, "main-rai");
    assert.equal(rai.parent, account.urn);
    assert.equal(rai.inputs.raiPolicyName, defaultRaiPolicyName);
    assert.equal(prop(rai.inputs, "properties", "basePolicyName"), "Microsoft.DefaultV2");
    assert.equal(prop(rai.inputs, "properties", "mode"), "Default");
    const filters = prop(rai.inputs, "properties", "contentFilters") as Record<string, unknown>[];
    assert.deepEqual(filters, strictContentFilters);
    for (const category of ["Hate", "Sexual", "Selfharm", "Violence"]) {
      for (const source of ["Prompt", "Completion"]) {
        const f: unknown = filters.find((x) => x.name === category && x.source === source);
        assert.deepEqual(f, {
          name: category,
          source,
          enabled: true,
          blocking: true,
          severityThreshold: "Medium",
        });
      }
    }
    for (const [name, source] of [
      ["Jailbreak", "Prompt"],
      ["Protected Material Text", "Completion"],
      ["Protected Material Code", "Completion"],
    ]) {
      assert.deepEqual(
        filters.find((x) => x.name === name),
        { name, source, enabled: true, blocking: true },
      );
    }
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

  it("exposes name, resource id, endpoint and principal id from the account's outputs", async () => {
    const seen: Record<string, string> = {};
    await capture(() => {
      const a = new FoundryAccount("main", base);
      a.name.apply((v) => (seen.name = v));
      a.resourceId.apply((v) => (seen.id = v));
      a.endpoint.apply((v) => (seen.endpoint = v));
      a.principalId.apply((v) => (seen.principal = v));
    });
    assert.equal(seen.name, base.accountName);
    assert.equal(seen.id, accountId);
    assert.equal(seen.endpoint, `https://${base.accountName}.cognitiveservices.azure.com/`);
    assert.match(seen.principal, /^[0-9a-f-]{36}$/);
  });

  it("chains N deployments in declaration order after the content filter, protecting provisioned ones", async () => {
    let specs: readonly DeployedModel[] = [];
    const resources = await capture(() => {
      const a = new FoundryAccount("main", {
        ...base,
        deployments: [
          { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 100 },
          {
            name: "gpt-5-ptu",
            model: "gpt-5",
            version: "2025-08-07",
            type: "GlobalProvisionedManaged",
            capacity: 15,
            spillover: "gpt-5",
          },
          { name: "gpt-5-batch", model: "gpt-5", version: "2025-08-07", type: "GlobalBatch", capacity: 50 },
          {
            name: "router",
            model: "model-router",
            version: "2025-11-18",
            type: "GlobalStandard",
            capacity: 10,
            routing: {
              mode: "cost",
              models: [
                { model: "gpt-5-mini", version: "2025-08-07" },
                { model: "gpt-5", version: "2025-08-07" },
              ],
            },
          },
          {
            name: "embed",
            model: "text-embedding-3-small",
            version: "1",
            type: "GlobalStandard",
            capacity: 10,
          },
        ],
      });
      specs = a.deploymentSpecs;
    });
    const [account] = ofType(resources, accountType);
    const [rai] = ofType(resources, raiType);
    const deployments = deploymentsOf(resources);
    assert.deepEqual(namesOf(resources), ["gpt-5", "gpt-5-ptu", "gpt-5-batch", "router", "embed"]);
    assert.deepEqual(
      deployments.map((d) => d.name),
      ["main-gpt-5", "main-gpt-5-ptu", "main-gpt-5-batch", "main-router", "main-embed"],
    );
    const chainUrns = new Set([rai.urn, ...deployments.map((d) => d.urn)]);
    deployments.forEach((d, i) => {
      assert.equal(d.parent, account.urn);
      const chained = d.options.dependsOn.filter((u) => chainUrns.has(u));
      assert.deepEqual(chained, [i === 0 ? rai.urn : deployments[i - 1].urn], d.name);
    });
    assert.deepEqual(
      deployments.map((d) => d.options.protect),
      [false, true, false, false, false],
    );
    const [standard, ptu, batch] = deployments;
    assert.deepEqual(ptu.inputs.sku, { name: "GlobalProvisionedManaged", capacity: 15 });
    assert.equal(prop(ptu.inputs, "properties", "spilloverDeploymentName"), "gpt-5");
    assert.equal(prop(standard.inputs, "properties", "spilloverDeploymentName"), undefined);
    assert.deepEqual(batch.inputs.sku, { name: "GlobalBatch", capacity: 50 });
    assert.deepEqual(prop(standard.inputs, "properties", "model"), {
      format: "OpenAI",
      name: "gpt-5",
      version: "2025-08-07",
    });
    for (const d of deployments) {
      assert.equal(prop(d.inputs, "properties", "raiPolicyName"), defaultRaiPolicyName);
      assert.equal(prop(d.inputs, "properties", "versionUpgradeOption"), "OnceCurrentVersionExpired");
    }
    assert.deepEqual(
      specs.map((s) => [s.name, s.model, s.version, s.type, s.capacity, s.spillover ?? null]),
      [
        ["gpt-5", "gpt-5", "2025-08-07", "GlobalStandard", 100, null],
        ["gpt-5-ptu", "gpt-5", "2025-08-07", "GlobalProvisionedManaged", 15, "gpt-5"],
        ["gpt-5-batch", "gpt-5", "2025-08-07", "GlobalBatch", 50, null],
        ["router", "model-router", "2025-11-18", "GlobalStandard", 10, null],
        ["embed", "text-embedding-3-small", "1", "GlobalStandard", 10, null],
      ],
    );
  });

  it("deploys a model router with routing settings through the generic resource on a newer API version", async () => {
    let routerId = "";
    const resources = await capture(() => {
      const a = new FoundryAccount("main", {
        ...base,
        deployments: [
          {
            name: "router",
            model: "model-router",
            version: "2025-11-18",
            type: "GlobalStandard",
            capacity: 10,
            routing: {
              mode: "quality",
              models: [
                { model: "gpt-5", version: "2025-08-07" },
                { model: "claude-sonnet-4-5", version: "20250929" },
              ],
            },
          },
          // Without routing settings a router is an ordinary typed deployment.
          {
            name: "router-default",
            model: "model-router",
            version: "2025-11-18",
            type: "DataZoneStandard",
            capacity: 10,
          },
        ],
      });
      a.deployments.router.id.apply((id) => (routerId = id));
    });
    const [account] = ofType(resources, accountType);
    const [router] = ofType(resources, genericType);
    assert.ok(router);
    assert.equal(router.name, "main-router");
    assert.equal(router.parent, account.urn);
    assert.equal(router.inputs.apiVersion, "2025-10-01-preview");
    assert.equal(router.inputs.resourceProviderNamespace, "Microsoft.CognitiveServices");
    assert.equal(router.inputs.parentResourcePath, `accounts/${base.accountName}`);
    assert.equal(router.inputs.resourceType, "deployments");
    assert.equal(router.inputs.resourceName, "router");
    assert.deepEqual(router.inputs.sku, { name: "GlobalStandard", capacity: 10 });
    assert.deepEqual(prop(router.inputs, "properties", "model"), {
      format: "OpenAI",
      name: "model-router",
      version: "2025-11-18",
    });
    assert.deepEqual(prop(router.inputs, "properties", "routing"), {
      mode: "quality",
      models: [
        { format: "OpenAI", name: "gpt-5", version: "2025-08-07" },
        { format: "Anthropic", name: "claude-sonnet-4-5", version: "20250929" },
      ],
    });
    // Its ARM id follows from the generic inputs, as Azure would build it.
    assert.equal(routerId, `${accountId}/deployments/router`);
    const [typed] = ofType(resources, deploymentType);
    assert.equal(typed.inputs.deploymentName, "router-default");
    assert.equal(prop(typed.inputs, "properties", "routing"), undefined);
    assert.ok(typed.options.dependsOn.includes(router.urn), "chained after the generic deployment");
  });

  it("keeps two accounts' deployments in two independent chains", async () => {
    const resources = await capture(() => {
      for (const n of ["one", "two"]) {
        new FoundryAccount(n, {
          ...base,
          accountName: `aif-test-dev-sdc-${n}`,
          deployments: [
            { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 10 },
            { model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 10 },
          ],
        });
      }
    });
    const deployments = deploymentsOf(resources);
    const byName = new Map(deployments.map((d) => [d.name, d]));
    const all = new Set(deployments.map((d) => d.urn));
    const deploymentDeps = (n: string) => byName.get(n)?.options.dependsOn.filter((u) => all.has(u)) ?? [];
    assert.deepEqual(deploymentDeps("one-gpt-5"), []);
    assert.deepEqual(deploymentDeps("two-gpt-5"), []);
    assert.deepEqual(deploymentDeps("one-gpt-5-mini"), [byName.get("one-gpt-5")?.urn]);
    assert.deepEqual(deploymentDeps("two-gpt-5-mini"), [byName.get("two-gpt-5")?.urn]);
  });

  it("adds projects with allowProjectManagement, after the deployments", async () => {
    let projectId = "";
    const resources = await capture(() => {
      const a = new FoundryAccount("main", {
        ...base,
        deployments: [{ model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 10 }],
        projects: [
          { name: "chat", description: "Chat app" },
          { name: "search", displayName: "Search" },
        ],
      });
      a.projects.chat.id.apply((id) => (projectId = id));
    });
    const [account] = ofType(resources, accountType);
    const [deployment] = deploymentsOf(resources);
    const projects = ofType(resources, projectType);
    assert.equal(prop(account.inputs, "properties", "allowProjectManagement"), true);
    assert.deepEqual(
      projects.map((p) => [p.name, p.inputs.projectName, prop(p.inputs, "properties", "displayName")]),
      [
        ["main-project-chat", "chat", "chat"],
        ["main-project-search", "search", "Search"],
      ],
    );
    for (const p of projects) {
      assert.equal(p.parent, account.urn);
      assert.deepEqual(p.inputs.identity, { type: "SystemAssigned" });
      assert.equal(p.inputs.location, "swedencentral");
    }
    assert.ok(projects[0].options.dependsOn.includes(deployment.urn));
    assert.ok(projects[1].options.dependsOn.includes(projects[0].urn));
    assert.equal(projectId, `${accountId}/projects/chat`);
    assert.match(String(prop(projects[0].outputs, "identity", "principalId")), /^[0-9a-f-]{36}$/);
  });

  it("puts a private endpoint with a DNS zone group on the account's `account` sub-resource", async () => {
    const resources = await capture(
      () =>
        new FoundryAccount("main", {
          ...base,
          privateEndpoints: [
            {
              subnetResourceId: subnet,
              privateDnsZoneResourceIds: [
                zone("privatelink.cognitiveservices.azure.com"),
                zone("privatelink.openai.azure.com"),
              ],
            },
          ],
        }),
    );
    const [component] = ofType(resources, componentType);
    const [account] = ofType(resources, accountType);
    const [pe] = ofType(resources, typeToken(network.PrivateEndpoint));
    const [dns] = ofType(resources, typeToken(network.PrivateDnsZoneGroup));
    assert.equal(pe.name, "main-pep-0");
    assert.equal(pe.parent, component.urn);
    assert.equal(pe.inputs.privateEndpointName, `pep-${base.accountName}`);
    assert.equal(prop(pe.inputs, "subnet", "id"), subnet);
    assert.deepEqual(pe.inputs.privateLinkServiceConnections, [
      { name: `pep-${base.accountName}`, privateLinkServiceId: accountId, groupIds: ["account"] },
    ]);
    assert.equal(dns.name, "main-pep-0-dns");
    assert.equal(dns.parent, pe.urn);
    assert.equal(dns.inputs.privateEndpointName, `pep-${base.accountName}`);
    assert.deepEqual(dns.inputs.privateDnsZoneConfigs, [
      {
        name: "privatelink.cognitiveservices.azure.com",
        privateDnsZoneId: zone("privatelink.cognitiveservices.azure.com"),
      },
      { name: "privatelink.openai.azure.com", privateDnsZoneId: zone("privatelink.openai.azure.com") },
    ]);
    assert.equal(dns.inputs.privateDnsZoneGroupName, "default");
    // Public access stays off: the endpoint is the way in.
    assert.equal(prop(account.inputs, "properties", "publicNetworkAccess"), "Disabled");
  });

  it("encrypts with a customer-managed key read through a user-assigned identity", async () => {
    const resources = await capture(
      () =>
        new FoundryAccount("main", {
          ...base,
          customerManagedKey: {
            keyVaultResourceId: vault,
            keyName: "foundry",
            userAssignedIdentityResourceId: uai,
          },
        }),
    );
    const [account] = ofType(resources, accountType);
    assert.deepEqual(account.inputs.identity, {
      type: "SystemAssigned, UserAssigned",
      userAssignedIdentities: [uai],
    });
    const encryption = prop(account.inputs, "properties", "encryption") as Record<string, unknown>;
    assert.equal(encryption.keySource, "Microsoft.KeyVault");
    assert.equal(prop(encryption, "keyVaultProperties", "keyName"), "foundry");
    assert.equal(
      prop(encryption, "keyVaultProperties", "keyVaultUri"),
      "https://kv-foundry.vault.azure.net/",
    );
    assert.match(String(prop(encryption, "keyVaultProperties", "identityClientId")), /^[0-9a-f-]{36}$/);
  });

  it("takes user-assigned identities next to, or instead of, the system-assigned one", async () => {
    let principal = "unset";
    const resources = await capture(() => {
      new FoundryAccount("both", {
        ...base,
        accountName: "aif-test-dev-sdc-both",
        managedIdentities: { userAssignedResourceIds: [uai] },
      });
      const only = new FoundryAccount("only", {
        ...base,
        accountName: "aif-test-dev-sdc-only",
        managedIdentities: { systemAssigned: false, userAssignedResourceIds: [uai] },
      });
      only.principalId.apply((p) => (principal = p));
    });
    const account = (n: string) =>
      ofType(resources, accountType).find((a) => a.name === n) as PlannedResource;
    const [both, only] = [account("both"), account("only")];
    assert.deepEqual(both.inputs.identity, {
      type: "SystemAssigned, UserAssigned",
      userAssignedIdentities: [uai],
    });
    assert.deepEqual(only.inputs.identity, { type: "UserAssigned", userAssignedIdentities: [uai] });
    assert.equal(principal, "", "no system-assigned principal without a system-assigned identity");
  });

  it("adds role assignments, diagnostic settings and a lock that waits for everything else", async () => {
    const resources = await capture(
      () =>
        new FoundryAccount("main", {
          ...base,
          deployments: [{ model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 10 }],
          roleAssignments: [
            {
              roleDefinitionIdOrName: "Azure AI User",
              principalId: "33333333-3333-3333-3333-333333333333",
              principalType: "Group",
            },
          ],
          diagnosticSettings: [
            {
              workspaceResourceId: `${sub}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log`,
            },
          ],
          lock: { kind: "CanNotDelete" },
        }),
    );
    const [component] = ofType(resources, componentType);
    const [ra] = ofType(resources, typeToken(authorization.RoleAssignment));
    const [diag] = ofType(resources, typeToken(monitor.DiagnosticSetting));
    const [lock] = ofType(resources, typeToken(authorization.ManagementLockByScope));
    assert.equal(ra.name, "main-ra-0");
    assert.equal(ra.inputs.scope, accountId);
    assert.match(String(ra.inputs.roleDefinitionId), new RegExp(`${builtInRoles["Azure AI User"]}$`));
    assert.equal(diag.name, "main-diag-0");
    assert.equal(diag.inputs.resourceUri, accountId);
    assert.equal(lock.name, "main-lock");
    assert.equal(lock.inputs.level, "CanNotDelete");
    assert.equal(lock.inputs.scope, accountId);
    for (const r of [ra, diag, lock]) {
      assert.equal(r.parent, component.urn);
    }
    for (const before of [...deploymentsOf(resources), ...ofType(resources, raiType), ra, diag]) {
      assert.ok(lock.options.dependsOn.includes(before.urn), `lock waits for ${before.name}`);
    }
    assert.ok(resources.every((r) => r.type === componentType || hasAncestor(resources, r, component.urn)));
  });

  it("grants inference with Cognitive Services OpenAI User, under a stable name", async () => {
    const resources = await capture(() => {
      const a = new FoundryAccount("main", base);
      a.grantInference("44444444-4444-4444-4444-444444444444", "ServicePrincipal");
      a.grantInference(a.principalId, "ServicePrincipal", "self");
    });
    const grants = ofType(resources, typeToken(authorization.RoleAssignment));
    assert.deepEqual(
      grants.map((g) => g.name),
      ["main-inference-44444444-4444-4444-4444-444444444444", "main-inference-self"],
    );
    for (const g of grants) {
      assert.match(
        String(g.inputs.roleDefinitionId),
        new RegExp(`${builtInRoles["Cognitive Services OpenAI User"]}$`),
      );
      assert.equal(g.inputs.principalType, "ServicePrincipal");
      assert.match(String(g.inputs.scope), /\/accounts\/aif-test-dev-sdc-main$/);
    }
  });

  it("asks for a grant name when the principal id is an output", async () => {
    const errors = await captureErrors(() => {
      const a = new FoundryAccount("main", base);
      a.grantInference(a.principalId, "ServicePrincipal");
    });
    assert.equal(errors.length, 1);
    assert.match(errors[0], /grantInference needs a grantName when the principal id is an output/);
  });

  it("rejects every mistake at once, before registering anything", async () => {
    const errors = await captureErrors(
      () =>
        new FoundryAccount("main", {
          ...base,
          accountName: "Bad_Name!",
          deployments: [
            { model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 1 },
            { model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 1 },
            { name: "old", model: "gpt-4.1", version: "2024-01-01", type: "GlobalStandard", capacity: 1 },
            {
              name: "ptu",
              model: "gpt-5",
              version: "2025-08-07",
              type: "GlobalProvisionedManaged",
              capacity: 12,
            },
          ],
          projects: [{ name: "p1" }, { name: "p1" }],
          customerManagedKey: { keyVaultResourceId: vault, keyName: "k" },
          roleAssignments: [
            { roleDefinitionIdOrName: "Owner", principalId: "33333333-3333-3333-3333-333333333333" },
          ],
          catalogDate: "2026-11-25",
        }),
    );
    assert.equal(errors.length, 1);
    for (const expected of [
      /'Bad_Name!' is not a valid AI Services account name/,
      /'Bad_Name!' is not a valid AI Services custom subdomain name/,
      /deployment 'gpt-5-mini' is declared twice/,
      /deployment 'old' version \(got "2024-01-01"\): not a known version of gpt-4\.1; known: 2025-04-14/,
      /deployment 'ptu' capacity \(got 12\): gpt-5 as GlobalProvisionedManaged: below the minimum of 15 PTUs/,
      /project 'p1' is declared twice/,
      /customerManagedKey needs userAssignedIdentityResourceId/,
      /roleAssignments\[0\]: role 'Owner' is privileged/,
    ]) {
      assert.match(errors[0], expected);
    }
  });

  it("validates purely, separating errors from warnings: retiring and retired versions warn, naming the successor", () => {
    const deployments = [
      { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard" as const, capacity: 10 },
      { model: "o4-mini", version: "2025-04-16", type: "GlobalStandard" as const, capacity: 10 },
    ];
    const { errors, warnings } = foundryAccountProblems(
      { ...base, deployments },
      new Date("2026-11-25T00:00:00Z"),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, [
      `deployment 'gpt-5' version (got "2025-08-07"): gpt-5 version 2025-08-07 retires on 2027-02-09 (in 76 days); successor: gpt-5.4 2026-03-05 (serves until 2027-09-02; the catalog's choice, no replacement is published)`,
      `deployment 'o4-mini' version (got "2025-04-16"): o4-mini version 2025-04-16 retired on 2026-10-16 and no longer serves; move to gpt-5.4-mini 2026-03-17 (serves until 2027-09-21; the catalog's choice, no replacement is published)`,
    ]);
  });
});
