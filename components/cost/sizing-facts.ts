/**
 * The catalog's values the PTU planner needs for one model and provisioned type: sizing, output
 * weight, PTU prices and the pay-as-you-go prices of the standard type with the same data scope.
 * A value the catalog lacks is undefined; callers say which is missing.
 */
import {
  outputTokenWeightOf,
  ProvisionedType,
  ptuHourlyUsdFor,
  ptuReservationMonthlyUsdFor,
  ptuSizing,
  standardTypeFor,
  tokenPricesFor,
} from "../catalog";

export interface PlannerFacts {
  readonly min?: number;
  readonly step?: number;
  readonly inputTpmPerPtu?: number;
  readonly outputWeight?: number;
  readonly ptuHourlyUsd?: number;
  readonly ptuReservationMonthlyUsd?: number;
  /** USD per 1M input tokens of the pay-as-you-go twin (`standardTypeFor`). */
  readonly paygInputPer1M?: number;
  /** USD per 1M output tokens of the pay-as-you-go twin. */
  readonly paygOutputPer1M?: number;
}

/** What the catalog knows for sizing `model` on `type`. */
export function plannerFacts(model: string, type: ProvisionedType): PlannerFacts {
  const sizing = ptuSizing(model, type);
  const payg = tokenPricesFor(model, standardTypeFor(type))?.value;
  return {
    min: sizing?.min,
    step: sizing?.step,
    inputTpmPerPtu: sizing?.inputTpmPerPtu,
    outputWeight: outputTokenWeightOf(model),
    ptuHourlyUsd: ptuHourlyUsdFor(model, type)?.value,
    ptuReservationMonthlyUsd: ptuReservationMonthlyUsdFor(model, type)?.value,
    paygInputPer1M: payg?.input,
    paygOutputPer1M: payg?.output,
  };
}
