/**
 * Load on provisioned throughput. Learn, "Provisioned throughput unit (PTU) costs and billing": one
 * output token counts as `outputWeight` input tokens against a deployment's capacity (8 for gpt-5,
 * 4 for gpt-4.1), cached tokens are deducted 100% from utilization, and a PTU serves the model's
 * published input tokens per minute
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/provisioned-throughput-onboarding).
 */
import { DeploymentType, isProvisioned, outputTokenWeightOf, ptuSizing } from "../catalog";
import { TokenRate } from "./traffic";

/** Weighted tokens per minute: `input + outputWeight × output`. */
export function weightedTpm(inputTpm: number, outputTpm: number, outputWeight: number): number {
  return inputTpm + outputWeight * outputTpm;
}

/** The share of a demand `w` above capacity `c`: `max(0, w − c) / w`, 0 when there is no demand. */
export function spillShare(w: number, c: number): number {
  return w > 0 ? Math.max(0, w - c) / w : 0;
}

/** How a rate loads a provisioned deployment of `ptus` PTUs. */
export interface PtuLoad {
  /** Weighted demand in input tokens per minute (cached input not counted). */
  readonly demandTpm: number;
  /** Capacity in input tokens per minute. */
  readonly capacityTpm: number;
  /** Demand over capacity (1 = full). */
  readonly utilization: number;
  /** Share of the requests above capacity (0 when it fits). */
  readonly spill: number;
}

/** The load of `rate` on `ptus` PTUs of `model`; undefined when the catalog lacks its TPM per PTU or output weight. */
export function ptuLoad(
  model: string,
  type: DeploymentType,
  ptus: number,
  rate: TokenRate,
): PtuLoad | undefined {
  const perPtu = isProvisioned(type) ? ptuSizing(model, type)?.inputTpmPerPtu : undefined;
  const weight = outputTokenWeightOf(model);
  if (perPtu === undefined || weight === undefined) {
    return undefined;
  }
  const demandTpm = weightedTpm(
    rate.inputTokensPerMinute - rate.cachedInputTokensPerMinute,
    rate.outputTokensPerMinute,
    weight,
  );
  const capacityTpm = ptus * perPtu;
  return {
    demandTpm,
    capacityTpm,
    utilization: capacityTpm > 0 ? demandTpm / capacityTpm : Infinity,
    spill: spillShare(demandTpm, capacityTpm),
  };
}
