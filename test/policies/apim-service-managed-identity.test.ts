import { apimServiceManagedIdentity as rule } from "../../policies/rules/apim/service-managed-identity";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

describeResourceRule({
  rule,
  type: "azure-native:apimanagement:ApiManagementService",
  compliant: [
    ["system-assigned identity", { identity: { type: "SystemAssigned" } }],
    [
      "user-assigned identity",
      { identity: { type: "UserAssigned", userAssignedIdentities: { "/subscriptions/s/x": {} } } },
    ],
    ["both", { identity: { type: "SystemAssigned, UserAssigned" } }],
  ],
  broken: [
    [
      "no identity",
      { sku: { name: "StandardV2", capacity: 1 } },
      /identity.type is not set: the service has no managed identity/,
    ],
    ["identity type None", { identity: { type: "None" } }, /identity.type is "None"/],
  ],
  unknown: { identity: { type: unknown.string } },
  ignored: { type: "azure-native:apimanagement:Api", props: {} },
});
