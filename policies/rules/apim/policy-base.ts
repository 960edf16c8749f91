import { XmlElement, descendants, policyDocumentOf, policySections, sectionOf } from "../../lib/apim-xml";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** Problems of one policy document: sections that do not inherit the parent scope. */
export function baseProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const section of policySections) {
    const el = sectionOf(root, section);
    if (!el) {
      problems.push(`<${section}> is missing`);
      continue;
    }
    if (el.children.some((c) => c.name === "base")) {
      continue;
    }
    if (section === "backend" && descendants(el, "forward-request").length > 0) {
      continue; // it forwards the request itself, for example inside <retry>
    }
    problems.push(
      section === "backend"
        ? "<backend> has neither <base /> nor its own <forward-request>"
        : `<${section}> has no <base />`,
    );
  }
  return problems;
}

/** Product, API and operation policies inherit what the broader scopes enforce. */
export const apimPolicyBase = resourceRule({
  name: "apim-policy-base",
  description:
    "API Management product, API and operation policies must keep `<base />` in their inbound, outbound and on-error sections, and in the backend section unless that section forwards the request itself (`forward-request`, for example inside `retry`). A section without `<base />` silently drops the controls of the broader scopes, such as token limits, authentication and logging.",
  severity: "high",
  remediationSteps:
    "Put `<base />` as the first element of `<inbound>`, `<outbound>` and `<on-error>` (declare every section, even when it holds nothing else), and of `<backend>` unless it contains its own `<forward-request>`. The global (service-level) policy has no parent scope and is not judged. Policies given by link (`xml-link`, `rawxml-link`) are not fetched and not judged.",
  references: {
    psrule: ["Azure.APIM.PolicyBase"],
    azurePolicy: ["d5448c98-e503-4fdd-bcd2-784960c00d04"],
    waf: "Security",
    note: "A backend section may forward the request itself (`forward-request`, for example inside `retry`) instead of `<base />`.",
  },
  resourceTypes: [types.apimProductPolicy, types.apimApiPolicy, types.apimApiOperationPolicy],
  validate: (props, _args, report) => {
    const doc = policyDocumentOf(props);
    if (doc.kind === "malformed") {
      report(`The policy is not well-formed XML, so its inheritance cannot be checked: ${doc.error}.`);
      return;
    }
    if (doc.kind !== "xml") {
      return;
    }
    const problems = baseProblems(doc.root);
    if (problems.length > 0) {
      report(`The policy does not inherit its parent scope: ${problems.join("; ")}.`);
    }
  },
});
