import { missingDescriptors } from "../../lib/descriptors";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** Products (teams) say who they are for and what they allow. */
export const apimProductDescription = resourceRule({
  name: "apim-product-description",
  description:
    "API Management products must have a display name and a description. A product is a team's contract with the platform (models, limits, quota); without a description nobody can tell whose it is or what it grants.",
  severity: "low",
  remediationSteps:
    "Set `displayName` and `description` on the product (AiGateway describes each team's models, tokens per minute and monthly quota).",
  references: { psrule: ["Azure.APIM.ProductDescriptors"], waf: "Operational Excellence" },
  resourceTypes: [types.apimProduct],
  validate: (props, _args, report) => {
    const missing = missingDescriptors(props);
    if (missing.length > 0) {
      report(`The product has no ${missing.join(" and no ")}.`);
    }
  },
});
