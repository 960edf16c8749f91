import { hasManagedIdentity } from "../../lib/azure";
import { field, shown, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** AI accounts have a managed identity to reach Key Vault, storage and projects without secrets. */
export const aiAccountManagedIdentity = resourceRule({
  name: "ai-account-managed-identity",
  description:
    "AI Services and Azure OpenAI accounts must have a managed identity (system or user assigned). Without one the account cannot use customer-managed keys, Foundry projects or other Azure resources except through stored secrets.",
  severity: "medium",
  remediationSteps:
    "Set `identity: { type: SystemAssigned }` on the account (FoundryAccount does this), or `UserAssigned` with the identities' resource ids, then grant that identity the roles it needs.",
  references: {
    psrule: ["Azure.AI.ManagedIdentity"],
    azurePolicy: ["fe3fd216-4f83-4fc1-8984-2bbec80a3418"],
    mcsb: ["IM-1", "IM-3"],
    waf: "Security",
  },
  resourceTypes: [types.aiAccount],
  validate: (props, _args, report) => {
    const identityType = text(field(props.identity, "type"));
    if (!hasManagedIdentity(identityType)) {
      report(
        `identity.type is ${shown(identityType)}: the account has no managed identity. Set it to SystemAssigned or UserAssigned.`,
      );
    }
  },
});
