import { strict as assert } from "node:assert";
import { governanceResourceDiagnosticLogs as rule } from "../../policies/rules/governance/resource-diagnostic-logs";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000";
const urn = (type: string, name: string) => `urn:pulumi:prod::foundry-platform::${type}::${name}`;
const types = {
  account: "azure-native:cognitiveservices:Account",
  apim: "azure-native:apimanagement:ApiManagementService",
  workspace: "azure-native:operationalinsights:Workspace",
  setting: "azure-native:monitor:DiagnosticSetting",
};
const workspaceId = `${sub}/resourceGroups/rg-obs/providers/Microsoft.OperationalInsights/workspaces/log-main`;
const accountId = `${sub}/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/aif-main`;

/** An AI account as the offline plan sends it (mock outputs carry the inputs). */
const account: StackResourceCase = {
  type: types.account,
  urn: urn(types.account, "main"),
  name: "main",
  props: { accountName: "aif-main", resourceGroupName: "rg-ai", name: "aif-main", location: "swedencentral" },
};
const apim: StackResourceCase = {
  type: types.apim,
  urn: urn(types.apim, "gw"),
  name: "gw",
  props: { serviceName: "apim-main", resourceGroupName: "rg-ai", name: "apim-main" },
};
const workspace: StackResourceCase = {
  type: types.workspace,
  urn: urn(types.workspace, "logs"),
  name: "logs",
  props: { workspaceName: "log-main", resourceGroupName: "rg-obs", name: "log-main" },
};
const allLogs = [{ categoryGroup: "allLogs", enabled: true }];
const allMetrics = [{ category: "AllMetrics", enabled: true }];

/** A diagnostic setting of `target`, joined through the property dependencies the engine records. */
function setting(
  target: StackResourceCase,
  props: Record<string, unknown> = {},
  name = `${target.name}-diag`,
) {
  return {
    type: types.setting,
    urn: urn(types.setting, name),
    name,
    props: { resourceUri: `${sub}/x`, workspaceId, logs: allLogs, metrics: allMetrics, ...props },
    propertyDependencies: { resourceUri: [target.urn as string], workspaceId: [workspace.urn as string] },
  } satisfies StackResourceCase;
}

/** A diagnostic setting with no recorded dependencies: joined by the ARM ids in its props. */
function settingById(resourceUri: string, props: Record<string, unknown> = {}): StackResourceCase {
  return {
    type: types.setting,
    urn: urn(types.setting, "by-id"),
    name: "by-id",
    props: { resourceUri, workspaceId, logs: allLogs, ...props },
  };
}

async function findings(resources: StackResourceCase[]) {
  const result = await judgeStack(rule, resources);
  assert.ok(result !== "unknown", "the rule could not judge known values");
  return result;
}

describe(`policy ${rule.name}`, () => {
  const compliant: [string, StackResourceCase[]][] = [
    [
      "account and APIM with allLogs to Log Analytics (property dependencies)",
      [account, apim, workspace, setting(account), setting(apim)],
    ],
    [
      "setting joined by resourceUri = the account's ARM id built from its inputs",
      [account, settingById(accountId)],
    ],
    ["resourceUri in another case", [account, settingById(accountId.toUpperCase())]],
    [
      "setting joined by the account's id output",
      [{ ...account, props: { id: accountId, name: "aif-main" } }, settingById(accountId)],
    ],
    [
      "account props without a resource group: joined on provider, type and name",
      [{ ...account, props: { name: "aif-main" } }, settingById(accountId)],
    ],
    [
      "the audit category group is enough",
      [account, workspace, setting(account, { logs: [{ categoryGroup: "audit", enabled: true }] })],
    ],
    [
      "one metrics-only setting and one with logs",
      [account, workspace, setting(account, { logs: [] }, "metrics"), setting(account, {}, "logs")],
    ],
    [
      "values unknown during preview are not read when dependencies say enough",
      [account, workspace, setting(account, { resourceUri: unknown.string, workspaceId: unknown.string })],
    ],
    ["a stack without AI accounts or APIM", [workspace]],
  ];
  for (const [what, resources] of compliant) {
    it(`compliance: ${what}`, async () => {
      assert.deepEqual(await findings(resources), []);
    });
  }

  const broken: [string, StackResourceCase[], string, RegExp][] = [
    [
      "account without any diagnostic setting",
      [account, workspace],
      account.urn!,
      /AI account 'main' has no diagnostic setting/,
    ],
    [
      "APIM without any diagnostic setting",
      [account, apim, workspace, setting(account)],
      apim.urn!,
      /API Management service 'gw' has no diagnostic setting/,
    ],
    [
      "setting without a workspace (storage only)",
      [
        account,
        {
          ...setting(account, { workspaceId: undefined, storageAccountId: `${sub}/x` }),
          propertyDependencies: { resourceUri: [account.urn!] },
        },
      ],
      account.urn!,
      /sends no logs to Log Analytics: diagnostic setting 'main-diag' has no workspaceId of a Log Analytics workspace/,
    ],
    [
      "setting whose workspaceId is not a Log Analytics workspace",
      [
        account,
        settingById(accountId, {
          workspaceId: `${sub}/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s`,
        }),
      ],
      account.urn!,
      /has no workspaceId of a Log Analytics workspace/,
    ],
    [
      "setting with metrics only",
      [account, workspace, setting(account, { logs: [] })],
      account.urn!,
      /enables no log category or category group/,
    ],
    [
      "setting whose logs are all disabled",
      [account, workspace, setting(account, { logs: [{ categoryGroup: "allLogs", enabled: false }] })],
      account.urn!,
      /enables no log category/,
    ],
    [
      "setting with neither workspace nor logs",
      [account, settingById(accountId, { workspaceId: undefined, logs: [] })],
      account.urn!,
      /has no Log Analytics workspaceId and no enabled log category/,
    ],
    [
      "setting of another account (property dependency)",
      [
        account,
        {
          ...account,
          urn: urn(types.account, "other"),
          name: "other",
          props: { accountName: "aif-other", resourceGroupName: "rg-ai" },
        },
        workspace,
        setting({ ...account, urn: urn(types.account, "other"), name: "other" }),
      ],
      account.urn!,
      /AI account 'main' has no diagnostic setting/,
    ],
    [
      "setting for an account of the same name in another resource group (ARM id)",
      [account, settingById(accountId.replace("rg-ai", "rg-else"))],
      account.urn!,
      /AI account 'main' has no diagnostic setting/,
    ],
  ];
  broken.forEach(([what, resources, on, message], i) => {
    it(`noncompliance ${i + 1}: ${what}`, async () => {
      const result = await findings(resources);
      assert.equal(result.length, 1, JSON.stringify(result));
      assert.equal(result[0].urn, on);
      assert.match(result[0].message, message);
    });
  });

  it("does not crash when a value it must read is unknown during preview", async () => {
    assert.equal(await judgeStack(rule, [account, settingById(unknown.string)]), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    const storage = {
      type: "azure-native:storage:StorageAccount",
      urn: urn("azure-native:storage:StorageAccount", "s"),
      props: {},
    };
    assert.deepEqual(await findings([storage, workspace, setting(storage, { logs: [] })]), []);
  });
});
