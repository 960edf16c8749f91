import { missingDescriptors } from "../../lib/descriptors";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asString } from "../../lib/values";

/** APIs say what they are in the developer portal and in the service's inventory. */
export const apimApiDescription = resourceRule({
  name: "apim-api-description",
  description:
    "API Management APIs must have a display name and a description. They are what developers and reviewers see in the developer portal and the Azure portal; an undocumented API is one nobody can tell is still needed.",
  severity: "low",
  remediationSteps:
    "Set `displayName` and `description` on the API (AiGateway sets both). Revisions and clones (`sourceApiId`) take them from their source API and are not judged.",
  references: { psrule: ["Azure.APIM.APIDescriptors"], waf: "Operational Excellence" },
  resourceTypes: [types.apimApi],
  validate: (props, _args, report) => {
    if (asString(props.sourceApiId)) {
      return;
    }
    const missing = missingDescriptors(props);
    if (missing.length > 0) {
      report(`The API has no ${missing.join(" and no ")}.`);
    }
  },
});
