import { aiAccountManagedIdentity as rule } from "../../policies/rules/ai/account-managed-identity";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Account",
  compliant: [
    ["system-assigned identity", { identity: { type: "SystemAssigned" } }],
    [
      "user-assigned identity",
      {
        identity: {
          type: "UserAssigned",
          userAssignedIdentities: [
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i",
          ],
        },
      },
    ],
    ["both", { identity: { type: "SystemAssigned, UserAssigned" } }],
  ],
  broken: [
    ["no identity", {}, /identity.type is not set: the account has no managed identity/],
    ["identity type None", { identity: { type: "None" } }, /identity.type is "None"/],
    ["identity without a type", { identity: {} }, /identity.type is not set/],
  ],
  unknown: { identity: { type: unknown.string } },
  ignored: { type: "azure-native:apimanagement:ApiManagementService", props: {} },
});
