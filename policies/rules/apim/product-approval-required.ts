import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asBoolean } from "../../lib/values";

/** Nobody gets a key to a product without an administrator approving it. */
export const apimProductApprovalRequired = resourceRule({
  name: "apim-product-approval-required",
  description:
    "API Management products that require a subscription must also require approval (`approvalRequired: true`). Otherwise anyone who can sign in to the developer portal can subscribe to the product and get a working key to its AI models and their quota.",
  severity: "medium",
  remediationSteps:
    "Set `approvalRequired: true` on the product (AiGateway does this for every team). Subscriptions the platform creates itself, such as each team's key, are approved by creating them.",
  references: { psrule: ["Azure.APIM.ProductApproval"], waf: "Security" },
  resourceTypes: [types.apimProduct],
  validate: (props, _args, report) => {
    if (asBoolean(props.subscriptionRequired) === false) {
      return; // no subscription, nothing to approve (apim-product-subscription-required judges that)
    }
    if (asBoolean(props.approvalRequired) !== true) {
      report(
        `approvalRequired is ${props.approvalRequired === undefined ? "not set (Azure's default is false)" : "false"}: developer-portal users can subscribe themselves and get a key.`,
      );
    }
  },
});
