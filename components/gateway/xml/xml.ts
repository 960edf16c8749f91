/**
 * A minimal XML tree and renderer for API Management policy documents. Every attribute value and
 * text node is escaped here, so policy expressions (`@(...)`, which often contain `"`, `<`, `>`
 * and `&`) always end up as well-formed XML whatever they contain.
 */

/** An attribute value; `undefined` leaves the attribute out. */
export type XmlAttributeValue = string | number | boolean | undefined;

/** An element with attributes (kept in insertion order) and children. */
export interface XmlElement {
  readonly kind: "element";
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly XmlNode[];
}

/** A text node. */
export interface XmlText {
  readonly kind: "text";
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

const namePattern = /^[a-z][a-z0-9-]*$/;

/**
 * An element. Attributes whose value is `undefined` are left out; booleans render as `true` /
 * `false`; `undefined` or `false` children are skipped, so optional parts can be written inline.
 */
export function el(
  name: string,
  attributes: Readonly<Record<string, XmlAttributeValue>> = {},
  ...children: readonly (XmlNode | readonly XmlNode[] | undefined | false)[]
): XmlElement {
  if (!namePattern.test(name)) {
    throw new Error(`'${name}' is not a policy element name (lower-case letters, digits and '-')`);
  }
  const attrs: (readonly [string, string])[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (!namePattern.test(key)) {
      throw new Error(`'${key}' is not a policy attribute name (lower-case letters, digits and '-')`);
    }
    if (value !== undefined) {
      attrs.push([key, String(value)]);
    }
  }
  const flat: XmlNode[] = [];
  for (const child of children) {
    if (child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      flat.push(...(child as readonly XmlNode[]));
    } else {
      flat.push(child as XmlNode);
    }
  }
  return { kind: "element", name, attributes: attrs, children: flat };
}

/** A text node (escaped when rendered). */
export function text(value: string): XmlText {
  return { kind: "text", text: value };
}

/** Escapes a value for a double-quoted attribute; line breaks and tabs survive as character references. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/** Escapes a value for a text node. */
export function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** True when `value` holds a character XML 1.0 forbids anywhere in a document. */
export function hasForbiddenXmlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) {
      return true;
    }
  }
  return false;
}

function check(value: string, where: string): string {
  if (hasForbiddenXmlChar(value)) {
    throw new Error(`${where} holds a control character that XML cannot carry`);
  }
  return value;
}

function renderNode(node: XmlNode, depth: number, indent: string, out: string[]): void {
  const pad = indent.repeat(depth);
  if (node.kind === "text") {
    out.push(`${pad}${escapeText(check(node.text, "a text node"))}`);
    return;
  }
  const attrs = node.attributes
    .map(([k, v]) => ` ${k}="${escapeAttribute(check(v, `attribute ${node.name}/@${k}`))}"`)
    .join("");
  if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attrs} />`);
    return;
  }
  // A single text child stays on the element's line, so the text carries no added whitespace.
  if (node.children.length === 1 && node.children[0].kind === "text") {
    const body = escapeText(check(node.children[0].text, `the text of <${node.name}>`));
    out.push(`${pad}<${node.name}${attrs}>${body}</${node.name}>`);
    return;
  }
  out.push(`${pad}<${node.name}${attrs}>`);
  for (const child of node.children) {
    renderNode(child, depth + 1, indent, out);
  }
  out.push(`${pad}</${node.name}>`);
}

/** Renders an element tree as an indented XML document (no declaration, as API Management stores policies). */
export function renderXml(root: XmlElement, indent = "    "): string {
  const out: string[] = [];
  renderNode(root, 0, indent, out);
  return `${out.join("\n")}\n`;
}
