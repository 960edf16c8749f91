/**
 * Parses API Management policy documents with fast-xml-parser and checks them against the policy
 * reference table (`components/gateway/xml/reference.ts`): known elements only, known attributes
 * only, required attributes present, children and sections allowed.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { PolicySection, policyReference } from "../../components/gateway/xml/reference";

/** A parsed element. */
export interface PolicyNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly PolicyNode[];
  /** Concatenated text content (entities decoded). */
  readonly text: string;
}

type Raw = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  preserveOrder: true,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

function convert(raw: Raw): PolicyNode | undefined {
  const name = Object.keys(raw).find((k) => k !== ":@" && k !== "#text");
  if (!name) {
    return undefined;
  }
  const body = (raw[name] as Raw[]) ?? [];
  const children: PolicyNode[] = [];
  let text = "";
  for (const child of body) {
    if (typeof child["#text"] === "string") {
      text += child["#text"];
    } else {
      const node = convert(child);
      if (node) {
        children.push(node);
      }
    }
  }
  return { name, attrs: (raw[":@"] as Record<string, string>) ?? {}, children, text: text.trim() };
}

/** Parses a document; throws when it is not well-formed XML or has not exactly one root. */
export function parsePolicy(xml: string): PolicyNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  }
  const roots = (parser.parse(xml) as Raw[]).map(convert).filter((n): n is PolicyNode => n !== undefined);
  if (roots.length !== 1) {
    throw new Error(`expected one root element, found ${roots.length}`);
  }
  return roots[0];
}

/** Every element of the tree, depth first. */
export function allNodes(root: PolicyNode): PolicyNode[] {
  return [root, ...root.children.flatMap(allNodes)];
}

/** Elements named `name` anywhere under `root`. */
export function find(root: PolicyNode, name: string): PolicyNode[] {
  return allNodes(root).filter((n) => n.name === name);
}

/** The child section `name` of a `<policies>` root. */
export function section(root: PolicyNode, name: PolicySection): PolicyNode {
  const s = root.children.find((c) => c.name === name);
  if (!s) {
    throw new Error(`no <${name}> section`);
  }
  return s;
}

/** Problems of a document against the reference: empty when it only uses what Learn defines. */
export function referenceProblems(root: PolicyNode): string[] {
  const problems: string[] = [];
  if (root.name !== "policies") {
    problems.push(`root is <${root.name}>, not <policies>`);
  }
  const visit = (node: PolicyNode, sectionName: PolicySection | undefined): void => {
    const ref = policyReference[node.name];
    if (!ref) {
      problems.push(`<${node.name}> is not in the policy reference`);
      return;
    }
    for (const attr of Object.keys(node.attrs)) {
      if (!ref.required.includes(attr) && !ref.optional.includes(attr)) {
        problems.push(`<${node.name}> has attribute '${attr}', which the reference does not define`);
      }
    }
    for (const attr of ref.required) {
      if (!(attr in node.attrs)) {
        problems.push(`<${node.name}> lacks required attribute '${attr}'`);
      }
    }
    if (ref.sections && sectionName && !ref.sections.includes(sectionName)) {
      problems.push(`<${node.name}> is not allowed in <${sectionName}>`);
    }
    if (ref.children === "text" && node.children.length > 0) {
      problems.push(`<${node.name}> holds elements; it takes text only`);
    }
    if (Array.isArray(ref.children)) {
      for (const c of node.children) {
        if (!(ref.children as readonly string[]).includes(c.name)) {
          problems.push(`<${c.name}> is not allowed inside <${node.name}>`);
        }
      }
    }
    const next = ["inbound", "backend", "outbound", "on-error"].includes(node.name)
      ? (node.name as PolicySection)
      : sectionName;
    node.children.forEach((c) => visit(c, next));
  };
  visit(root, undefined);
  // Attribute-level rules the table cannot express.
  for (const n of find(root, "set-backend-service")) {
    if (!("backend-id" in n.attrs) && !("base-url" in n.attrs)) {
      problems.push("<set-backend-service> needs backend-id or base-url");
    }
  }
  for (const n of find(root, "llm-token-limit")) {
    const quota = "token-quota" in n.attrs;
    if (quota !== "token-quota-period" in n.attrs) {
      problems.push("<llm-token-limit>: token-quota and token-quota-period go together");
    }
    if (!("tokens-per-minute" in n.attrs) && !quota) {
      problems.push("<llm-token-limit> needs tokens-per-minute or token-quota");
    }
  }
  return problems;
}

/** The `<base />` rule of the policy pack: first in inbound, outbound and on-error; backend keeps it or forwards itself. */
export function baseProblems(root: PolicyNode): string[] {
  const problems: string[] = [];
  for (const name of ["inbound", "outbound", "on-error"] as const) {
    if (!section(root, name).children.some((c) => c.name === "base")) {
      problems.push(`<${name}> lacks <base />`);
    }
  }
  const backend = section(root, "backend");
  if (!backend.children.some((c) => c.name === "base") && find(backend, "forward-request").length === 0) {
    problems.push("<backend> neither keeps <base /> nor forwards the request");
  }
  return problems;
}
