/**
 * The shape of a contract's day, for the PTU planner and for capacity: the contract gives the
 * average and the peak-to-average ratio, not hourly data, so the selector sizes against a stated
 * two-level day.
 *
 * A day of {@link slotsPerDay} equal slots (six minutes each): the busy part at the peak
 * (`average × peakToAverage`) and the rest at the level that keeps the day's average. The busy part
 * is a third of the day (a working day) when `peakToAverage ≤ 3`, else `1 / peakToAverage` of it
 * (whole slots, rounded down; the rest then near idle). `peakToAverage = 1` is a flat day; it can be at
 * most {@link slotsPerDay} (one busy slot a day).
 */
import { HourDemand } from "../cost/planner";

/** Slots of the synthetic day: six minutes each. */
export const slotsPerDay = 240;

/** Share of the day at the peak when the ratio allows: eight hours. */
const workingDayShare = 1 / 3;

/** Requests per minute in each slot of the day, averaging `average`. */
export function dayOfRequests(average: number, peakToAverage: number): number[] {
  const peak = average * peakToAverage;
  const busy = Math.max(1, Math.floor(slotsPerDay * Math.min(workingDayShare, 1 / peakToAverage)));
  const rest = slotsPerDay - busy;
  const base = rest > 0 ? Math.max(0, (average * slotsPerDay - peak * busy) / rest) : 0;
  return Array.from({ length: slotsPerDay }, (_, i) => (i < busy ? peak : base));
}

/** The planner's demand: each slot's requests × the average request's input and output tokens. */
export function dayOfDemand(
  average: number,
  peakToAverage: number,
  inputTokens: number,
  outputTokens: number,
): HourDemand[] {
  return dayOfRequests(average, peakToAverage).map((rpm) => ({
    inputTokensPerMinute: rpm * inputTokens,
    outputTokensPerMinute: rpm * outputTokens,
  }));
}
