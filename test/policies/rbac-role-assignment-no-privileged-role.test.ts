import { strict as assert } from "node:assert";
import { rbacRoleAssignmentNoPrivilegedRole as rule } from "../../policies/rules/rbac/role-assignment-no-privileged-role";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const roleId = (guid: string) =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const assignment = (roleDefinitionId: string) => ({
  type: types.roleAssignment,
  props: { principalId: "p", principalType: "Group", scope: "/subscriptions/x", roleDefinitionId },
});

describe(`policy ${rule.name}`, () => {
  it("compliance: Cognitive Services OpenAI User", async () => {
    assertNone(await judgeResource(rule, assignment(roleId("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"))));
  });

  const broken: [string, string, RegExp][] = [
    ["noncompliance 1: Owner", roleId("8e3af657-a8ff-443c-a75c-2fe8c4bcb635"), /grants Owner \(8e3af657/],
    [
      "noncompliance 2: Contributor, upper-case GUID",
      roleId("B24988AC-6180-42A0-AB88-20F7382DD24C"),
      /grants Contributor/,
    ],
    [
      "noncompliance 3: User Access Administrator, bare GUID",
      "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
      /grants User Access Administrator/,
    ],
  ];
  for (const [what, id, message] of broken) {
    it(what, async () => assertFindings(await judgeResource(rule, assignment(id)), message));
  }

  it("refuses the roles its config lists instead", async () => {
    const rbacAdmin = "f58310d9-a9f6-439a-9e8d-f62e7b41a168";
    assertFindings(
      await judgeResource(rule, {
        ...assignment(roleId(rbacAdmin)),
        config: { forbiddenRoleIds: [rbacAdmin] },
      }),
      new RegExp(`grants ${rbacAdmin}`),
    );
  });

  it("does not crash on a value unknown during preview", async () => {
    assert.equal(await judgeResource(rule, assignment(unknown.string)), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, {
        type: "azure-native:authorization:PimRoleEligibilitySchedule",
        props: { roleDefinitionId: roleId("8e3af657-a8ff-443c-a75c-2fe8c4bcb635") },
      }),
    );
  });
});
