/**
 * Policy pack config in the format of `pulumi preview --policy-pack-config <file>`:
 * `{ "<policy>": "<level>" | { "enforcementLevel": "<level>", ...properties }, "all": "<level>" }`.
 * Checked against the schemas the pack declares (as the Pulumi CLI does), with schema defaults filled in.
 */
import Ajv from "ajv";
import { InputError } from "../errors";
import { EnforcementLevel } from "../model";
import { AnalyzerInfo, PolicyConfigEntry } from "./client";

export { readPolicyConfigFile } from "./policy-config-file";

const levels: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function isLevel(v: unknown): v is EnforcementLevel {
  return typeof v === "string" && (levels as readonly string[]).includes(v);
}

/**
 * The config Configure sends for every policy of the pack: the file's level (or `all`, or the
 * policy's own default) and its properties with schema defaults applied. Every problem is reported
 * at once.
 */
export function resolvePolicyConfig(
  doc: Readonly<Record<string, unknown>>,
  info: AnalyzerInfo,
  file: string,
): Record<string, PolicyConfigEntry> {
  const problems: string[] = [];
  const known = new Map(info.policies.map((p) => [p.name, p]));
  let all: EnforcementLevel | undefined;
  if ("all" in doc) {
    if (isLevel(doc.all)) {
      all = doc.all;
    } else {
      problems.push(`${file}: all = ${JSON.stringify(doc.all)}: allowed: ${levels.join(" | ")}`);
    }
  }
  for (const name of Object.keys(doc)) {
    if (name !== "all" && !known.has(name)) {
      problems.push(
        `${file}: ${name}: no such policy in pack '${info.name}'; known: ${[...known.keys()].sort().join(", ")}`,
      );
    }
  }
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
  const resolved: Record<string, PolicyConfigEntry> = {};
  for (const policy of info.policies) {
    const raw = doc[policy.name];
    let level: EnforcementLevel = all ?? policy.enforcementLevel;
    let properties: Record<string, unknown> = {};
    if (isLevel(raw)) {
      level = raw;
    } else if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
      const { enforcementLevel, ...rest } = raw as Record<string, unknown>;
      if (enforcementLevel !== undefined) {
        if (isLevel(enforcementLevel)) {
          level = enforcementLevel;
        } else {
          problems.push(
            `${file}: ${policy.name}.enforcementLevel = ${JSON.stringify(enforcementLevel)}: allowed: ${levels.join(" | ")}`,
          );
        }
      }
      properties = rest;
    } else if (raw !== undefined) {
      problems.push(
        `${file}: ${policy.name} = ${JSON.stringify(raw)}: expected an enforcement level (${levels.join(" | ")}) or an object`,
      );
    }
    if (policy.configSchema) {
      const validate = ajv.compile({
        type: "object",
        properties: policy.configSchema.properties,
        required: policy.configSchema.required ?? [],
        additionalProperties: false,
      });
      if (!validate(properties)) {
        for (const e of validate.errors ?? []) {
          const at = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
          const extra =
            e.keyword === "additionalProperties"
              ? `${(e.params as { additionalProperty: string }).additionalProperty}: unknown property; known: ${Object.keys(policy.configSchema.properties).sort().join(", ")}`
              : `${at}: ${e.message ?? "invalid"}`;
          problems.push(`${file}: ${policy.name}.${extra.replace(/^: /, "")}`);
        }
      }
    } else if (Object.keys(properties).length > 0) {
      problems.push(`${file}: ${policy.name}: this policy takes no properties, only enforcementLevel`);
    }
    resolved[policy.name] = { enforcementLevel: level, properties };
  }
  if (problems.length > 0) {
    throw new InputError(problems.join("\n"));
  }
  return resolved;
}
