/**
 * API Management policy documents, parsed with fast-xml-parser (never with regular expressions).
 *
 * APIM accepts two inline formats: `xml` (policy expressions XML-escaped) and `rawxml` (expressions
 * such as `@(context.Request.Headers.GetValueOrDefault("x", ""))` written as is, with quotes and
 * `<`/`>` inside attribute values). A document that is not well-formed XML as given is retried with
 * its `@(...)` / `@{...}` expressions escaped, so both formats parse. `xml-link` and `rawxml-link`
 * give a URL: the pack never fetches it.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { asString } from "./values";

/** An element of a policy document. Comments are dropped; text is trimmed. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

export type PolicyDocument =
  | { readonly kind: "xml"; readonly root: XmlElement }
  | { readonly kind: "link"; readonly url: string }
  | { readonly kind: "malformed"; readonly error: string }
  | { readonly kind: "missing" };

/** The sections of a policy document, in execution order. */
export const policySections = ["inbound", "backend", "outbound", "on-error"] as const;
export type PolicySection = (typeof policySections)[number];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // Bodies may hold JSON, Liquid templates or XML of their own: keep them as text.
  stopNodes: ["*.set-body"],
});

type OrderedNode = Record<string, unknown>;

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) {
    return [];
  }
  const out: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) {
      continue;
    }
    const attrs = (node[":@"] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) {
      attributes[k] = typeof v === "string" ? v : String(v);
    }
    const raw = node[name];
    const children = toElements(raw);
    const text = Array.isArray(raw)
      ? (raw as OrderedNode[])
          .map((c) => ("#text" in c ? String(c["#text"]) : ""))
          .join("")
          .trim()
      : "";
    out.push({ name, attributes, children, text });
  }
  return out;
}

const entities: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Length of a C# literal prefix at `i`: `@`, `$`, `@$` or `$@` directly before a double quote. */
function literalPrefix(s: string, i: number): number {
  let j = i;
  while (j < s.length && j - i < 2 && (s[j] === "@" || s[j] === "$")) {
    j++;
  }
  return s[j] === '"' ? j - i : -1;
}

/** Index just past the C# string or char literal starting at `i` (a quote or a literal prefix). */
function skipLiteral(s: string, i: number): number {
  const prefix = Math.max(literalPrefix(s, i), 0);
  const verbatim = s.slice(i, i + prefix).includes("@");
  const quote = s[i + prefix];
  let j = i + prefix + 1;
  while (j < s.length) {
    if (!verbatim && s[j] === "\\") {
      j += 2;
      continue;
    }
    if (s[j] === quote) {
      if (verbatim && s[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return j;
}

/**
 * Escapes the policy expressions of a `rawxml` document (`@(...)` and `@{...}`) so that it is
 * well-formed XML: a scanner that balances brackets outside C# string and char literals.
 */
export function escapeExpressions(xml: string): string {
  let out = "";
  let i = 0;
  while (i < xml.length) {
    const open = xml[i + 1];
    if (xml[i] !== "@" || (open !== "(" && open !== "{")) {
      out += xml[i];
      i++;
      continue;
    }
    const close = open === "(" ? ")" : "}";
    let depth = 0;
    let j = i + 1;
    while (j < xml.length) {
      const c = xml[j];
      if (c === '"' || c === "'" || literalPrefix(xml, j) > 0) {
        j = skipLiteral(xml, j);
        continue;
      }
      if (c === open) {
        depth++;
      } else if (c === close && --depth === 0) {
        j++;
        break;
      }
      j++;
    }
    out += xml.slice(i, j).replace(/[<>&"']/g, (ch) => entities[ch]);
    i = j;
  }
  return out;
}

function parseWellFormed(xml: string): XmlElement | string {
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      return `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
    }
    const roots = toElements(parser.parse(xml));
    if (roots.length !== 1) {
      return `expected one root element, found ${roots.length}`;
    }
    return roots[0];
  } catch (err) {
    // The parser's own errors become a finding's text; a rule never throws them.
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * Parses an inline policy document. `rawxml` documents are tried with their expressions escaped
 * first, `xml` documents as given first; each falls back to the other reading.
 */
export function parsePolicyXml(xml: string, format = "xml"): PolicyDocument {
  const readings =
    format === "rawxml" ? [escapeExpressions, (x: string) => x] : [(x: string) => x, escapeExpressions];
  let parsed = parseWellFormed(readings[0](xml));
  if (typeof parsed === "string") {
    const retried = parseWellFormed(readings[1](xml));
    if (typeof retried === "string") {
      return { kind: "malformed", error: parsed };
    }
    parsed = retried;
  }
  if (parsed.name !== "policies") {
    return { kind: "malformed", error: `the root element is <${parsed.name}>, not <policies>` };
  }
  return { kind: "xml", root: parsed };
}

/** Parsed documents by format and text: several rules read the same policies in one run. */
const cache = new Map<string, PolicyDocument>();
const cacheLimit = 5000;

/**
 * The policy document of an APIM policy resource (`value`, `format`). Reading props may throw the
 * SDK's UnknownValueError during preview; nothing else is thrown.
 */
export function policyDocumentOf(props: Record<string, unknown>): PolicyDocument {
  const value = asString(props.value);
  const format = asString(props.format) ?? "xml";
  if (value === undefined || value.trim() === "") {
    return { kind: "missing" };
  }
  if (format.endsWith("-link")) {
    return { kind: "link", url: value };
  }
  const key = `${format}\n${value}`;
  let doc = cache.get(key);
  if (!doc) {
    if (cache.size >= cacheLimit) {
      cache.clear();
    }
    doc = parsePolicyXml(value, format);
    cache.set(key, doc);
  }
  return doc;
}

/** The section element (`inbound`, ...) of a parsed document, if present. */
export function sectionOf(root: XmlElement, section: PolicySection): XmlElement | undefined {
  return root.children.find((c) => c.name === section);
}

/** Every element named `name` below `el` (not `el` itself), in document order. */
export function descendants(el: XmlElement, name: string | ((n: string) => boolean)): XmlElement[] {
  const match = typeof name === "string" ? (n: string) => n === name : name;
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (match(c.name)) {
        out.push(c);
      }
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Elements named `name` anywhere in the document's `section`. */
export function inSection(
  doc: PolicyDocument,
  section: PolicySection,
  name: string | ((n: string) => boolean),
) {
  if (doc.kind !== "xml") {
    return [];
  }
  const el = sectionOf(doc.root, section);
  return el ? descendants(el, name) : [];
}

/** Elements named `name` anywhere in the document. */
export function anywhere(doc: PolicyDocument, name: string | ((n: string) => boolean)): XmlElement[] {
  return doc.kind === "xml" ? descendants(doc.root, name) : [];
}

/** The token-limit policies (`llm-token-limit`, and its older name `azure-openai-token-limit`). */
export const tokenLimitElements: readonly string[] = ["llm-token-limit", "azure-openai-token-limit"];

/** Token-limit elements in the inbound section, where they take effect. */
export function tokenLimits(doc: PolicyDocument): XmlElement[] {
  return inSection(doc, "inbound", (n) => tokenLimitElements.includes(n));
}
