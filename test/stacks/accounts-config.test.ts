import { strict as assert } from "node:assert";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as network from "@pulumi/azure-native/network";
import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import { loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError, problemLine } from "../../stacks/config/problems";
import { platformProgram } from "../../stacks/program";
import { capture, hasAncestor, ofType, prop, typeToken } from "../helpers/mocks";

/** The day the catalog judges on: o4-mini retired on 2026-10-16, gpt-5 serves until 2027-02-09. */
const on = new Date("2026-11-25T00:00:00Z");

const gpt5 = { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 10 };
const mini = { model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 10 };

/** A Pulumi config map (structured values as JSON text, as the engine passes them). */
function configMap(accounts: unknown[], environment = "dev"): Record<string, string> {
  return {
    "foundry-platform:environment": environment,
    "foundry-platform:owner": "team@contoso.com",
    "foundry-platform:costCenter": "CC-1",
    "foundry-platform:workload": "contoso",
    "foundry-platform:location": "swedencentral",
    "foundry-platform:accounts": JSON.stringify(accounts),
  };
}

/** The problem lines of a config, or [] when it is valid. */
function problems(accounts: unknown[], environment = "dev"): string[] {
  try {
    loadPlatformConfig(configMap(accounts, environment), [], undefined, on);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) {
      return err.problems.map(problemLine);
    }
    throw err;
  }
}

interface Case {
  readonly what: string;
  readonly accounts: unknown[];
  readonly environment?: string;
  readonly expect: string | RegExp;
}

const cases: Case[] = [
  {
    what: "unknown model version",
    accounts: [
      {
        name: "main",
        deployments: [gpt5, { model: "gpt-4.1", version: "2024-01-01", type: "GlobalStandard", capacity: 1 }],
      },
    ],
    expect:
      'foundry-platform:accounts[0].deployments[1].version (got "2024-01-01"): not a known version of gpt-4.1; known: 2025-04-14',
  },
  {
    what: "unknown model",
    accounts: [{ name: "main", deployments: [{ ...gpt5, model: "gpt-9" }] }],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.model \(got "gpt-9"\): not a model in the catalog; known: /,
  },
  {
    what: "unknown version",
    accounts: [{ name: "main", deployments: [{ ...gpt5, model: "gpt-4.1-mini", version: "2024-01-01" }] }],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.version \(got "2024-01-01"\): not a known version of gpt-4\.1-mini/,
  },
  {
    what: "a model neither catalogued nor declared under customModels",
    accounts: [{ name: "main", deployments: [{ ...gpt5, model: "contoso-ft", version: "1" }] }],
    expect: /\.model \(got "contoso-ft"\): not a model in the catalog; .*declare it under customModels/,
  },
  {
    what: "deployment type not offered",
    accounts: [{ name: "main", deployments: [{ ...gpt5, model: "gpt-5-nano", type: "GlobalBatch" }] }],
    expect:
      'foundry-platform:accounts[0].deployments[0].type (got "GlobalBatch"): gpt-5-nano is not offered as GlobalBatch; offered: GlobalStandard, DataZoneStandard',
  },
  {
    what: "PTU capacity below the minimum",
    accounts: [{ name: "main", deployments: [{ ...gpt5, type: "GlobalProvisionedManaged", capacity: 5 }] }],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.capacity \(got 5\): gpt-5 as GlobalProvisionedManaged: below the minimum of 15 PTUs/,
  },
  {
    what: "PTU capacity off the step",
    accounts: [
      { name: "main", deployments: [{ ...gpt5, type: "DataZoneProvisionedManaged", capacity: 18 }] },
    ],
    expect: /^foundry-platform:accounts\[0\]\.deployments\[0\]\.capacity \(got 18\): .*nearest: 15 or 20$/,
  },
  {
    what: "spillover scope mismatch",
    accounts: [
      {
        name: "main",
        deployments: [
          { ...gpt5, type: "DataZoneStandard" },
          { ...gpt5, name: "ptu", type: "GlobalProvisionedManaged", capacity: 15, spillover: "gpt-5" },
        ],
      },
    ],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[1\]\.spillover \(got "gpt-5"\): 'gpt-5' is DataZoneStandard, but GlobalProvisionedManaged spills over only to GlobalStandard/,
  },
  {
    what: "spillover to another account",
    accounts: [
      {
        name: "main",
        deployments: [
          { ...gpt5, name: "ptu", type: "GlobalProvisionedManaged", capacity: 15, spillover: "overflow" },
        ],
      },
      { name: "second", location: "eastus2", deployments: [{ ...gpt5, name: "overflow" }] },
    ],
    expect: `foundry-platform:accounts[0].deployments[0].spillover (got "overflow"): 'overflow' is a deployment of accounts[1] ('second'), not of this account; spillover never crosses accounts: declare a GlobalStandard deployment in this account and point to it`,
  },
  {
    what: "routing on a model that is not the router",
    accounts: [{ name: "main", deployments: [{ ...gpt5, routing: { mode: "cost" } }] }],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.routing \(got \{"mode":"cost"\}\): only model-router deployments take routing settings/,
  },
  {
    what: "router subset with a model it does not route to",
    accounts: [
      {
        name: "main",
        deployments: [
          {
            model: "model-router",
            version: "2025-11-18",
            type: "GlobalStandard",
            capacity: 10,
            routing: { models: [{ model: "o3", version: "2025-04-16" }] },
          },
        ],
      },
    ],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.routing\.models\[0\] \(got "o3 2025-04-16"\): not a model model-router 2025-11-18 routes to/,
  },
  {
    what: "unpinned version in prod",
    environment: "prod",
    accounts: [{ name: "main", deployments: [{ ...mini, version: undefined }] }],
    expect:
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.version: required in prod: pin the model version .*; known: 2025-08-07$/,
  },
  {
    what: "duplicate project",
    accounts: [{ name: "main", projects: [{ name: "chat" }, { name: "chat" }] }],
    expect:
      'foundry-platform:accounts[0].projects[1].name (got "chat"): duplicate project name; projects[0] already uses it',
  },
  {
    what: "privileged role",
    accounts: [
      {
        name: "main",
        roleAssignments: [
          { roleDefinitionIdOrName: "Contributor", principalId: "33333333-3333-3333-3333-333333333333" },
        ],
      },
    ],
    expect:
      /^foundry-platform:accounts\[0\]\.roleAssignments\[0\]\.roleDefinitionIdOrName \(got "Contributor"\): role 'Contributor' is privileged/,
  },
  {
    what: "customer-managed key without an identity",
    accounts: [
      {
        name: "main",
        customerManagedKey: {
          keyVaultResourceId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
          keyName: "k",
        },
      },
    ],
    expect:
      "foundry-platform:accounts[0].customerManagedKey.userAssignedIdentityResourceId: required; expected string",
  },
];

describe("account config checked against the model catalog (zod, full key paths)", () => {
  for (const c of cases) {
    it(c.what, () => {
      const lines = problems(c.accounts, c.environment);
      assert.equal(lines.length, 1, lines.join("\n"));
      if (typeof c.expect === "string") {
        assert.equal(lines[0], c.expect);
      } else {
        assert.match(lines[0], c.expect);
      }
    });
  }

  it("does not turn a valid config into a config error on a retirement day (the policy pack reports it)", () => {
    const accounts = [{ name: "main", deployments: [{ ...gpt5, model: "o4-mini", version: "2025-04-16" }] }];
    const values = configMap(accounts);
    assert.doesNotThrow(() => loadPlatformConfig(values, [], undefined, new Date("2026-10-15T00:00:00Z")));
    assert.doesNotThrow(() => loadPlatformConfig(values, [], undefined, new Date("2026-10-16T00:00:00Z")));
    // A version the catalog does not know stays a config error on any day.
    const unknown = configMap([{ name: "main", deployments: [{ ...gpt5, version: "2024-01-01" }] }]);
    assert.throws(
      () => loadPlatformConfig(unknown, [], undefined, new Date("2026-10-15T00:00:00Z")),
      ConfigError,
    );
  });

  it("accepts a full account and hands every key to the components", async () => {
    const sub = "/subscriptions/00000000-0000-0000-0000-000000000000";
    const loaded = loadPlatformConfig(
      configMap(
        [
          {
            name: "main",
            deployments: [
              gpt5,
              {
                ...gpt5,
                name: "ptu",
                type: "GlobalProvisionedManaged",
                capacity: 15,
                spillover: "gpt-5",
                raiPolicyName: "custom",
              },
            ],
            projects: [{ name: "chat" }],
            privateEndpoints: [
              {
                subnetResourceId: `${sub}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe`,
                privateDnsZoneResourceIds: [
                  `${sub}/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com`,
                ],
              },
            ],
            customerManagedKey: {
              keyVaultResourceId: `${sub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`,
              keyName: "k",
              userAssignedIdentityResourceId: `${sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id`,
            },
            lock: { kind: "CanNotDelete" },
            roleAssignments: [
              {
                roleDefinitionIdOrName: "Azure AI User",
                principalId: "33333333-3333-3333-3333-333333333333",
              },
            ],
          },
        ],
        "prod",
      ),
      [],
      undefined,
      new Date("2026-09-01T00:00:00Z"), // gpt-5 is then more than 90 days from retiring: no warnings
    );
    const all = await capture(() => platformProgram(loaded));
    const [account] = ofType(all, typeToken(cognitiveservices.Account));
    const deployments = ofType(all, typeToken(cognitiveservices.Deployment));
    assert.equal(prop(account.inputs, "properties", "allowProjectManagement"), true);
    assert.equal(prop(account.inputs, "properties", "encryption", "keySource"), "Microsoft.KeyVault");
    assert.equal(prop(deployments[1].inputs, "properties", "spilloverDeploymentName"), "gpt-5");
    assert.equal(prop(deployments[1].inputs, "properties", "raiPolicyName"), "custom");
    assert.equal(
      prop(deployments[0].inputs, "properties", "versionUpgradeOption"),
      "OnceCurrentVersionExpired",
    );
    assert.equal(ofType(all, typeToken(cognitiveservices.Project)).length, 1);
    // The configured endpoint, and the one prod's private network path adds in its endpoint subnet.
    const endpoints = ofType(all, typeToken(network.PrivateEndpoint));
    assert.deepEqual(
      endpoints.map((e) =>
        String(prop(e.inputs, "subnet", "id"))
          .split("/")
          .pop(),
      ),
      ["pe", "snet-pep"],
    );
    assert.equal(ofType(all, typeToken(network.PrivateDnsZoneGroup)).length, 2);
    assert.equal(ofType(all, typeToken(authorization.ManagementLockByScope)).length, 1);
    // The account's own roleAssignments (the platform's access control adds its own elsewhere).
    const [accountComponent] = ofType(all, "foundry-platform:index:FoundryAccount");
    const underAccount = (t: string) =>
      ofType(all, t).filter((r) => hasAncestor(all, r, accountComponent.urn));
    assert.equal(underAccount(typeToken(authorization.RoleAssignment)).length, 1);
    assert.equal(ofType(all, typeToken(resources.Resource)).length, 0);
    // The platform leaves diagnostic settings to its central observability, not to the account.
    assert.equal(underAccount("azure-native:monitor:DiagnosticSetting").length, 0);
    assert.ok(ofType(all, "azure-native:monitor:DiagnosticSetting").length >= 1);
  });
});

describe("customModels config (zod, full key paths)", () => {
  const declared = (customModels: unknown[], deployments: unknown[]): string[] => {
    try {
      loadPlatformConfig(
        {
          ...configMap([{ name: "main", deployments }]),
          "foundry-platform:customModels": JSON.stringify(customModels),
        },
        [],
        undefined,
        on,
      );
      return [];
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      return err.problems.map(problemLine);
    }
  };
  const ft = { name: "contoso-ft", format: "OpenAI", versions: ["1"], deploymentTypes: ["GlobalStandard"] };

  it("accepts a declared model and its deployment", () => {
    assert.deepEqual(
      declared([ft], [{ model: "contoso-ft", version: "1", type: "GlobalStandard", capacity: 5 }]),
      [],
    );
  });

  it("refuses a broken declaration and a deployment outside it, each with its key", () => {
    const lines = declared(
      [
        { ...ft, deploymentTypes: ["GlobalStandard", "GlobalProvisionedManaged"] },
        { ...ft, name: "gpt-5.4" },
      ],
      [{ model: "contoso-ft", version: "2", type: "GlobalStandard", capacity: 5 }],
    );
    assert.deepEqual(lines, [
      "foundry-platform:customModels[0].ptu.GlobalProvisionedManaged: required: GlobalProvisionedManaged is listed, so give its PTU sizing { min, step } from the publisher",
      'foundry-platform:customModels[1].name (got "gpt-5.4"): is a model in the catalog already; deploy it directly (a version the catalog lacks needs a catalog update)',
      'foundry-platform:accounts[0].deployments[0].version (got "2"): not a declared version of custom model contoso-ft; declared: 1',
    ]);
  });
});
