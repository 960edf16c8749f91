/**
 * C# policy expressions (https://learn.microsoft.com/azure/api-management/api-management-policy-expressions)
 * built from typed values. Literal strings are quoted and escaped as C# string literals here; XML
 * escaping happens later, when the document is rendered.
 */

/** A C# string literal for `value` (`"..."` with `\`, `"` and control characters escaped). */
export function csString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === "\\") {
      out += "\\\\";
    } else if (ch === '"') {
      out += '\\"';
    } else if (ch === "\n") {
      out += "\\n";
    } else if (ch === "\r") {
      out += "\\r";
    } else if (ch === "\t") {
      out += "\\t";
    } else if (code < 0x20 || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

/** A single-statement policy expression: `@(code)`. */
export function expr(code: string): string {
  return `@(${code})`;
}

/** A multi-statement policy expression: `@{ code }` (the code ends with a `return`). */
export function block(code: string): string {
  return `@{ ${code} }`;
}

/** Reads a context variable as a string (`(string)context.Variables["name"]`). */
export function variable(name: string): string {
  return `(string)context.Variables[${csString(name)}]`;
}

/** A C# `new JArray(...)` of string literals. */
export function jsonStringArray(values: readonly string[]): string {
  return `new JArray(${values.map(csString).join(", ")})`;
}

/** A C# `new [] { ... }` string array literal. */
export function csStringArray(values: readonly string[]): string {
  return values.length === 0 ? "new string[0]" : `new [] { ${values.map(csString).join(", ")} }`;
}

/**
 * The model a request asks for: the `deployment-id` path parameter of the Azure OpenAI style
 * routes (`/deployments/{deployment-id}/...`), else the `model` field of the JSON body (the
 * OpenAI v1 style routes). Empty when neither is present.
 */
export const requestedModelCode =
  'context.Request.MatchedParameters.ContainsKey("deployment-id") ? ' +
  'context.Request.MatchedParameters["deployment-id"] : ' +
  '((string)(context.Request.Body?.As<JObject>(preserveContent: true)?["model"]) ?? "")';

/**
 * A JSON error document in the OpenAI error shape, `{"error": {"code", "message", ...}}`, built
 * with `JObject` so that request values in the message are escaped as JSON by the gateway.
 *
 * @param code error code, a literal
 * @param messageCode C# code of a string expression for the message
 * @param extra extra properties of the error object as C# `JToken` code, by name
 */
export function jsonErrorBodyCode(
  code: string,
  messageCode: string,
  extra: Readonly<Record<string, string>> = {},
): string {
  const props = [
    `new JProperty("code", ${csString(code)})`,
    `new JProperty("message", ${messageCode})`,
    ...Object.entries(extra).map(([k, v]) => `new JProperty(${csString(k)}, ${v})`),
  ];
  return `new JObject(new JProperty("error", new JObject(${props.join(", ")}))).ToString()`;
}
