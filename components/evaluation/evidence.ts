/**
 * The promotion gate's evidence: whether a candidate report supports promoting a canary, judged
 * against its baseline and thresholds, and the tags that record it on the candidate deployment.
 * Pure: the caller reads the files and hashes their bytes.
 */
import { findModel } from "../catalog/lookup";
import { compareReports, Comparison, failingChecks } from "./compare";
import { EvalReport } from "./report";
import { deltaTagValue, EvaluationVerdict, evaluationTags, maxTagValueLength } from "./tags";
import { ResolvedThresholds } from "./thresholds";

/** What is being promoted. */
export interface PromotionSubject {
  /** Model of the stable and candidate deployments. */
  readonly model: string;
  /** Version the candidate deployment serves. */
  readonly candidateVersion: string;
  /** Versions the stable deployment(s) serve; undefined where a deployment pins none. */
  readonly stableVersions: readonly (string | undefined)[];
}

/** A report with the SHA-256 of its file's bytes. */
export interface ReportFile {
  readonly report: EvalReport;
  readonly sha256: string;
}

export interface PromotionEvidence {
  readonly verdict: EvaluationVerdict;
  /** What fails the gate, one line each; empty when the verdict is `pass`. */
  readonly findings: readonly string[];
  readonly comparison: Comparison;
  /** The tags to put on the candidate deployment. */
  readonly tags: Readonly<Record<string, string>>;
}

function modelMismatches(subject: PromotionSubject, candidate: EvalReport, baseline: EvalReport): string[] {
  const found: string[] = [];
  const c = candidate.target;
  if (c.model === null || c.modelVersion === null) {
    found.push(
      "the candidate report does not say which model version it evaluated; rerun eval with --model and --model-version",
    );
  } else if (c.model !== subject.model || c.modelVersion !== subject.candidateVersion) {
    found.push(
      `the candidate report evaluated ${c.model} ${c.modelVersion}, but the candidate deployment serves ${subject.model} ${subject.candidateVersion}; evaluate the candidate version`,
    );
  }
  const b = baseline.target;
  const pinned = [...new Set(subject.stableVersions.filter((v): v is string => v !== undefined))].sort();
  if (b.model === null) {
    found.push("the baseline report does not say which model it evaluated; rerun eval with --model");
  } else if (b.model !== subject.model) {
    found.push(`the baseline report evaluated ${b.model}, but the stable deployment serves ${subject.model}`);
  } else if (pinned.length > 0 && (b.modelVersion === null || !pinned.includes(b.modelVersion))) {
    found.push(
      `the baseline report evaluated ${b.model} ${b.modelVersion ?? "(no version)"}, but the stable deployment serves ${pinned.join(" / ")}; evaluate the stable version as the baseline`,
    );
  }
  // A model router answers from several models by design; anything else answering from more than
  // one model means the endpoint mixed deployments (for example a gateway pool at a partial weight).
  const routes = findModel(subject.model)?.capabilities.value.includes("routing") ?? false;
  if (!routes && c.observedModels.length > 1) {
    found.push(
      `the candidate's answers came from ${c.observedModels.length} models (${c.observedModels.join(", ")}): the endpoint mixed deployments; evaluate the candidate alone`,
    );
  }
  return found;
}

function truncate(text: string): string {
  return text.length <= maxTagValueLength ? text : `${text.slice(0, maxTagValueLength - 1)}…`;
}

/** Judges a candidate report against its baseline for promotion and builds the evidence tags. */
export function promotionEvidence(
  subject: PromotionSubject,
  candidate: ReportFile,
  baseline: ReportFile,
  thresholds: ResolvedThresholds,
): PromotionEvidence {
  const mismatches = modelMismatches(subject, candidate.report, baseline.report);
  const comparison = compareReports(baseline.report, candidate.report, thresholds);
  const regressions = failingChecks(comparison);
  const verdict: EvaluationVerdict =
    mismatches.length > 0 ? "mismatch" : comparison.passed ? "pass" : "regressed";
  const findings = [...mismatches, ...regressions];
  const t = evaluationTags;
  const tags: Record<string, string> = {
    [t.verdict]: verdict,
    [t.report]: candidate.sha256,
    [t.baseline]: baseline.sha256,
    [t.model]: candidate.report.target.model ?? "unknown",
    [t.modelVersion]: candidate.report.target.modelVersion ?? "unknown",
    [t.qualityDeltaPoints]: deltaTagValue(comparison.worstQualityDeltaPoints),
    [t.p95LatencyDeltaPercent]: deltaTagValue(comparison.p95LatencyDeltaPercent),
    [t.costDeltaPercent]: deltaTagValue(comparison.costDeltaPercent),
    [t.errorRateDeltaPoints]: deltaTagValue(comparison.errorRateDeltaPoints),
  };
  if (findings.length > 0) {
    tags[t.findings] = truncate(findings.join("; "));
  }
  return { verdict, findings, comparison, tags };
}
