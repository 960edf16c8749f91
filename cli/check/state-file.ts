/**
 * Reads the resources of an existing stack for `check`: a `pulumi stack export` document
 * (version 3) or the JSON of `plan --json`. Secrets in state (`ciphertext` or `plaintext`) are never
 * read; each becomes a secret placeholder.
 */
import * as fs from "node:fs";
import { InputError } from "../errors";
import { PlannedResource, WireProperties, WireValue } from "../model";
import { shortName } from "../report/report";
import { isSecretValue, secretOf, secretText } from "../wire";

export interface ImportedStack {
  readonly stack: string;
  /** The Pulumi project of the resources (from their URNs); empty when there are none. */
  readonly project: string;
  readonly resources: PlannedResource[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** State secrets (`{sig, ciphertext}` or `{sig, plaintext}`) become `{sig, value: "[secret]"}`. */
function scrubSecrets(v: WireValue): WireValue {
  if (isSecretValue(v)) {
    return secretOf(secretText);
  }
  if (Array.isArray(v)) {
    return v.map(scrubSecrets);
  }
  if (typeof v === "object" && v !== null) {
    const out: { [key: string]: WireValue } = {};
    for (const [k, value] of Object.entries(v)) {
      out[k] = scrubSecrets(value as WireValue);
    }
    return out;
  }
  // A redacted plan prints secrets as "[secret]"; read them back as secrets.
  return v === secretText ? secretOf(secretText) : v;
}

function props(v: unknown): WireProperties {
  return isObject(v) ? (scrubSecrets(v as WireProperties) as WireProperties) : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Part `i` of a URN `urn:pulumi:<stack>::<project>::...` (0 the stack, 1 the project), or "". */
function urnPart(urn: string, i: 0 | 1): string {
  return urn.startsWith("urn:pulumi:") ? (urn.slice("urn:pulumi:".length).split("::")[i] ?? "") : "";
}

function projectOf(resources: readonly PlannedResource[]): string {
  return resources.map((r) => urnPart(r.urn, 1)).find((p) => p) ?? "";
}

function propertyDeps(v: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (isObject(v)) {
    for (const [k, urns] of Object.entries(v)) {
      out[k] = strings(urns);
    }
  }
  return out;
}

function fromExport(doc: Json, file: string): ImportedStack {
  const deployment = doc.deployment;
  if (!isObject(deployment) || !(Array.isArray(deployment.resources) || deployment.resources === undefined)) {
    throw new InputError(`${file}: a stack export must have 'deployment.resources' (a list)`);
  }
  const list = (deployment.resources as unknown[] | undefined) ?? [];
  const resources = list.map((raw, i): PlannedResource => {
    if (!isObject(raw) || typeof raw.urn !== "string" || typeof raw.type !== "string") {
      throw new InputError(`${file}: deployment.resources[${i}] must have a string 'urn' and 'type'`);
    }
    const inputs = props(raw.inputs);
    return {
      urn: raw.urn,
      type: raw.type,
      name: shortName(raw.urn),
      custom: raw.custom !== false,
      parent: typeof raw.parent === "string" && raw.parent ? raw.parent : undefined,
      inputs,
      outputs: isObject(raw.outputs) ? props(raw.outputs) : inputs,
      options: {
        protect: raw.protect === true,
        retainOnDelete: raw.retainOnDelete === true,
        dependsOn: strings(raw.dependencies),
        ...(typeof raw.provider === "string" && raw.provider ? { provider: raw.provider } : {}),
      },
      propertyDependencies: propertyDeps(raw.propertyDependencies),
    };
  });
  const stack = resources.map((r) => urnPart(r.urn, 0)).find((s) => s) ?? "unknown";
  return { stack, project: projectOf(resources), resources };
}

function fromPlan(doc: Json, file: string): ImportedStack {
  const list = doc.resources as unknown[];
  const resources = list.map((raw, i): PlannedResource => {
    if (!isObject(raw) || typeof raw.urn !== "string" || typeof raw.type !== "string") {
      throw new InputError(`${file}: resources[${i}] must have a string 'urn' and 'type'`);
    }
    const options = isObject(raw.options) ? raw.options : {};
    const inputs = props(raw.inputs);
    return {
      urn: raw.urn,
      type: raw.type,
      name: typeof raw.name === "string" ? raw.name : shortName(raw.urn),
      custom: raw.custom !== false,
      parent: typeof raw.parent === "string" && raw.parent ? raw.parent : undefined,
      inputs,
      outputs: isObject(raw.outputs) ? props(raw.outputs) : inputs,
      options: {
        protect: options.protect === true,
        retainOnDelete: options.retainOnDelete === true,
        dependsOn: strings(options.dependsOn),
        ...(typeof options.provider === "string" && options.provider ? { provider: options.provider } : {}),
      },
      propertyDependencies: propertyDeps(raw.propertyDependencies),
    };
  });
  return { stack: String(doc.stack), project: projectOf(resources), resources };
}

/** Parses a stack export or a plan document; anything else is bad input. */
export function parseState(text: string, file: string): ImportedStack {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) {
    throw new InputError(
      `${file}: expected a JSON object (a 'pulumi stack export' document or 'plan --json' output)`,
    );
  }
  if ("deployment" in doc) {
    if (doc.version !== 3) {
      throw new InputError(
        `${file}: stack export version ${JSON.stringify(doc.version)} is not supported; export with a current Pulumi CLI (version 3)`,
      );
    }
    return fromExport(doc, file);
  }
  if (Array.isArray(doc.resources) && typeof doc.stack === "string") {
    return fromPlan(doc, file);
  }
  throw new InputError(
    `${file}: not a 'pulumi stack export' document (version 3, with 'deployment.resources') nor 'plan --json' output (with 'stack' and 'resources')`,
  );
}

export function readState(file: string): ImportedStack {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`${file}: cannot read the state file`);
  }
  return parseState(text, file);
}
