import { shown, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** Gateway backends are called over https. */
export const apimBackendHttpsUrl = resourceRule({
  name: "apim-backend-https-url",
  description:
    "API Management backends must use an https URL, so traffic from the gateway to the AI service (prompts, completions, tokens) is encrypted. Pool backends have no URL of their own and are judged through their members.",
  severity: "high",
  remediationSteps:
    "Set the backend's `url` to the service's https endpoint (for a Foundry account, `https://<subdomain>.openai.azure.com/openai` or `https://<subdomain>.cognitiveservices.azure.com/`).",
  references: { psrule: ["Azure.APIM.HTTPBackend"], mcsb: ["DP-3"], waf: "Security" },
  resourceTypes: [types.apimBackend],
  validate: (props, _args, report) => {
    const url = text(props.url);
    if (url !== undefined && !/^https:\/\//i.test(url.trim())) {
      report(`url ${shown(url)} is not https: the gateway would send requests to the backend unencrypted.`);
    }
  },
});
