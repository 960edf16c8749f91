import { ApimGraph, apimGraphTypes } from "../../lib/apim-graph";
import { PolicyDocument, XmlElement, descendants, inSection, tokenLimits } from "../../lib/apim-xml";
import { stackRule } from "../../lib/stack-rule";

/** A token limit with a quota over a period (`token-quota` and `token-quota-period`). */
export function hasTokenQuota(doc: PolicyDocument): boolean {
  return tokenLimits(doc).some((el) => el.attributes["token-quota"] && el.attributes["token-quota-period"]);
}

function mentionsModel(when: XmlElement): boolean {
  const condition = (when.attributes.condition ?? "").toLowerCase();
  return condition.includes("model") || condition.includes("deployment");
}

function returns403(el: XmlElement): boolean {
  return descendants(el, "return-response").some((r) =>
    descendants(r, "set-status").some((s) => s.attributes.code === "403"),
  );
}

/**
 * A model allow-list: an inbound `<choose>` with a `<when>` whose condition tests the requested
 * model or deployment, answering 403 (`return-response` with `set-status code="403"`) to the rest.
 */
export function hasModelAllowList(doc: PolicyDocument): boolean {
  return inSection(doc, "inbound", "choose").some(
    (choose) => choose.children.some((c) => c.name === "when" && mentionsModel(c)) && returns403(choose),
  );
}

/** A team (product) that reaches AI models is held to its models and its token quota. */
export const apimProductAiLimits = stackRule({
  name: "apim-product-ai-limits",
  description:
    "Every API Management product that contains an API fronting AI models must restrict its team to an allow-list of models and carry a token quota, in the product's own policy. Otherwise a team can call any model the gateway serves, including the most expensive ones, without a ceiling on its monthly spend.",
  severity: "high",
  remediationSteps:
    'In the product\'s policy (inbound), add `<llm-token-limit counter-key="@(context.Subscription.Id)" token-quota="..." token-quota-period="Monthly" estimate-prompt-tokens="true" />` and a model allow-list: `<choose><when condition="@(!new[] {&quot;gpt-4.1-mini&quot;}.Contains((string)context.Request.MatchedParameters[&quot;deployment-id&quot;]))"><return-response><set-status code="403" reason="Forbidden" />...</return-response></when></choose>`. The rule recognises an allow-list as an inbound `<choose>` whose `<when>` condition names the model or deployment and that returns 403. AiGateway generates both from each team\'s `allowedModels` and `monthlyTokenQuota`.',
  references: { waf: "Cost Optimization" },
  resourceTypes: apimGraphTypes,
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    for (const product of graph.products.all) {
      const aiApis = graph.apisOf(product).filter((api) => graph.frontsAiReason(api) !== undefined);
      if (aiApis.length === 0) {
        continue;
      }
      const docs = graph.policiesOfProduct(product).map((p) => p.doc);
      const missing: string[] = [];
      if (!docs.some(hasModelAllowList)) {
        missing.push("a model allow-list (an inbound <choose> on the model or deployment that returns 403)");
      }
      if (!docs.some(hasTokenQuota)) {
        missing.push("a token quota (<llm-token-limit> with token-quota and token-quota-period)");
      }
      if (missing.length > 0) {
        const apis = aiApis.map((a) => `'${graph.apiLabel(a)}'`).join(", ");
        const where = docs.length === 0 ? "it has no policy" : "its policy lacks";
        report(
          `Product '${graph.productLabel(product)}' contains AI API ${apis} but ${where}${docs.length === 0 ? ", so it lacks " : " "}${missing.join(" and ")}.`,
          product.urn,
        );
      }
    }
  },
});
