/**
 * The policy step of the plan's path: configure the pack for the environment, then Analyze each
 * resource and AnalyzeStack over all of them, as `pulumi preview --policy-pack` does.
 */
import { EnforcementLevel, PlannedResource, Violation, isBlocking } from "../model";
import { AnalyzerClient, AnalyzerInfo, PolicyConfigEntry, PolicyInfo } from "./client";
import { PackProcess } from "./pack-process";
import { readPolicyConfigFile, resolvePolicyConfig } from "./policy-config";

export interface PolicyRun {
  readonly pack: { readonly name: string; readonly version: string; readonly policies: number };
  /** What the pack says about each of its rules (for reports that describe them, such as SARIF). */
  readonly rules: readonly PolicyInfo[];
  readonly violations: Violation[];
  /** The config each policy ran with (level and properties, schema defaults filled in). */
  readonly config: Readonly<Record<string, PolicyConfigEntry>>;
  /** The level each policy of the pack ran at, by policy name. */
  readonly levels: Record<string, EnforcementLevel>;
}

/**
 * Pins the day every date-aware policy judges on: each policy whose schema takes `asOf` gets it,
 * unless the config file sets one. The program and the pack then judge lifecycle on the same day.
 */
export function withAsOf(
  config: Record<string, PolicyConfigEntry>,
  info: AnalyzerInfo,
  asOf: string | undefined,
): Record<string, PolicyConfigEntry> {
  if (asOf === undefined) {
    return config;
  }
  const out: Record<string, PolicyConfigEntry> = { ...config };
  for (const p of info.policies) {
    const entry = out[p.name];
    if (
      entry &&
      p.configSchema?.properties &&
      "asOf" in p.configSchema.properties &&
      entry.properties.asOf === undefined
    ) {
      out[p.name] = { ...entry, properties: { ...entry.properties, asOf } };
    }
  }
  return out;
}

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, "": 4 };

/** Violations in report order: blocking first, then by severity, policy, resource and message. */
export function sortViolations(violations: readonly Violation[]): Violation[] {
  return [...violations].sort(
    (a, b) =>
      Number(isBlocking(b)) - Number(isBlocking(a)) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.policy.localeCompare(b.policy) ||
      a.urn.localeCompare(b.urn) ||
      a.message.localeCompare(b.message),
  );
}

/** Removes repeats (a resource rule can fire in Analyze and a stack rule on the same finding). */
function unique(violations: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = JSON.stringify([v.policy, v.urn, v.message, v.enforcementLevel]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

export async function runPolicies(
  pack: PackProcess,
  resources: readonly PlannedResource[],
  opts: { stack: string; project: string; policyConfigFile?: string; asOf?: string },
): Promise<PolicyRun> {
  const client = new AnalyzerClient(pack.address);
  try {
    const info: AnalyzerInfo = await client.getAnalyzerInfo();
    const config = withAsOf(
      opts.policyConfigFile
        ? resolvePolicyConfig(readPolicyConfigFile(opts.policyConfigFile), info, opts.policyConfigFile)
        : resolvePolicyConfig({}, info, "(pack defaults)"),
      info,
      opts.asOf,
    );
    await client.configureStack(opts.stack, opts.project, true);
    await client.configure(config);
    const [each, stack] = await Promise.all([client.analyzeEach(resources), client.analyzeStack(resources)]);
    return {
      pack: { name: info.name, version: info.version, policies: info.policies.length },
      rules: info.policies,
      violations: sortViolations(unique([...each, ...stack])),
      config,
      levels: Object.fromEntries(Object.entries(config).map(([name, c]) => [name, c.enforcementLevel])),
    };
  } finally {
    client.close();
  }
}
