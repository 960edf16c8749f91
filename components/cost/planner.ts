/**
 * The PTU capacity planner: the number of PTUs that serves an hourly demand profile at the lowest
 * monthly cost, with what does not fit spilling over to pay-as-you-go. The model, exactly:
 *
 * - weighted demand in hour h: `W_h = in_h + outputWeight × out_h` (tokens per minute);
 * - capacity of k PTUs: `C = k × inputTpmPerPtu`;
 * - spill share `s_h = max(0, W_h − C) / W_h` (0 when `W_h` = 0); that share of the hour's input and
 *   output tokens (`60 × in_h`, `60 × out_h`) is billed at the pay-as-you-go prices;
 * - the profile scales to a month by `730 / hours`;
 * - PTU monthly cost: `k × ptuHourlyUsd × 730` (hourly) or `k × ptuReservationMonthlyUsd`;
 * - k ranges over 0 and `min, min + step, …` up to the first k that serves the peak with no spill;
 *   the answer is the k with the lowest total (ties → the smaller k) among those whose spill fraction
 *   `Σ max(0, W_h − C) / Σ W_h` is at most `maxSpillFraction` when given;
 * - baselines: `allPayg` = the cost at k = 0; `peakPtu` = the cost at the smallest k with no spill.
 *
 * Hours are sorted by demand once; every candidate is then priced in O(1) from prefix sums, so a
 * year of hourly data sizes in milliseconds.
 */
import { PtuPricing } from "./traffic";
import { hoursPerMonth, tokensPerPriceUnit } from "./units";

/** Demand in one hour, in tokens per minute. */
export interface HourDemand {
  readonly inputTokensPerMinute: number;
  readonly outputTokensPerMinute: number;
}

/** Every number the model uses, resolved (catalog values or the profile's overrides). */
export interface SizingInput {
  readonly hours: readonly HourDemand[];
  readonly min: number;
  readonly step: number;
  readonly inputTpmPerPtu: number;
  readonly outputWeight: number;
  readonly pricing: PtuPricing;
  /** USD per PTU-hour; used when pricing is hourly. */
  readonly ptuHourlyUsd: number;
  /** USD per PTU-month; used when pricing is reservation. */
  readonly ptuReservationMonthlyUsd: number;
  readonly paygInputPer1M: number;
  readonly paygOutputPer1M: number;
  /** Largest spill fraction (0–1) a candidate may have. @default - no limit */
  readonly maxSpillFraction?: number;
}

/** The cost of one candidate size. */
export interface Candidate {
  readonly ptu: number;
  readonly monthlyUsd: number;
  readonly ptuMonthlyUsd: number;
  readonly spilloverMonthlyUsd: number;
  readonly spillFraction: number;
}

export interface SizingResult extends Candidate {
  readonly baselines: { readonly allPayg: number; readonly peakPtu: number };
  /** Every candidate considered, smallest first (for tables and charts). */
  readonly candidates: readonly Candidate[];
  /** The smallest size with no spill. */
  readonly peakPtu: number;
}

/** Relative difference below which two totals count as a tie (the smaller size wins). */
export const tieTolerance = 1e-9;

/** True when `a` is cheaper than `b` beyond floating-point noise. */
export function cheaper(a: number, b: number): boolean {
  return a < b - tieTolerance * Math.max(1, Math.abs(b));
}

/** Weighted demand of one hour. */
export function weightedDemand(h: HourDemand, outputWeight: number): number {
  return h.inputTokensPerMinute + outputWeight * h.outputTokensPerMinute;
}

/** The sizes considered: 0, then min, min + step, … up to the first that covers `peak`. */
export function candidateSizes(peak: number, min: number, step: number, perPtu: number): number[] {
  const sizes = [0];
  if (peak <= 0) {
    return sizes;
  }
  let k = min;
  for (;;) {
    sizes.push(k);
    if (k * perPtu >= peak) {
      return sizes;
    }
    k += step;
  }
}

/** Sizes a provisioned deployment for the demand profile. */
export function sizePtu(input: SizingInput): SizingResult {
  const n = input.hours.length;
  const scale = hoursPerMonth / n;
  // Per hour: weighted demand and the pay-as-you-go cost of all its tokens.
  const rows = input.hours.map((h) => ({
    w: weightedDemand(h, input.outputWeight),
    cost:
      (60 * h.inputTokensPerMinute * input.paygInputPer1M +
        60 * h.outputTokensPerMinute * input.paygOutputPer1M) /
      tokensPerPriceUnit,
  }));
  rows.sort((a, b) => b.w - a.w);
  // Prefix sums over the hours in falling demand: Σw, Σcost, Σcost/w (hours with w > 0 only).
  const sumW = [0];
  const sumCost = [0];
  const sumCostPerW = [0];
  for (const r of rows) {
    sumW.push(sumW[sumW.length - 1] + r.w);
    sumCost.push(sumCost[sumCost.length - 1] + r.cost);
    sumCostPerW.push(sumCostPerW[sumCostPerW.length - 1] + (r.w > 0 ? r.cost / r.w : 0));
  }
  const totalW = sumW[n];
  const peak = n > 0 ? rows[0].w : 0;

  let above = n; // hours with demand above the current capacity: a prefix of `rows`
  const candidates = candidateSizes(peak, input.min, input.step, input.inputTpmPerPtu).map(
    (ptu): Candidate => {
      const c = ptu * input.inputTpmPerPtu;
      // Capacity only grows along the candidates, so the prefix only shrinks.
      while (above > 0 && rows[above - 1].w <= c) {
        above--;
      }
      // Σ s_h·cost_h over hours above capacity = Σ cost_h − C·Σ cost_h/w_h.
      const spilledCost = sumCost[above] - c * sumCostPerW[above];
      const spilledW = sumW[above] - c * above;
      const ptuMonthlyUsd =
        input.pricing === "hourly"
          ? ptu * input.ptuHourlyUsd * hoursPerMonth
          : ptu * input.ptuReservationMonthlyUsd;
      const spilloverMonthlyUsd = Math.max(0, spilledCost) * scale;
      return {
        ptu,
        ptuMonthlyUsd,
        spilloverMonthlyUsd,
        monthlyUsd: ptuMonthlyUsd + spilloverMonthlyUsd,
        spillFraction: totalW > 0 ? Math.max(0, spilledW) / totalW : 0,
      };
    },
  );
  const peakCandidate = candidates[candidates.length - 1];
  const allowed = candidates.filter(
    (k) => input.maxSpillFraction === undefined || k.spillFraction <= input.maxSpillFraction + tieTolerance,
  );
  const best = allowed.reduce((a, b) => (cheaper(b.monthlyUsd, a.monthlyUsd) ? b : a));
  return {
    ...best,
    baselines: { allPayg: candidates[0].monthlyUsd, peakPtu: peakCandidate.monthlyUsd },
    candidates,
    peakPtu: peakCandidate.ptu,
  };
}
