/**
 * Baseline comparison: a candidate report against a baseline report under thresholds, as a list
 * of checks. Fails closed: a check that cannot be decided (different datasets, an incomplete run,
 * an evaluator or a metric missing on one side) counts as a failure, never as a pass.
 */
import { EvalReport } from "./report";
import { ResolvedThresholds } from "./thresholds";

export type CheckStatus = "pass" | "regressed" | "unknown" | "not-checked";

export interface Check {
  /** What is compared: `quality: <evaluator>`, `p95 latency`, `cost per 1,000 requests`, `error rate`, `dataset`, `run`. */
  readonly metric: string;
  readonly status: CheckStatus;
  /** Baseline and candidate values in `unit`'s base (score points, ms, USD, points); null when absent. */
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** Candidate minus baseline: in points for quality and error rate, in percent for latency and cost. */
  readonly delta: number | null;
  readonly deltaUnit: "points" | "percent" | "none";
  /** The limit the delta was held to (a drop for quality, a rise otherwise); null when not checked. */
  readonly limit: number | null;
  /** Why a check is unknown, or what it means. */
  readonly note?: string;
}

export interface Comparison {
  readonly checks: readonly Check[];
  /** True when every check passed or was not checked. */
  readonly passed: boolean;
  /** The largest drop over evaluators (most negative delta, in points); null when none compared. */
  readonly worstQualityDeltaPoints: number | null;
  readonly p95LatencyDeltaPercent: number | null;
  readonly costDeltaPercent: number | null;
  readonly errorRateDeltaPoints: number | null;
}

/** Relative change in percent; a rise from 0 is infinite, 0 → 0 is no change. */
function percentChange(baseline: number, candidate: number): number {
  if (baseline === 0) {
    return candidate === 0 ? 0 : Number.POSITIVE_INFINITY;
  }
  return ((candidate - baseline) / baseline) * 100;
}

/** A rise check: regressed when the delta exceeds the limit. */
function rise(
  metric: string,
  baseline: number | null,
  candidate: number | null,
  unit: "points" | "percent",
  limit: number | null,
  unknownNote: string,
): Check {
  if (baseline === null || candidate === null) {
    return {
      metric,
      status: "unknown",
      baseline,
      candidate,
      delta: null,
      deltaUnit: unit,
      limit,
      note: unknownNote,
    };
  }
  const delta = unit === "percent" ? percentChange(baseline, candidate) : (candidate - baseline) * 100;
  const status = limit === null ? "not-checked" : delta > limit ? "regressed" : "pass";
  return { metric, status, baseline, candidate, delta, deltaUnit: unit, limit };
}

function incompleteNote(report: EvalReport, side: string): string | undefined {
  const { notRun, items } = report.summary;
  if (report.run.interrupted || notRun > 0) {
    return `the ${side} run is incomplete: ${notRun} of ${items} items did not run${report.run.interrupted ? " (interrupted)" : ""}; rerun it to the end`;
  }
  return undefined;
}

/** Compares `candidate` with `baseline` under `thresholds`. */
export function compareReports(
  baseline: EvalReport,
  candidate: EvalReport,
  thresholds: ResolvedThresholds,
): Comparison {
  const checks: Check[] = [];
  const sameDataset = baseline.dataset.sha256 === candidate.dataset.sha256;
  checks.push({
    metric: "dataset",
    status: sameDataset ? "pass" : "unknown",
    baseline: baseline.dataset.items,
    candidate: candidate.dataset.items,
    delta: null,
    deltaUnit: "none",
    limit: null,
    note: sameDataset
      ? undefined
      : `the reports were run on different datasets (sha256 ${baseline.dataset.sha256.slice(0, 12)}… vs ${candidate.dataset.sha256.slice(0, 12)}…); run both on the same file`,
  });
  const incomplete = incompleteNote(candidate, "candidate") ?? incompleteNote(baseline, "baseline");
  checks.push({
    metric: "run",
    status: incomplete ? "unknown" : "pass",
    baseline: baseline.summary.completed,
    candidate: candidate.summary.completed,
    delta: null,
    deltaUnit: "none",
    limit: null,
    note: incomplete,
  });

  const byName = (r: EvalReport) => new Map(r.evaluators.map((e) => [e.name, e]));
  const base = byName(baseline);
  const cand = byName(candidate);
  const names = [...new Set([...base.keys(), ...cand.keys()])].sort();
  let worst: number | null = null;
  for (const name of names) {
    const b = base.get(name);
    const c = cand.get(name);
    const limit =
      name in thresholds.evaluators ? thresholds.evaluators[name] : thresholds.maxQualityDropPoints;
    const metric = `quality: ${name}`;
    if (b && c && b.scored === 0 && c.scored === 0) {
      checks.push({
        metric,
        status: "not-checked",
        baseline: null,
        candidate: null,
        delta: null,
        deltaUnit: "points",
        limit,
        note: "applies to no item of the dataset in either run",
      });
      continue;
    }
    if (!b || !c || b.mean === null || c.mean === null) {
      const missing = !b
        ? "the baseline"
        : !c
          ? "the candidate"
          : b.mean === null
            ? "the baseline"
            : "the candidate";
      checks.push({
        metric,
        status: "unknown",
        baseline: b?.mean ?? null,
        candidate: c?.mean ?? null,
        delta: null,
        deltaUnit: "points",
        limit,
        note: `${missing} has no score for evaluator '${name}'; run both with the same evaluators`,
      });
      continue;
    }
    const delta = (c.mean - b.mean) * 100;
    worst = worst === null ? delta : Math.min(worst, delta);
    const status = limit === null ? "not-checked" : -delta > limit ? "regressed" : "pass";
    checks.push({ metric, status, baseline: b.mean, candidate: c.mean, delta, deltaUnit: "points", limit });
  }

  const latency = rise(
    "p95 latency",
    baseline.latencyMs?.p95 ?? null,
    candidate.latencyMs?.p95 ?? null,
    "percent",
    thresholds.maxP95LatencyIncreasePercent,
    "no completed request on one side, so no latency to compare",
  );
  const cost = rise(
    "cost per 1,000 requests",
    baseline.cost.per1kRequests,
    candidate.cost.per1kRequests,
    "percent",
    thresholds.maxCostIncreasePercent,
    `cost unknown: ${candidate.cost.reason ?? baseline.cost.reason ?? "no catalog price"}; pass --deployment-type with a priced type, or set maxCostIncreasePercent to null`,
  );
  const errors = rise(
    "error rate",
    baseline.summary.errorRate,
    candidate.summary.errorRate,
    "points",
    thresholds.maxErrorRateIncreasePoints,
    "",
  );
  checks.push(latency, cost, errors);
  return {
    checks,
    passed: checks.every((c) => c.status === "pass" || c.status === "not-checked"),
    worstQualityDeltaPoints: worst,
    p95LatencyDeltaPercent: latency.delta,
    costDeltaPercent: cost.delta,
    errorRateDeltaPoints: errors.delta,
  };
}

/** `+1.5 pts`, `-20.0 %`, `+∞ %`. */
export function formatDelta(delta: number | null, unit: Check["deltaUnit"]): string {
  if (delta === null || unit === "none") {
    return "—";
  }
  const sign = delta > 0 ? "+" : delta < 0 ? "-" : "±";
  const size = Number.isFinite(delta) ? Math.abs(delta).toFixed(1) : "∞";
  return `${sign}${size} ${unit === "points" ? "pts" : "%"}`;
}

/** One line per failing check: `quality: exact-match -3.0 pts (limit -2 pts)`. */
export function failingChecks(comparison: Comparison): string[] {
  return comparison.checks
    .filter((c) => c.status === "regressed" || c.status === "unknown")
    .map((c) =>
      c.status === "unknown"
        ? `${c.metric}: cannot compare (${c.note})`
        : `${c.metric} ${formatDelta(c.delta, c.deltaUnit)} (limit ${c.metric.startsWith("quality") ? "-" : "+"}${c.limit} ${c.deltaUnit === "points" ? "pts" : "%"})`,
    );
}
