/**
 * Metrics of a run: per evaluator mean score and pass rate, latency percentiles, tokens, and cost
 * at the catalog's token prices. Pure functions of the item results.
 */
import { DeploymentType, isProvisioned } from "../../components/catalog/deployment-types";
import { findModel } from "../../components/catalog/lookup";
import type {
  CostSummary,
  EvaluatorSummary,
  LatencySummary,
  TokenCounts,
} from "../../components/evaluation/report";
import { Evaluator } from "./evaluators";
import { ItemRun } from "./runner";

/** Nearest-rank percentile of sorted values (p in 0–100); the same inputs give the same value. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new Error("percentile of no values");
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

const round = (n: number, digits = 6) => Number(n.toFixed(digits));

export function latencySummary(runs: readonly ItemRun[]): LatencySummary | null {
  const values = runs
    .filter((r) => r.status === "completed" && r.latencyMs !== undefined)
    .map((r) => r.latencyMs as number)
    .sort((a, b) => a - b);
  if (values.length === 0) {
    return null;
  }
  const ms = (n: number) => round(n, 1);
  return {
    p50: ms(percentile(values, 50)),
    p95: ms(percentile(values, 95)),
    p99: ms(percentile(values, 99)),
    mean: ms(values.reduce((a, b) => a + b, 0) / values.length),
    max: ms(values[values.length - 1]),
  };
}

export function evaluatorSummaries(
  evaluators: readonly Evaluator[],
  runs: readonly ItemRun[],
): EvaluatorSummary[] {
  const completed = runs.filter((r) => r.status === "completed");
  return evaluators.map((e) => {
    const scored = completed.map((r) => r.scores[e.name]).filter((s) => s !== null && s !== undefined);
    const passed = scored.filter((s) => s.pass).length;
    return {
      name: e.name,
      type: e.type,
      passScore: e.passScore,
      mean: scored.length === 0 ? null : round(scored.reduce((a, s) => a + s.score, 0) / scored.length),
      passRate: scored.length === 0 ? null : round(passed / scored.length),
      scored: scored.length,
      passed,
      errors: completed.filter((r) => r.evaluatorErrors[e.name] !== undefined).length,
    };
  });
}

export function tokenTotals(runs: readonly ItemRun[]): TokenCounts {
  const totals = { input: 0, cachedInput: 0, output: 0 };
  for (const r of runs) {
    if (r.status === "completed" && r.result) {
      totals.input += r.result.usage.input;
      totals.cachedInput += r.result.usage.cachedInput;
      totals.output += r.result.usage.output;
    }
  }
  return totals;
}

/**
 * Cost at the catalog's token prices for `model` on `type` (USD per 1M tokens; cached input at
 * its own price where the catalog has one). Unknown, with the reason, when the model is not
 * named, not in the catalog, provisioned (billed per PTU-hour, not per token) or unpriced.
 */
export function costSummary(
  model: string | null,
  type: DeploymentType,
  tokens: TokenCounts,
  completed: number,
): CostSummary {
  const unknown = (reason: string): CostSummary => ({
    currency: "USD",
    total: null,
    per1kRequests: null,
    prices: null,
    reason,
  });
  if (model === null) {
    return unknown("the run was not told the model (--model), so it cannot be priced");
  }
  if (isProvisioned(type)) {
    return unknown(
      `${type} is billed per PTU-hour, not per token; price the run as a standard type with --deployment-type`,
    );
  }
  const prices = findModel(model)?.prices?.[type];
  if (!prices || prices.value.output === undefined) {
    return unknown(`the catalog has no ${type} token prices for ${model}`);
  }
  const p = prices.value;
  const cachedPrice = p.cachedInput ?? p.input;
  const output = p.output as number;
  const total =
    ((tokens.input - tokens.cachedInput) * p.input +
      tokens.cachedInput * cachedPrice +
      tokens.output * output) /
    1e6;
  return {
    currency: "USD",
    total: round(total),
    per1kRequests: completed === 0 ? null : round((total / completed) * 1000),
    prices: {
      input: p.input,
      cachedInput: cachedPrice,
      output,
      deploymentType: type,
      source: prices.source.url,
    },
    ...(completed === 0 ? { reason: "no request completed" } : {}),
  };
}
