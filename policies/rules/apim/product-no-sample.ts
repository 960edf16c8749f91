import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asString } from "../../lib/values";

/** The sample products API Management creates on classic tiers. */
export const sampleProducts: readonly string[] = ["starter", "unlimited"];

/** The sample products are demos with open limits; a platform defines its own. */
export const apimProductNoSample = resourceRule({
  name: "apim-product-no-sample",
  description:
    "API Management must not keep the `starter` or `unlimited` sample products. They come with demo limits (or none) and grant any developer-portal user access to every API added to them.",
  severity: "medium",
  remediationSteps:
    "Delete the `starter` and `unlimited` products and publish APIs through products of your own, one per team, with a subscription and token limits. API Management creates these samples by itself on classic tiers; this rule sees them only once they are in the stack (declared or `pulumi import`ed).",
  references: { psrule: ["Azure.APIM.SampleProducts"], waf: "Operational Excellence" },
  resourceTypes: [types.apimProduct],
  validate: (props, _args, report) => {
    const ids = [asString(props.productId) ?? asString(props.name), asString(props.displayName)];
    const sample = ids.find((id) => id !== undefined && sampleProducts.includes(id.toLowerCase()));
    if (sample !== undefined) {
      report(`'${sample}' is an API Management sample product.`);
    }
  },
});
