import { ApimGraph, apimGraphTypes, outsideProductChain } from "../../lib/apim-graph";
import { inSection } from "../../lib/apim-xml";
import { stackRule } from "../../lib/stack-rule";
import { asBoolean } from "../../lib/values";

/** Policies that authenticate the caller of an API. */
const callerChecks = ["validate-jwt", "validate-azure-ad-token", "validate-client-certificate"];

/** Nobody calls an API anonymously: a subscription key or a validated token on every path. */
export const apimApiCallerAuthenticated = stackRule({
  name: "apim-api-caller-authenticated",
  description:
    "API Management APIs that do not require a subscription key must authenticate their callers in policy (`validate-jwt`, `validate-azure-ad-token` or `validate-client-certificate` in inbound, in the API's own policy or the global policy). Otherwise anyone who finds the URL can call the API, and an AI API's quota and content go to anonymous callers.",
  severity: "high",
  remediationSteps:
    "Remove `subscriptionRequired: false` from the API (Azure's default is true), or add `<validate-azure-ad-token tenant-id=\"...\">` with the audiences and client applications allowed to the inbound section of the API's policy.",
  references: {
    azurePolicy: ["8ac833bd-f505-48d5-887e-c993a1d3eea0"],
    waf: "Security",
    note: "The built-in reads Defender for APIs' runtime assessment; this rule judges the same from the program: subscription keys or a token validation on every way in.",
  },
  resourceTypes: apimGraphTypes,
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    for (const api of graph.apis.all) {
      if (asBoolean(api.props.subscriptionRequired) !== false) {
        continue;
      }
      const validates = outsideProductChain(graph, api).some(
        (doc) => inSection(doc, "inbound", (n) => callerChecks.includes(n)).length > 0,
      );
      if (!validates) {
        report(
          `API '${graph.apiLabel(api)}' requires no subscription key and no policy on its way validates a token or client certificate: anyone can call it.`,
          api.urn,
        );
      }
    }
  },
});
