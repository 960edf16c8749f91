import { ApimGraph, apimGraphTypes, outsideProductChain, refusesOutsideProducts } from "../../lib/apim-graph";
import { tokenLimits } from "../../lib/apim-xml";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";
import { hasModelAllowList, hasTokenQuota } from "./product-ai-limits";

/** Every caller comes in through a product, where its team's limits apply. */
export const apimSubscriptionScope = stackRule({
  name: "apim-subscription-scope",
  description:
    "API Management subscriptions must be scoped to a product. A subscription scoped to all APIs is a master key to every API of the service; one scoped to a single API that fronts AI models bypasses the product policies (the team's model allow-list, token limit and quota) unless the API's own or the global policy enforces them or refuses requests outside a product.",
  severity: "high",
  remediationSteps:
    "Scope each subscription to its team's product (`scope: /products/<productId>`; AiGateway creates one per team) and delete subscriptions scoped to `/apis` or `/apis/<apiId>`. If an API must take API-scoped keys, put the model allow-list and an `llm-token-limit` with `token-quota` in the API's own policy. Suspended, cancelled, expired and rejected subscriptions cannot call and are not judged.",
  references: {
    azurePolicy: ["3aa03346-d8c5-4994-a5bc-7652c2a2aef1"],
    waf: "Security",
    note: "Also refuses a subscription scoped to one AI API whose limits live only in product policies; a subscription without `state` counts as active.",
  },
  resourceTypes: apimGraphTypes,
  triggerType: types.apimSubscription,
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    for (const sub of graph.subscriptions) {
      const scope = graph.scopeOf(sub);
      const name = graph.subscriptionLabel(sub);
      if (scope.kind === "all-apis") {
        report(
          `Subscription '${name}' is scoped to all APIs: its key calls every API of the service, outside any product and its limits.`,
          sub.urn,
        );
        continue;
      }
      if (scope.kind !== "api") {
        continue;
      }
      for (const api of scope.apis) {
        const why = graph.frontsAiReason(api);
        if (!why) {
          continue;
        }
        const chain = outsideProductChain(graph, api);
        if (chain.some(refusesOutsideProducts)) {
          continue; // the API answers requests outside a product with an error
        }
        const missing = [
          ...(chain.some(hasModelAllowList) ? [] : ["a model allow-list"]),
          ...(chain.some((d) => tokenLimits(d).length > 0) && chain.some(hasTokenQuota)
            ? []
            : ["a token limit with a quota"]),
        ];
        if (missing.length > 0) {
          report(
            `Subscription '${name}' is scoped to API '${graph.apiLabel(api)}', which fronts an AI backend (${why}): it bypasses the product policies, and neither the API's nor the global policy has ${missing.join(" or ")}.`,
            sub.urn,
          );
        }
      }
    }
  },
});
