import { strict as assert } from "node:assert";
import * as authorization from "@pulumi/azure-native/authorization";
import * as azuread from "@pulumi/azuread";
import fc from "fast-check";
import { mockClientObjectId } from "../../cli/plan/mocks";
import { PlannedResource } from "../../cli/model";
import {
  AccessControl,
  AccessControlArgs,
  accessControlProblems,
  accessGroups,
  accessPlan,
  groupRoles,
  humanDataPlaneGrants,
} from "../../components/access/access-control";
import { roleAssignmentName } from "../../components/common/role-assignment";
import { builtInRoles, isPrivilegedRole, privilegedRoles } from "../../components/common/roles";
import { capture, captureErrors, ofType, typeToken } from "../helpers/mocks";

const raType = typeToken(authorization.RoleAssignment);
const groupType = typeToken(azuread.Group);

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000";
const rgId = `${sub}/resourceGroups/rg-test-dev-sdc`;
const accountId = (n: string) =>
  `${rgId}/providers/Microsoft.CognitiveServices/accounts/aif-test-dev-sdc-${n}`;
const projectId = (n: string) => `${accountId("main")}/projects/${n}`;
const workspaceId = `${rgId}/providers/Microsoft.OperationalInsights/workspaces/log-test-dev-sdc`;
const existingAdmins = "9a4f1c2e-1111-4a5b-9c3d-0123456789ab";

const base: AccessControlArgs = {
  naming: { workload: "test", environment: "dev" },
  aiAccounts: [
    { name: "main", resourceId: accountId("main") },
    { name: "second", resourceId: accountId("second") },
  ],
  projects: [{ name: "chat", resourceId: projectId("chat") }],
  resourceGroupId: rgId,
  workspaceResourceId: workspaceId,
  // A dev platform: developers call the models directly.
  humanDataAccess: "direct",
};

const privilegedGuids = new Set<string>(Object.values(privilegedRoles));

/** The role GUID at the end of an assignment's roleDefinitionId. */
function roleGuid(ra: PlannedResource): string {
  return String(ra.inputs.roleDefinitionId).split("/").pop() ?? "";
}

/** "<role name> on <scope>" for each assignment of a principal. */
function grants(assignments: readonly PlannedResource[], principal: string): string[] {
  const names = Object.fromEntries(Object.entries(builtInRoles).map(([n, g]) => [g, n]));
  return assignments
    .filter((ra) => ra.inputs.principalId === principal)
    .map((ra) => `${names[roleGuid(ra)]} on ${String(ra.inputs.scope)}`)
    .sort();
}

describe("AccessControl", () => {
  it("creates three security groups named per environment, owned by the deploying identity", async () => {
    const resources = await capture(
      () =>
        new AccessControl("access", {
          ...base,
          groups: { developers: { members: ["0f0e0d0c-0b0a-4909-8807-060504030201"] } },
        }),
    );
    const groups = ofType(resources, groupType);
    assert.deepEqual(groups.map((g) => g.inputs.displayName).sort(), [
      "grp-test-dev-ai-admins",
      "grp-test-dev-ai-developers",
      "grp-test-dev-ai-readers",
    ]);
    for (const g of groups) {
      assert.equal(g.inputs.securityEnabled, true);
      assert.equal(g.inputs.mailEnabled, false);
      assert.equal(g.inputs.preventDuplicateNames, true);
      assert.deepEqual(g.inputs.owners, [mockClientObjectId]);
    }
    const developers = groups.find((g) => g.name === "access-developers");
    assert.deepEqual(developers?.inputs.members, ["0f0e0d0c-0b0a-4909-8807-060504030201"]);
  });

  it("grants exactly the least-privilege roles on the right scopes", async () => {
    const resources = await capture(() => new AccessControl("access", base));
    const assignments = ofType(resources, raType);
    const objectId = (group: string) =>
      String(ofType(resources, groupType).find((g) => g.name === `access-${group}`)?.outputs.objectId);
    assert.deepEqual(grants(assignments, objectId("developers")), [
      `Azure AI User on ${projectId("chat")}`,
      `Cognitive Services OpenAI User on ${accountId("main")}`,
      `Cognitive Services OpenAI User on ${accountId("second")}`,
    ]);
    assert.deepEqual(grants(assignments, objectId("admins")), [
      `Cognitive Services Contributor on ${accountId("main")}`,
      `Cognitive Services Contributor on ${accountId("second")}`,
    ]);
    assert.deepEqual(grants(assignments, objectId("readers")), [
      `Log Analytics Reader on ${workspaceId}`,
      `Monitoring Reader on ${rgId}`,
    ]);
    assert.equal(assignments.length, 7);
    assert.ok(assignments.every((ra) => ra.inputs.principalType === "Group"));
    assert.ok(assignments.every((ra) => ra.parent?.endsWith("::access")));
  });

  it("gives no group a data-plane role by default (gateway only); named automation identities keep one", async () => {
    const automation = "55555555-5555-4555-8555-555555555555";
    const resources = await capture(
      () =>
        new AccessControl("access", {
          ...base,
          humanDataAccess: undefined,
          automationIdentities: [{ name: "nightly-eval", principalId: automation }],
        }),
    );
    const assignments = ofType(resources, raType);
    const groupGrants = assignments.filter((ra) => ra.inputs.principalType === "Group").map(roleGuid);
    assert.ok(!groupGrants.includes(builtInRoles["Cognitive Services OpenAI User"]));
    assert.ok(!groupGrants.includes(builtInRoles["Azure AI User"]));
    assert.deepEqual(grants(assignments, automation), [
      `Cognitive Services OpenAI User on ${accountId("main")}`,
      `Cognitive Services OpenAI User on ${accountId("second")}`,
    ]);
    assert.ok(
      assignments
        .filter((ra) => ra.inputs.principalId === automation)
        .every((ra) => ra.inputs.principalType === "ServicePrincipal"),
    );
    assert.match(
      accessControlProblems({
        ...base,
        automationIdentities: [
          { name: "Bad Name", principalId: automation },
          { name: "x", principalId: automation },
          { name: "x", principalId: automation },
        ],
      }).join("\n"),
      /automation identity name 'Bad Name' must be 1 to 40 lower-case[\s\S]*automation identity 'x' is listed twice/,
    );
  });

  it("uses an existing group by object id instead of creating it", async () => {
    const resources = await capture(
      () => new AccessControl("access", { ...base, groups: { admins: { objectId: existingAdmins } } }),
    );
    const groups = ofType(resources, groupType);
    assert.deepEqual(groups.map((g) => g.name).sort(), ["access-developers", "access-readers"]);
    assert.deepEqual(grants(ofType(resources, raType), existingAdmins), [
      `Cognitive Services Contributor on ${accountId("main")}`,
      `Cognitive Services Contributor on ${accountId("second")}`,
    ]);
  });

  it("names assignments by scope, principal and role: stable across two plans, unique across principals", async () => {
    const plan = async () =>
      ofType(await capture(() => new AccessControl("access", base)), raType).map((ra) => ({
        urn: ra.urn,
        name: String(ra.inputs.roleAssignmentName),
        expected: roleAssignmentName(String(ra.inputs.scope), String(ra.inputs.principalId), roleGuid(ra)),
      }));
    const [first, second] = [await plan(), await plan()];
    const byUrn = (xs: typeof first) => Object.fromEntries(xs.map((x) => [x.urn, x.name]));
    assert.deepEqual(byUrn(second), byUrn(first));
    assert.ok(first.every((x) => x.name === x.expected));
    assert.equal(new Set(first.map((x) => x.name)).size, first.length, "two assignments share a name");
    // Same scope and role (Cognitive Services OpenAI User on main), another principal: another name.
    const role = builtInRoles["Cognitive Services OpenAI User"];
    assert.notEqual(
      roleAssignmentName(accountId("main"), existingAdmins, role),
      roleAssignmentName(accountId("main"), "00000000-1111-4222-8333-444444444444", role),
    );
  });

  it("reports every problem with the groups and targets at once", async () => {
    const bad: AccessControlArgs = {
      ...base,
      aiAccounts: [...base.aiAccounts, { name: "main", resourceId: accountId("main") }],
      groups: {
        admins: { objectId: "not-a-guid" },
        readers: { objectId: existingAdmins, members: ["nope"] },
      },
    };
    const problems = accessControlProblems(bad);
    assert.deepEqual(problems, [
      "groups.admins.objectId 'not-a-guid' is not an object id (a GUID)",
      "groups.readers has both objectId and members; members apply only to a group created here — manage the existing group's members in Entra ID",
      "groups.readers.members: 'nope' is not an object id (a GUID)",
      "AI account 'main' is listed twice; give each its own name",
    ]);
    const errors = await captureErrors(() => new AccessControl("access", bad));
    assert.match(errors.join("\n"), /^AccessControl 'access': groups.admins.objectId 'not-a-guid'/);
  });

  it("never grants a privileged role, whatever the accounts, projects and groups (property)", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9]{1,11}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(name, { maxLength: 6 }),
        (aiAccounts, projects) => {
          const plan = accessPlan({ aiAccounts, projects }, "direct");
          const gatewayOnly = accessPlan({ aiAccounts, projects });
          // Gateway-only (the default) drops exactly the developers' data-plane grants.
          assert.equal(gatewayOnly.length, aiAccounts.length + 2);
          assert.ok(gatewayOnly.every((p) => !humanDataPlaneGrants.includes(p.role)));
          for (const p of plan) {
            assert.ok(!isPrivilegedRole(p.role), `${p.role} is privileged`);
            assert.ok(!privilegedGuids.has(builtInRoles[p.role]));
            assert.ok(groupRoles[p.group].some((r) => r.role === p.role && r.on === p.scope.kind));
          }
          assert.equal(plan.length, 2 * aiAccounts.length + projects.length + 2);
          assert.equal(new Set(plan.map((p) => p.key)).size, plan.length, "logical names collide");
        },
      ),
      { numRuns: 200 },
    );
    assert.deepEqual([...accessGroups], Object.keys(groupRoles));
  });
});
