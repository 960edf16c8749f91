/**
 * How much worse a candidate may be than its baseline. One shape for the eval tool's
 * `--thresholds FILE`, the stack config's `gateway.upgrade.evaluation.thresholds` and the policy
 * rule's config. A limit set to `null` is not checked; an absent limit takes its default.
 */
import { z } from "zod";

const limit = z.number().min(0).nullable().optional();

export const thresholdsSchema = z
  .strictObject({
    maxQualityDropPoints: limit.describe(
      "Largest drop of any evaluator's mean score, in points (score × 100). Default: 2. null: not checked.",
    ),
    evaluators: z
      .record(z.string().min(1), z.number().min(0).nullable())
      .optional()
      .describe("Per evaluator name, a drop limit in points that replaces maxQualityDropPoints for it."),
    maxP95LatencyIncreasePercent: limit.describe(
      "Largest rise of the p95 latency, in percent. Default: 20. null: not checked.",
    ),
    maxCostIncreasePercent: limit.describe(
      "Largest rise of the cost per 1,000 requests at catalog prices, in percent. Default: 10. null: not checked.",
    ),
    maxErrorRateIncreasePoints: limit.describe(
      "Largest rise of the share of failed requests, in points. Default: 1. null: not checked.",
    ),
  })
  .describe("How much worse the candidate may be than the baseline.");

export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Every limit resolved: a number, or null when not checked. */
export interface ResolvedThresholds {
  readonly maxQualityDropPoints: number | null;
  readonly evaluators: Readonly<Record<string, number | null>>;
  readonly maxP95LatencyIncreasePercent: number | null;
  readonly maxCostIncreasePercent: number | null;
  readonly maxErrorRateIncreasePoints: number | null;
}

/** The defaults: quality may drop 2 points, p95 latency rise 20 %, cost rise 10 %, errors rise 1 point. */
export const defaultThresholds: ResolvedThresholds = {
  maxQualityDropPoints: 2,
  evaluators: {},
  maxP95LatencyIncreasePercent: 20,
  maxCostIncreasePercent: 10,
  maxErrorRateIncreasePoints: 1,
};

export function resolveThresholds(t: Thresholds | undefined): ResolvedThresholds {
  const pick = (v: number | null | undefined, d: number | null) => (v === undefined ? d : v);
  return {
    maxQualityDropPoints: pick(t?.maxQualityDropPoints, defaultThresholds.maxQualityDropPoints),
    evaluators: { ...(t?.evaluators ?? {}) },
    maxP95LatencyIncreasePercent: pick(
      t?.maxP95LatencyIncreasePercent,
      defaultThresholds.maxP95LatencyIncreasePercent,
    ),
    maxCostIncreasePercent: pick(t?.maxCostIncreasePercent, defaultThresholds.maxCostIncreasePercent),
    maxErrorRateIncreasePoints: pick(
      t?.maxErrorRateIncreasePoints,
      defaultThresholds.maxErrorRateIncreasePoints,
    ),
  };
}
