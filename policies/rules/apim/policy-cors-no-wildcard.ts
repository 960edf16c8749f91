import { XmlElement, anywhere, policyDocumentOf } from "../../lib/apim-xml";
import { resourceRule } from "../../lib/rule";
import { apimPolicyTypes } from "../../lib/types";

/** The `cors` settings PSRule's Azure.APIM.CORSPolicy refuses `*` in: list element → item element. */
const lists: readonly [list: string, item: string][] = [
  ["allowed-origins", "origin"],
  ["allowed-methods", "method"],
  ["allowed-headers", "header"],
  ["expose-headers", "header"],
];

function wildcards(cors: XmlElement): string[] {
  const found: string[] = [];
  for (const [list, item] of lists) {
    for (const l of cors.children.filter((c) => c.name === list)) {
      if (l.children.some((c) => c.name === item && c.text.trim() === "*")) {
        found.push(`<${list}> allows *`);
      }
    }
  }
  return found;
}

/** Browsers may call the gateway only from the sites that need it. */
export const apimPolicyCorsNoWildcard = resourceRule({
  name: "apim-policy-cors-no-wildcard",
  description:
    "API Management `cors` policies, at any scope, must not use the wildcard `*` for allowed origins, methods, or allowed or exposed headers. A wildcard lets any web page call the AI APIs from a visitor's browser, with whatever credentials the browser holds.",
  severity: "medium",
  remediationSteps:
    "List the origins (`<origin>https://app.contoso.com</origin>`), methods and headers that the browser clients need in the `cors` policy instead of `*`.",
  references: { psrule: ["Azure.APIM.CORSPolicy"], waf: "Security" },
  resourceTypes: apimPolicyTypes,
  validate: (props, _args, report) => {
    const problems = anywhere(policyDocumentOf(props), "cors").flatMap(wildcards);
    if (problems.length > 0) {
      report(`The cors policy is open to everything: ${problems.join("; ")}.`);
    }
  },
});
