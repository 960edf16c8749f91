import { field, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** AI accounts have a custom subdomain, which Entra ID authentication and private endpoints need. */
export const aiAccountCustomSubdomain = resourceRule({
  name: "ai-account-custom-subdomain",
  description:
    "AI Services and Azure OpenAI accounts must set a custom subdomain (`https://<subdomain>.cognitiveservices.azure.com`). Entra ID token authentication and private endpoints require it, and once set it cannot be changed.",
  severity: "medium",
  remediationSteps:
    "Set `properties.customSubDomainName` to a globally unique DNS label when creating the account (FoundryAccount uses the account name). Choose it carefully: it cannot be changed once set.",
  references: { waf: "Security" },
  resourceTypes: [types.aiAccount],
  validate: (props, _args, report) => {
    const subdomain = text(field(props.properties, "customSubDomainName"))?.trim();
    if (!subdomain) {
      report(
        "customSubDomainName is not set: the account gets a shared regional endpoint, so Entra ID tokens and private endpoints cannot be used. Set a globally unique DNS label.",
      );
    }
  },
});
