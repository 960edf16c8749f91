/**
 * The operations config sections (observability, budget, access) from stack file to resources: the
 * program runs in-process under the plan's mocks, as `plan` runs it.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as authorization from "@pulumi/azure-native/authorization";
import * as consumption from "@pulumi/azure-native/consumption";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as azuread from "@pulumi/azuread";
import fc from "fast-check";
import YAML from "yaml";
import { parseStackConfig, readStackConfig, StackConfigFile } from "../../cli/plan/stack-file";
import { isSecretValue } from "../../cli/wire";
import { WireValue } from "../../cli/model";
import { groupRoles } from "../../components/access/access-control";
import { builtInRoles, privilegedRoles } from "../../components/common/roles";
import { loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError } from "../../stacks/config/problems";
import { platformProgram } from "../../stacks/program";
import { root } from "../helpers/cli";
import { capture, ofType, prop, typeToken } from "../helpers/mocks";

/** Pinned: the stacks' models all serve, none within 90 days of retiring. */
const on = new Date("2026-12-03T00:00:00Z");

const project = "foundry-platform";
const stackFile = (stack: string): StackConfigFile =>
  readStackConfig(path.join(root, "stacks", `Pulumi.${stack}.yaml`), project);

/** Runs the program on a stack file's values (as the plan does) and returns what it registered. */
async function planOf(file: Pick<StackConfigFile, "values" | "secretKeys">) {
  const loaded = loadPlatformConfig(file.values, file.secretKeys, undefined, on);
  return capture(() => platformProgram(loaded));
}

/** The dev stack file with one key's value replaced (a YAML fragment under `config:`). */
function devWith(key: string, yaml: string): StackConfigFile {
  const doc = YAML.parse(fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8")) as {
    config: Record<string, unknown>;
  };
  doc.config[`${project}:${key}`] = YAML.parse(yaml);
  return parseStackConfig(YAML.stringify(doc), "Pulumi.dev.yaml", project);
}

/** The config problems of a stack file, one line each. */
function problemsOf(file: StackConfigFile): string {
  try {
    loadPlatformConfig(file.values, file.secretKeys, undefined, on);
  } catch (err) {
    if (err instanceof ConfigError) {
      return err.message;
    }
    throw err;
  }
  return "";
}

const types = {
  workspace: typeToken(operationalinsights.Workspace),
  diagnostic: typeToken(monitor.DiagnosticSetting),
  metricAlert: typeToken(monitor.MetricAlert),
  actionGroup: typeToken(monitor.ActionGroup),
  budget: typeToken(consumption.Budget),
  group: typeToken(azuread.Group),
  roleAssignment: typeToken(authorization.RoleAssignment),
  account: "azure-native:cognitiveservices:Account",
  apim: "azure-native:apimanagement:ApiManagementService",
};

describe("operations config (observability, budget, access)", () => {
  for (const [stack, retention, amount] of [
    ["dev", 30, 300],
    ["staging", 60, 2500],
    ["prod", 90, 15000],
  ] as const) {
    it(`gives the ${stack} stack monitoring, a budget and access groups`, async () => {
      const resources = await planOf(stackFile(stack));
      const [workspace] = ofType(resources, types.workspace);
      assert.equal(workspace.inputs.retentionInDays, retention);
      const [budget] = ofType(resources, types.budget);
      assert.equal(budget.inputs.amount, amount);
      assert.match(
        String(budget.inputs.scope),
        /^\/subscriptions\/[^/]+\/resourceGroups\/rg-contoso-[a-z]+-sdc$/,
      );
      const accounts = ofType(resources, types.account);
      // Every AI account and the gateway (staging and prod have one) send their logs.
      const gateways = ofType(resources, types.apim);
      assert.equal(gateways.length, stack === "dev" ? 0 : 1);
      assert.deepEqual(
        ofType(resources, types.diagnostic)
          .map((d) => d.inputs.resourceUri)
          .sort(),
        [...accounts.map(idOf), ...gateways.map(apimIdOf)].sort(),
      );
      // Per account: throttling, latency and server errors; PTU utilization and spillover only on an
      // account with a provisioned deployment that spills over (prod's main account).
      const alertNames = ofType(resources, types.metricAlert).map((a) => String(a.inputs.ruleName));
      assert.equal(alertNames.length, { dev: 3, staging: 6, prod: 8 }[stack]);
      assert.equal(
        alertNames.filter((n) => /ptu-utilization|spillover/.test(n)).length,
        stack === "prod" ? 2 : 0,
      );
      assert.equal(ofType(resources, types.group).length, 3);
      const [group] = ofType(resources, types.actionGroup);
      assert.deepEqual(
        (group.inputs.emailReceivers as Record<string, WireValue>[]).map((r) => r.emailAddress)[0],
        "platform-team@contoso.com",
      );
    });
  }

  it("applies the environment defaults when the sections are left out", async () => {
    const file = stackFile("dev");
    const values = Object.fromEntries(
      Object.entries(file.values).filter(
        ([k]) => k !== `${project}:observability` && k !== `${project}:budget`,
      ),
    );
    const resources = await planOf({ values, secretKeys: [] });
    assert.equal(ofType(resources, types.workspace)[0].inputs.retentionInDays, 30);
    assert.equal(ofType(resources, types.budget)[0].inputs.amount, 200);
  });

  it("keeps a webhook URL set with --secret secret, and emails secret when their key is", async () => {
    const file = devWith(
      "observability",
      `
notifications:
  emails: [platform-team@contoso.com]
  webhooks:
    - name: teams
      url:
        secure: v1:Zm9vYmFy:c2VjcmV0`,
    );
    assert.deepEqual(file.secretKeys, [`${project}:observability`]);
    const resources = await planOf(file);
    const [group] = ofType(resources, types.actionGroup);
    const [hook] = group.inputs.webhookReceivers as Record<string, WireValue>[];
    assert.ok(isSecretValue(hook.serviceUri));
    const [email] = group.inputs.emailReceivers as Record<string, WireValue>[];
    assert.ok(isSecretValue(email.emailAddress));
    // A plain webhook URL is made secret too: it carries its token.
    const plain = await planOf(
      devWith(
        "observability",
        "notifications: { webhooks: [{ name: ops, url: 'https://ops.contoso.com/hook?k=1' }] }",
      ),
    );
    const [plainGroup] = ofType(plain, types.actionGroup);
    assert.ok(isSecretValue(prop(plainGroup.inputs, "webhookReceivers", "0", "serviceUri") as WireValue));
  });

  it("uses existing groups given by object id", async () => {
    const id = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    const resources = await planOf(devWith("access", `{ readers: { objectId: ${id} } }`));
    assert.deepEqual(
      ofType(resources, types.group)
        .map((g) => g.inputs.displayName)
        .sort(),
      ["grp-contoso-dev-ai-admins", "grp-contoso-dev-ai-developers"],
    );
    assert.equal(
      ofType(resources, types.roleAssignment).filter((ra) => ra.inputs.principalId === id).length,
      2,
    );
  });

  it("rejects bad operations config with the key path, the value and what is allowed", () => {
    const cases: [string, string, string][] = [
      [
        "observability",
        "{ retentionDays: 7 }",
        "foundry-platform:observability.retentionDays (got 7): too small; allowed: at least 30",
      ],
      [
        "observability",
        "{ notifications: { webhooks: [{ name: ops, url: 'http://ops' }] } }",
        'foundry-platform:observability.notifications.webhooks[0].url (got "http://ops"): must be an https:// URL',
      ],
      [
        "observability",
        "{ notifications: { webhooks: [{ name: ops, url: 'https://a' }, { name: ops, url: 'https://b' }] } }",
        'foundry-platform:observability.notifications.webhooks[1].name (got "ops"): duplicate webhook name',
      ],
      [
        "observability",
        "{ notifications: { emails: [not-an-email] } }",
        'foundry-platform:observability.notifications.emails[0] (got "not-an-email"): must be an email address',
      ],
      [
        "observability",
        "{ alerts: { windowMinutes: 10 } }",
        "foundry-platform:observability.alerts.windowMinutes (got 10): not allowed; allowed: 5 | 15 | 30 | 60",
      ],
      ["budget", "{ monthlyAmount: 0 }", "foundry-platform:budget.monthlyAmount (got 0): too small"],
      [
        "budget",
        "{ startDate: '2026-11-15' }",
        'foundry-platform:budget.startDate (got "2026-11-15"): must be the first day of a month',
      ],
      [
        "access",
        "{ admins: { objectId: nope } }",
        'foundry-platform:access.admins.objectId (got "nope"): must be an Entra ID object id',
      ],
      [
        "access",
        "{ admins: { objectId: 3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f, members: [] } }",
        "foundry-platform:access.admins.members (got []): members apply only to a group created here",
      ],
      ["access", "{ developers: { role: Owner } }", "foundry-platform:access.developers.role: unknown key"],
    ];
    for (const [key, yaml, expected] of cases) {
      const message = problemsOf(devWith(key, yaml));
      assert.ok(message.includes(expected), `${key}: ${yaml}\nexpected: ${expected}\ngot: ${message}`);
    }
  });

  it("produces no privileged role assignment from any access config (property, whole program)", async () => {
    const file = stackFile("dev");
    const privileged = [
      ...Object.keys(privilegedRoles),
      ...Object.values(privilegedRoles),
      `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${privilegedRoles.Owner}`,
    ];
    const privilegedGuids = new Set<string>(Object.values(privilegedRoles));
    const allowedGuids = new Set<string>(
      Object.values(groupRoles).flatMap((roles) => roles.map((r) => builtInRoles[r.role])),
    );
    const anyString = fc.oneof(fc.uuid(), fc.constantFrom(...privileged), fc.string({ maxLength: 12 }));
    const group = fc.oneof(
      fc.constant(undefined),
      fc.record({ objectId: fc.uuid() }),
      fc.record({ members: fc.array(fc.uuid(), { maxLength: 2 }) }),
      fc.record(
        { objectId: anyString, members: fc.array(anyString, { maxLength: 2 }) },
        { requiredKeys: [] },
      ),
      // Attempts to name a role where the schema has none.
      fc.dictionary(
        fc.constantFrom("role", "roles", "roleDefinitionIdOrName", "roleDefinitionId"),
        anyString,
        {
          minKeys: 1,
          maxKeys: 2,
        },
      ),
    );
    const access = fc.record(
      {
        admins: group,
        developers: group,
        readers: group,
        roleAssignments: fc.array(fc.record({ role: fc.constantFrom(...privileged), scope: anyString }), {
          maxLength: 1,
        }),
      },
      { requiredKeys: [] },
    );
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(access, async (value) => {
        const values = { ...file.values, [`${project}:access`]: JSON.stringify(value) };
        let loaded;
        try {
          loaded = loadPlatformConfig(values, [], undefined, on);
        } catch (err) {
          assert.ok(err instanceof ConfigError, String(err));
          rejected += 1;
          return;
        }
        accepted += 1;
        const resources = await capture(() => platformProgram(loaded));
        const assignments = ofType(resources, types.roleAssignment);
        assert.ok(assignments.length > 0);
        for (const ra of assignments) {
          const guid = String(ra.inputs.roleDefinitionId).split("/").pop() ?? "";
          assert.ok(!privilegedGuids.has(guid), `privileged role ${guid} assigned`);
          assert.ok(allowedGuids.has(guid), `unexpected role ${guid}`);
        }
      }),
      {
        numRuns: 12,
        examples: [
          [{}],
          [{ admins: { objectId: "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f" }, developers: { members: [] } }],
          [{ developers: { role: "Owner" } }],
          [{ roleAssignments: [{ role: "User Access Administrator", scope: "/" }] }],
        ],
      },
    );
    assert.ok(accepted >= 2 && rejected >= 2, `accepted ${accepted}, rejected ${rejected}`);
  });
});

/** The ARM id the mocks give an AI account. */
function idOf(r: { inputs: Record<string, WireValue> }): string {
  const name = String(r.inputs.accountName);
  const group = String(r.inputs.resourceGroupName);
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${group}/providers/Microsoft.CognitiveServices/accounts/${name}`;
}

/** The ARM id the mocks give an API Management service. */
function apimIdOf(r: { inputs: Record<string, WireValue> }): string {
  const name = String(r.inputs.serviceName);
  const group = String(r.inputs.resourceGroupName);
  return `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${group}/providers/Microsoft.ApiManagement/service/${name}`;
}
