/**
 * Model-level filters: approval, the contract's models list, capabilities, context window, and the
 * version to deploy (serving, GA or allowed Preview, not Legacy or deprecated, with the runway).
 */
import { ModelInfo, ModelVersion, versionStatus } from "../catalog";
import { count } from "../cost/units";
import { EnvironmentLimits } from "./requirements";
import { EligibleModel, Rejection, SelectionContext } from "./types";

export function sourceOf(limits: EnvironmentLimits): string {
  return limits.source ?? "the environment's policy";
}

/**
 * The versions the environment approves of a model: undefined when it approves every version (no
 * list), null when the list leaves the model out.
 */
export function approvedVersions(
  model: string,
  limits: EnvironmentLimits,
): readonly string[] | null | undefined {
  if (!limits.approvedModels) {
    return undefined;
  }
  const entry = Object.keys(limits.approvedModels).find((n) => n.toLowerCase() === model.toLowerCase());
  return entry === undefined ? null : limits.approvedModels[entry];
}

/** How a rejection for a model the environment does not approve begins. */
export const notApproved = "not approved in";

/** How a rejection for a model outside the contract's `models` begins. */
export const notListed = "not in the workload's models list";

/** The version the selector would deploy, or why none of the versions qualifies. */
export interface VersionChoice {
  readonly version: ModelVersion;
  /** Empty when the version qualifies. */
  readonly failures: readonly string[];
  readonly retirementDate: string;
  readonly runwayDays: number;
  readonly lifecycle: string;
}

function judgeVersion(info: ModelInfo, v: ModelVersion, ctx: SelectionContext): VersionChoice {
  const failures: string[] = [];
  const status = versionStatus(info.name, v.version, ctx.today);
  const min = ctx.req.minRunwayDays;
  const base = { version: v, retirementDate: "", runwayDays: -1, lifecycle: "" };
  if (status.status === "retired") {
    return { ...base, failures: [`version ${v.version} retired on ${status.retirementDate}`] };
  }
  if (status.status !== "active") {
    return { ...base, failures: [`version ${v.version} is not in the catalog`] };
  }
  if (status.deprecated) {
    failures.push(`version ${v.version} is deprecated: no new deployments`);
  }
  if (status.lifecycle === "Legacy") {
    failures.push(`version ${v.version} is Legacy: newer models exist`);
  }
  if (status.lifecycle === "Preview" && ctx.req.gaOnly) {
    failures.push(`version ${v.version} is Preview: safety strict takes GA models only`);
  }
  if (status.daysToRetirement === undefined) {
    failures.push(
      `version ${v.version} has no published retirement date, so it cannot be shown to serve ${min} more days`,
    );
  } else if (status.daysToRetirement < min) {
    failures.push(
      `version ${v.version} retires on ${status.retirementDate}, in ${status.daysToRetirement} days: under the ${min}-day runway`,
    );
  }
  const approved = approvedVersions(info.name, ctx.limits);
  if (approved && !approved.includes(v.version)) {
    failures.push(
      `version ${v.version} is not approved in ${sourceOf(ctx.limits)} (approved: ${approved.join(", ")})`,
    );
  }
  return {
    version: v,
    failures,
    retirementDate: status.retirementDate ?? "",
    runwayDays: status.daysToRetirement ?? -1,
    lifecycle: status.lifecycle,
  };
}

/**
 * The best of `versions`: one that qualifies with the longest runway (then the latest version), or
 * the one with the fewest failures when none qualifies. A model the environment does not approve
 * fails whatever its version.
 */
export function judgeVersions(
  info: ModelInfo,
  versions: readonly ModelVersion[],
  ctx: SelectionContext,
): VersionChoice {
  const verdicts = versions.map((v) => judgeVersion(info, v, ctx));
  const [best] = verdicts.sort(
    (a, b) =>
      a.failures.length - b.failures.length ||
      b.runwayDays - a.runwayDays ||
      b.version.version.localeCompare(a.version.version),
  );
  if (approvedVersions(info.name, ctx.limits) === null) {
    return {
      ...best,
      failures: [`${notApproved} ${sourceOf(ctx.limits)} (ai-deployment-approved-model)`, ...best.failures],
    };
  }
  return best;
}

function windowText(tokens: number): string {
  return `${count(Math.round(tokens / 1000))}K`;
}

/** Model-level checks: the models list, capabilities, context window, approval and version. */
export function judgeModel(info: ModelInfo, ctx: SelectionContext): EligibleModel | Rejection {
  const failures: string[] = [];
  const { req } = ctx;
  if (req.models && !req.models.includes(info.name)) {
    failures.push(`${notListed} (${req.models.join(", ")})`);
  }
  const has = info.capabilities.value;
  const missing = req.capabilities.filter((c) => !has.includes(c));
  if (missing.length > 0) {
    failures.push(`lacks ${missing.join(", ")} (has ${has.join(", ") || "none"})`);
  }
  const window = info.contextWindow?.value;
  if (window === undefined) {
    failures.push(
      `its context window is not in the catalog, so it cannot be shown to take ${count(req.minContextTokens)} tokens`,
    );
  } else if (window < req.minContextTokens) {
    failures.push(
      `context window ${count(window)} tokens, under the ${count(req.minContextTokens)} the contract needs${req.longContext ? " (longContext)" : ""}`,
    );
  }
  const version = judgeVersions(info, info.versions, ctx);
  // Policy decisions (the models list, approval) come first: they are why a model is out, whatever else.
  const [approval, others] = [
    version.failures.filter((f) => f.startsWith(notApproved)),
    version.failures.filter((f) => !f.startsWith(notApproved)),
  ];
  failures.splice(req.models && !req.models.includes(info.name) ? 1 : 0, 0, ...approval);
  failures.push(...others);
  if (failures.length > 0 || window === undefined) {
    return { model: info.name, why: failures.join("; ") };
  }
  return {
    info,
    version: version.version.version,
    retirementDate: version.retirementDate,
    runwayDays: version.runwayDays,
    lifecycle: version.lifecycle,
    fit: `${req.capabilities.join("+")}, ${windowText(window)} context`,
    fitReason: `${req.capabilities.join(", ")} (listed: ${has.join(", ")}); context window ${count(window)} tokens, at least ${count(req.minContextTokens)} needed`,
  };
}

/** Reasons every candidate of an eligible model shares: fit, lifecycle, safety, approval. */
export function modelReasons(m: EligibleModel, ctx: SelectionContext): string[] {
  const approved = approvedVersions(m.info.name, ctx.limits);
  return [
    `fit: ${m.fitReason}`,
    `lifecycle: ${m.lifecycle}, version ${m.version} retires on ${m.retirementDate} (${m.runwayDays} days; at least ${ctx.req.minRunwayDays} required)`,
    ctx.contract.safety === "strict"
      ? "safety strict: a GA model, deployed with the account's strict content filter (blocking, no asynchronous mode)"
      : "safety default: deployed with the account's strict content filter",
    ...(approved ? [`approved in ${sourceOf(ctx.limits)}`] : []),
  ];
}
