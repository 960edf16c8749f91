import { ApimGraph, apimGraphTypes, coverage } from "../../lib/apim-graph";
import { tokenLimits } from "../../lib/apim-xml";
import { stackRule } from "../../lib/stack-rule";

/** Every API in front of an AI model is held to a token budget per caller. */
export const apimApiTokenLimit = stackRule({
  name: "apim-api-token-limit",
  description:
    "Every API Management API that fronts an AI model backend must enforce a token limit (`llm-token-limit` or `azure-openai-token-limit`) in its own policy, in the global policy, or in the policy of every product that contains it. Without one, a single caller can exhaust the model's quota for everyone and run up the bill.",
  severity: "high",
  remediationSteps:
    'Add `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="..." estimate-prompt-tokens="true" />` to the inbound section of the API\'s policy, or of every product (team) that contains the API (AiGateway does this per team). An API counts as fronting AI when its `serviceUrl` is an AI endpoint (`*.openai.azure.com`, `*.cognitiveservices.azure.com`, `*.services.ai.azure.com`, ...), when a policy that applies to it routes it with `set-backend-service` to such a backend or to a pool of them, or when its own policy uses `llm-*` policies. Policies given by link (`xml-link`) cannot be inspected offline: inline them.',
  references: { waf: "Cost Optimization" },
  resourceTypes: apimGraphTypes,
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    for (const api of graph.apis.all) {
      const why = graph.frontsAiReason(api);
      if (!why) {
        continue;
      }
      const { covered, gaps } = coverage(graph, api, (doc) => tokenLimits(doc).length > 0);
      if (!covered) {
        report(
          `API '${graph.apiLabel(api)}' fronts an AI backend (${why}) without an inbound <llm-token-limit> or <azure-openai-token-limit>: ${gaps.join("; ")}.`,
          api.urn,
        );
      }
    }
  },
});
