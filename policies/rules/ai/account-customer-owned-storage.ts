import { field, list, sameText, text } from "../../lib/read";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";

/** Accounts that can keep their data in the customer's storage account do so. */
export const aiAccountCustomerOwnedStorage = stackRule({
  name: "ai-account-customer-owned-storage",
  description:
    "AI accounts that offer the CustomerManagedStorage capability must keep their data in a customer-owned storage account (`userOwnedStorage`), so that data at rest stays under the customer's own keys, network rules and retention. Capabilities are an output of the deployed account, so this rule judges a stack export (`check`) and a real preview.",
  severity: "low",
  remediationSteps:
    "Create a storage account, grant the AI account's managed identity access to it, and set `properties.userOwnedStorage: [{ resourceId: <storage account id> }]` on the account.",
  references: { azurePolicy: ["46aa9b05-0e60-4eae-a88b-1e9d374fa515"], waf: "Security" },
  resourceTypes: [types.aiAccount],
  validate: (resources, _args, report) => {
    for (const account of resources) {
      const offered = list(field(account.props.properties, "capabilities")).some((c) =>
        sameText(text(field(c, "name")), "CustomerManagedStorage"),
      );
      if (offered && list(field(account.props.properties, "userOwnedStorage")).length === 0) {
        report(
          "The account offers customer-managed storage but keeps its data in Microsoft's: set properties.userOwnedStorage.",
          account.urn,
        );
      }
    }
  },
});
