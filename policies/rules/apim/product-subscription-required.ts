import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asBoolean } from "../../lib/values";

/** Every product is reached with a subscription key, so every caller is known. */
export const apimProductSubscriptionRequired = resourceRule({
  name: "apim-product-subscription-required",
  description:
    "API Management products must require a subscription. An open product lets anyone call its APIs anonymously, so calls cannot be attributed, limited per team or revoked.",
  severity: "high",
  remediationSteps:
    "Remove `subscriptionRequired: false` from the product (Azure's default is true) and give each team its own subscription to the product.",
  references: { psrule: ["Azure.APIM.ProductSubscription"], waf: "Security" },
  resourceTypes: [types.apimProduct],
  validate: (props, _args, report) => {
    if (asBoolean(props.subscriptionRequired) === false) {
      report("subscriptionRequired is false: the product's APIs accept anonymous calls.");
    }
  },
});
