/**
 * Reads a stack config file (`Pulumi.<stack>.yaml` format) into the map Pulumi hands a program:
 * `namespace:key` → string, with objects and lists as JSON text. Encrypted values
 * (`secure: v1:...`, written by `pulumi config set --secret`) cannot be decrypted offline: each is
 * replaced by a placeholder and its top-level key is marked secret, as the engine would mark it.
 */
import * as fs from "node:fs";
import YAML from "yaml";
import { InputError } from "../errors";
import { secretText } from "../wire";

export interface StackConfigFile {
  /** Path the config was read from, for messages. */
  readonly path: string;
  /** Config values as Pulumi passes them to a program. */
  readonly values: Record<string, string>;
  /** Keys (`namespace:key`) whose value is, or contains, a secret. */
  readonly secretKeys: string[];
}

/** The value substituted for an encrypted config value that cannot be decrypted here. */
export const secretPlaceholder = secretText;

function isSecure(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { secure?: unknown }).secure === "string"
  );
}

/** Replaces every `{ secure: ... }` in a value; reports whether it found one. */
function replaceSecure(value: unknown): { value: unknown; secret: boolean } {
  if (isSecure(value)) {
    return { value: secretPlaceholder, secret: true };
  }
  if (Array.isArray(value)) {
    let secret = false;
    const items = value.map((item) => {
      const r = replaceSecure(item);
      secret ||= r.secret;
      return r.value;
    });
    return { value: items, secret };
  }
  if (typeof value === "object" && value !== null) {
    let secret = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = replaceSecure(v);
      secret ||= r.secret;
      out[k] = r.value;
    }
    return { value: out, secret };
  }
  return { value, secret: false };
}

/**
 * Parses a stack config document. `project` namespaces keys written without one; `projectConfig`
 * (`namespace:key` → value, from `Pulumi.yaml`) holds the values every stack starts from, which the
 * stack's own file overrides.
 */
export function parseStackConfig(
  text: string,
  path: string,
  project: string,
  projectConfig: Readonly<Record<string, unknown>> = {},
): StackConfigFile {
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const where = first.linePos ? `:${first.linePos[0].line}:${first.linePos[0].col}` : "";
    throw new InputError(`${path}${where}: not valid YAML: ${first.message.split("\n")[0]}`);
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) {
    throw new InputError(`${path}: the file is empty; expected a 'config:' map`);
  }
  if (typeof root !== "object" || Array.isArray(root)) {
    throw new InputError(`${path}: expected a map with a 'config:' key at the top`);
  }
  const config = (root as { config?: unknown }).config ?? {};
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new InputError(`${path}: 'config' must be a map of 'namespace:key: value'`);
  }
  const merged: Record<string, unknown> = { ...projectConfig };
  for (const [rawKey, rawValue] of Object.entries(config)) {
    merged[rawKey.includes(":") ? rawKey : `${project}:${rawKey}`] = rawValue;
  }
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, rawValue] of Object.entries(merged)) {
    const { value, secret } = replaceSecure(rawValue);
    if (secret) {
      secretKeys.push(key);
    }
    values[key] =
      typeof value === "object" && value !== null
        ? JSON.stringify(value)
        : value === null
          ? ""
          : String(value);
  }
  return { path, values, secretKeys };
}

/** Reads and parses a stack config file. */
export function readStackConfig(
  path: string,
  project: string,
  projectConfig: Readonly<Record<string, unknown>> = {},
): StackConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch {
    throw new InputError(`${path}: cannot read the stack config file`);
  }
  return parseStackConfig(text, path, project, projectConfig);
}
