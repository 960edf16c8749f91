import { strict as assert } from "node:assert";
import { rbacRoleAssignmentDataPlanePrincipal as rule } from "../../policies/rules/rbac/role-assignment-data-plane-principal";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const openAiUser =
  "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
const monitoringReader =
  "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/43d0d8ad-25c7-4714-9337-8ba259a9fe05";
const assignment = (props: Record<string, unknown>, config?: Record<string, unknown>) => ({
  type: types.roleAssignment,
  props: { principalId: "p", scope: "/subscriptions/s", roleDefinitionId: openAiUser, ...props },
  config,
});

describe(`policy ${rule.name}`, () => {
  const compliant: [string, Record<string, unknown>][] = [
    ["a data-plane role to a group", { principalType: "Group" }],
    ["a data-plane role to a managed identity", { principalType: "ServicePrincipal" }],
    ["a non-data-plane role to a user", { principalType: "User", roleDefinitionId: monitoringReader }],
  ];
  for (const [what, props] of compliant) {
    it(`compliance: ${what}`, async () => assertNone(await judgeResource(rule, assignment(props))));
  }

  const broken: [string, Record<string, unknown>, RegExp][] = [
    [
      "noncompliance 1: a data-plane role to a user",
      { principalType: "User" },
      /grants Cognitive Services OpenAI User \(5e0bd9bd[^)]*\) to a principal of type User; allowed: Group, ServicePrincipal/,
    ],
    [
      "noncompliance 2: a data-plane role without principalType",
      {},
      /without a principalType, so it may go to an individual user/,
    ],
    [
      "noncompliance 3: Azure AI User to a user",
      { principalType: "User", roleDefinitionId: "53ca6127-db72-4b80-b1b0-d745d6d5456d" },
      /grants Azure AI User/,
    ],
  ];
  for (const [what, props, message] of broken) {
    it(what, async () => assertFindings(await judgeResource(rule, assignment(props)), message));
  }

  it("lets the config allow other principal types (for example users in dev)", async () => {
    assertNone(
      await judgeResource(
        rule,
        assignment(
          { principalType: "User" },
          { allowedPrincipalTypes: ["Group", "ServicePrincipal", "User"] },
        ),
      ),
    );
  });

  it("does not crash on a value unknown during preview", async () => {
    assert.equal(await judgeResource(rule, assignment({ principalType: unknown.string })), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, {
        type: "azure-native:authorization:RoleDefinition",
        props: { roleDefinitionId: openAiUser },
      }),
    );
  });
});
