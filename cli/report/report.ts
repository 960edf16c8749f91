/** The result of a plan or a check, as every output format sees it. */
import type { CostEstimate } from "../../components/cost/estimate";
import type { ConfigWarning } from "../../stacks/config/warnings";
import type { PolicyInfo } from "../analyzer/client";
import {
  EnforcementLevel,
  EngineError,
  PlannedResource,
  Violation,
  isAcknowledged,
  isBlocking,
} from "../model";
import type { PlanDiff } from "./diff";
import type { LifecycleSection } from "./lifecycle";

export interface Report {
  /** `plan` or `check`. */
  readonly command: "plan" | "check";
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  readonly violations: readonly Violation[];
  readonly errors: readonly EngineError[];
  readonly pack: { readonly name: string; readonly version: string; readonly policies: number };
  /** Model lifecycle: what retired or retires within the window, with successors. */
  readonly lifecycle: LifecycleSection;
  readonly policyConfig: PolicyConfigUsed;
  /** The pack's rules as it describes them. */
  readonly rules: readonly PolicyInfo[];
  /** The stack config file the resources come from (or the state file), when known. */
  readonly sourceFile?: string;
  /** The monthly cost estimate of the resources. */
  readonly cost: CostEstimate;
  /** The changes against a base plan document (`--compare`). */
  readonly diff?: PlanDiff;
  /**
   * Config keys that cannot take effect (a disabled block with content, a key only another
   * environment uses, ...), each with why and how to turn it on. Never blocking.
   * @default - none (a `check` of an exported stack has no config to judge)
   */
  readonly configWarnings?: readonly ConfigWarning[];
}

/** The policy config a report was judged with, and the level each policy ran at. */
export interface PolicyConfigUsed {
  /**
   * The config file as the user sees it.
   * @default - none: the pack's defaults applied
   */
  readonly file?: string;
  /** How the file was chosen, or why none was. */
  readonly reason: string;
  readonly levels: Readonly<Record<string, EnforcementLevel>>;
}

/** "28 mandatory, 3 advisory, 1 disabled": how many policies ran at each level, strictest first. */
export function levelCounts(config: PolicyConfigUsed): string {
  const order: EnforcementLevel[] = ["mandatory", "remediate", "advisory", "disabled"];
  const levels = Object.values(config.levels);
  return order
    .map((level) => [level, levels.filter((l) => l === level).length] as const)
    .filter(([level, n]) => n > 0 || level === "mandatory")
    .map(([level, n]) => `${n} ${level}`)
    .join(", ");
}

/** One line for every format: which config applied and why, and how many policies ran at each level. */
export function policyConfigLine(config: PolicyConfigUsed): string {
  return config.file === undefined
    ? `Policy config: the pack's defaults (${config.reason}; relax with --policy-config FILE): ${levelCounts(config)}`
    : `Policy config: ${config.file} (from ${config.reason}): ${levelCounts(config)}`;
}

export interface Summary {
  readonly resources: number;
  readonly mandatory: number;
  /** Advisory findings, not counting acknowledged ones. */
  readonly advisory: number;
  /** Findings an unexpired exception acknowledges (reported, never blocking). */
  readonly acknowledged: number;
  readonly errors: number;
  /** Config keys that cannot take effect (warnings; never blocking). */
  readonly configWarnings: number;
  /** True when nothing blocks the deployment. */
  readonly passed: boolean;
}

export function summarize(report: Report): Summary {
  const mandatory = report.violations.filter(isBlocking).length;
  const acknowledged = report.violations.filter((v) => !isBlocking(v) && isAcknowledged(v)).length;
  return {
    resources: report.resources.length,
    mandatory,
    advisory: report.violations.length - mandatory - acknowledged,
    acknowledged,
    errors: report.errors.length,
    configWarnings: report.configWarnings?.length ?? 0,
    passed: mandatory === 0 && report.errors.length === 0,
  };
}

/** Exit code: 0 when nothing blocks; 1 on a mandatory violation or an error the engine would raise. */
export function exitCodeOf(report: Report): 0 | 1 {
  return summarize(report).passed ? 0 : 1;
}

/** The name a person knows a resource by: the last part of its URN. */
export function shortName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The type part of a URN (the last of its qualified types). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}
