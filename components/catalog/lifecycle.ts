/**
 * Lifecycle findings for a set of deployments on a given day: what has retired, what retires within
 * a window, and what the catalog cannot judge. One finding per deployment, with the successor to
 * move to. Pure: the plan's reports and the `lifecycle` command both use it.
 */
import { CustomModelSpec, findCustomModel } from "./custom";
import { describeSuccessor, ResolvedSuccessor, versionStatus } from "./lookup";

/** A deployment as the lifecycle check needs it. */
export interface LifecycleDeployment {
  /**
   * Logical account (or resource) the deployment belongs to.
   * @default - none (a deployment is identified by its name alone)
   */
  readonly account?: string;
  /** Deployment name. */
  readonly deployment: string;
  readonly model: string;
  /**
   * Pinned version.
   * @default - not pinned: Azure's default version, which the catalog cannot judge
   */
  readonly version?: string;
}

export type LifecycleKind = "retired" | "retiring" | "custom" | "unknown";

export interface LifecycleFinding {
  readonly kind: LifecycleKind;
  readonly account?: string;
  readonly deployment: string;
  readonly model: string;
  readonly version?: string;
  /** The retirement date, when known. */
  readonly retirementDate?: string;
  /** Whole days from the judged day to the retirement date (retiring findings). */
  readonly daysToRetirement?: number;
  /** What to move to, when a replacement is known. */
  readonly successor?: ResolvedSuccessor;
  /** One sentence for reports. */
  readonly message: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Identifies a deployment across findings: its account and name. */
export function deploymentKey(d: { readonly account?: string; readonly deployment: string }): string {
  return JSON.stringify([d.account ?? "", d.deployment]);
}
const order: Record<LifecycleKind, number> = { retired: 0, retiring: 1, unknown: 2, custom: 3 };

function successorText(s: ResolvedSuccessor | undefined): string {
  return s ? `; successor: ${describeSuccessor(s)}` : "; no successor is published or catalogued";
}

function name(d: LifecycleDeployment): string {
  return `${d.model}${d.version !== undefined ? ` ${d.version}` : ""}`;
}

function customFinding(
  d: LifecycleDeployment,
  custom: CustomModelSpec,
  on: Date,
  windowDays: number,
): LifecycleFinding {
  const base = { account: d.account, deployment: d.deployment, model: d.model, version: d.version };
  const date = custom.retirementDate;
  if (date !== undefined) {
    const days = Math.floor((Date.parse(`${date}T00:00:00Z`) - on.getTime()) / dayMs);
    if (days <= 0) {
      return {
        ...base,
        kind: "retired",
        retirementDate: date,
        message: `${name(d)} (custom model) retired on ${date}, as declared in customModels`,
      };
    }
    if (days <= windowDays) {
      return {
        ...base,
        kind: "retiring",
        retirementDate: date,
        daysToRetirement: days,
        message: `${name(d)} (custom model) retires on ${date}, in ${days} day${days === 1 ? "" : "s"}, as declared in customModels`,
      };
    }
  }
  return {
    ...base,
    kind: "custom",
    ...(date !== undefined ? { retirementDate: date } : {}),
    message: `${name(d)} is a custom model (format ${custom.format}): its lifecycle is declared in customModels, not tracked by the catalog`,
  };
}

/** The finding for one deployment, or undefined when there is nothing to report. */
export function lifecycleFinding(
  d: LifecycleDeployment,
  on: Date,
  windowDays: number,
  customModels?: readonly CustomModelSpec[],
): LifecycleFinding | undefined {
  const base = { account: d.account, deployment: d.deployment, model: d.model, version: d.version };
  if (d.version === undefined) {
    return undefined;
  }
  const status = versionStatus(d.model, d.version, on);
  switch (status.status) {
    case "retired":
      return {
        ...base,
        kind: "retired",
        retirementDate: status.retirementDate,
        ...(status.successor ? { successor: status.successor } : {}),
        message: `${name(d)} retired on ${status.retirementDate}${successorText(status.successor)}`,
      };
    case "active":
      if (status.daysToRetirement === undefined || status.daysToRetirement > windowDays) {
        return undefined;
      }
      return {
        ...base,
        kind: "retiring",
        retirementDate: status.retirementDate,
        daysToRetirement: status.daysToRetirement,
        ...(status.successor ? { successor: status.successor } : {}),
        message: `${name(d)} retires on ${status.retirementDate}, in ${status.daysToRetirement} day${status.daysToRetirement === 1 ? "" : "s"}${successorText(status.successor)}`,
      };
    case "unknown-model": {
      const custom = findCustomModel(customModels, d.model);
      if (custom) {
        return customFinding(d, custom, on, windowDays);
      }
      return {
        ...base,
        kind: "unknown",
        message: `${name(d)} is not in the catalog: its lifecycle cannot be judged`,
      };
    }
    case "unknown-version":
      return {
        ...base,
        kind: "unknown",
        message: `${name(d)} is not a catalogued version (known: ${status.known.join(", ")}): its lifecycle cannot be judged`,
      };
    default:
      return undefined;
  }
}

/**
 * Findings for many deployments, one per account and deployment name, most urgent first: retired,
 * then retiring (soonest first), then what cannot be judged, then custom models.
 */
export function lifecycleFindings(
  deployments: readonly LifecycleDeployment[],
  on: Date,
  windowDays: number,
  customModels?: readonly CustomModelSpec[],
): LifecycleFinding[] {
  const seen = new Set<string>();
  const findings: LifecycleFinding[] = [];
  for (const d of deployments) {
    const key = deploymentKey(d);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const f = lifecycleFinding(d, on, windowDays, customModels);
    if (f) {
      findings.push(f);
    }
  }
  return findings.sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      (a.daysToRetirement ?? 0) - (b.daysToRetirement ?? 0) ||
      (a.account ?? "").localeCompare(b.account ?? "") ||
      a.deployment.localeCompare(b.deployment),
  );
}
