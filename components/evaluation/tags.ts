/**
 * Tags that carry a canary candidate's evaluation evidence on its model deployment. The stack
 * program writes them (components/evaluation/evidence.ts); the policy rule
 * `ai-deployment-canary-evaluated` reads them. Plain constants, imported by both, so the two can
 * never disagree on a name. Azure tag values hold at most 256 characters.
 */
export const evaluationTags = {
  /** On every candidate: the stable deployment it is the canary of. */
  canaryOf: "canaryOf",
  /** `pass`, `regressed` or `mismatch`. */
  verdict: "evaluationVerdict",
  /** SHA-256 of the candidate report file. */
  report: "evaluationReportSha256",
  /** SHA-256 of the baseline report file. */
  baseline: "evaluationBaselineSha256",
  /** Model and version the candidate report evaluated. */
  model: "evaluationModel",
  modelVersion: "evaluationModelVersion",
  /** Measured changes against the baseline (numbers with two decimals, `inf`, or `unknown`). */
  qualityDeltaPoints: "evaluationQualityDeltaPoints",
  p95LatencyDeltaPercent: "evaluationP95LatencyDeltaPercent",
  costDeltaPercent: "evaluationCostDeltaPercent",
  errorRateDeltaPoints: "evaluationErrorRateDeltaPoints",
  /** What failed, in short, when the verdict is not `pass`. */
  findings: "evaluationFindings",
} as const;

export const evaluationVerdicts = ["pass", "regressed", "mismatch"] as const;
export type EvaluationVerdict = (typeof evaluationVerdicts)[number];

/** The most characters Azure stores in one tag value. */
export const maxTagValueLength = 256;

/** A measured change as a tag value: two decimals, `inf` / `-inf`, or `unknown`. */
export function deltaTagValue(delta: number | null): string {
  if (delta === null || Number.isNaN(delta)) {
    return "unknown";
  }
  if (!Number.isFinite(delta)) {
    return delta > 0 ? "inf" : "-inf";
  }
  return delta.toFixed(2);
}

/** Reads a tag value written by {@link deltaTagValue}; undefined for `unknown` or anything else. */
export function parseDeltaTag(value: string | undefined): number | undefined {
  if (value === "inf") {
    return Number.POSITIVE_INFINITY;
  }
  if (value === "-inf") {
    return Number.NEGATIVE_INFINITY;
  }
  if (value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) {
    return undefined;
  }
  return Number(value);
}
