/** The result of a plan or a check, as every output format sees it. */
import type { CostEstimate } from "../../components/cost/estimate";
import type { PlanDiff } from "./diff";
import { EngineError, PlannedResource, Violation, isBlocking } from "../model";

export interface Report {
  /** `plan` or `check`. */
  readonly command: "plan" | "check";
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  readonly violations: readonly Violation[];
  readonly errors: readonly EngineError[];
  readonly pack: { readonly name: string; readonly version: string; readonly policies: number };
  /** The monthly cost estimate of the resources. */
  readonly cost: CostEstimate;
  /** The changes against a base plan document (`--compare`). */
  readonly diff?: PlanDiff;
}

export interface Summary {
  readonly resources: number;
  readonly mandatory: number;
  readonly advisory: number;
  readonly errors: number;
  /** True when nothing blocks the deployment. */
  readonly passed: boolean;
}

export function summarize(report: Report): Summary {
  const mandatory = report.violations.filter(isBlocking).length;
  return {
    resources: report.resources.length,
    mandatory,
    advisory: report.violations.length - mandatory,
    errors: report.errors.length,
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
