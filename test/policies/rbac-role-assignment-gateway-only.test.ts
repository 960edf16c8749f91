import { rbacRoleAssignmentGatewayOnly as rule } from "../../policies/rules/rbac/role-assignment-gateway-only";
import { builtInRoles } from "../../components/catalog/roles";
import { types } from "../../policies/lib/types";
import { describeResourceRule } from "../helpers/rule-cases";
import { unknown } from "../helpers/policy";

const roleId = (name: keyof typeof builtInRoles) =>
  `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${builtInRoles[name]}`;
const account = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aif-main";
const assignment = (
  principalType: string | undefined,
  role: keyof typeof builtInRoles = "Cognitive Services OpenAI User",
) => ({
  principalId: "p",
  scope: account,
  roleDefinitionId: roleId(role),
  ...(principalType ? { principalType } : {}),
});

describeResourceRule({
  rule,
  type: types.roleAssignment,
  compliant: [
    ["the gateway's managed identity holds Cognitive Services OpenAI User", assignment("ServicePrincipal")],
    ["a group reads metrics (not a data-plane role)", assignment("Group", "Monitoring Reader")],
    [
      "admins manage the account (Cognitive Services Contributor is not a data-plane role)",
      assignment("Group", "Cognitive Services Contributor"),
    ],
    [
      "a group may call the models where the config allows groups",
      assignment("Group"),
      { config: { allowedPrincipalTypes: ["Group", "ServicePrincipal"] } },
    ],
  ],
  broken: [
    [
      "developers call the models directly",
      assignment("Group"),
      /grants Cognitive Services OpenAI User .* to a principal of type Group on .*aif-main: it calls the models around the gateway/,
    ],
    [
      "a person holds Azure AI User",
      assignment("User", "Azure AI User"),
      /grants Azure AI User .* to a principal of type User/,
    ],
    ["no principalType (may be a person)", assignment(undefined), /to a principal of type not set/],
  ],
  unknown: { ...assignment("Group"), roleDefinitionId: unknown.string },
  ignored: { type: types.aiAccount, props: assignment("Group") },
});
