/**
 * Chargeback: the price a team's tokens are charged at. Tokens a team sends through the gateway are
 * priced at the pay-as-you-go list price of the deployment type its model is served on (tokens that
 * land on provisioned throughput are shown at that list price too: a showback of what the team
 * would pay without the shared PTUs).
 */
import { DeploymentType, isProvisioned, ProvisionedType, standardTypeFor, tokenPricesFor } from "../catalog";

/** USD per 1M prompt and completion tokens of one model, for chargeback. */
export interface ModelTokenPrice {
  /** Model name. */
  readonly model: string;
  /** The pay-as-you-go deployment type the prices are of. */
  readonly type: DeploymentType;
  /** USD per 1M prompt tokens. */
  readonly inputPer1M: number;
  /** USD per 1M completion tokens. */
  readonly outputPer1M: number;
}

/**
 * The chargeback price of each model, from the deployment types that serve it: the first
 * pay-as-you-go type among them (a provisioned type counts as its standard twin), in the order given.
 * Models the catalog has no price for are left out (the query then shows their tokens as unpriced).
 */
export function chargebackPrices(
  served: readonly { model: string; type: DeploymentType }[],
): ModelTokenPrice[] {
  const out = new Map<string, ModelTokenPrice>();
  for (const { model, type } of served) {
    if (out.has(model)) {
      continue;
    }
    const payg = isProvisioned(type) ? standardTypeFor(type as ProvisionedType) : type;
    const prices = tokenPricesFor(model, payg)?.value;
    if (prices) {
      out.set(model, { model, type: payg, inputPer1M: prices.input, outputPer1M: prices.output ?? 0 });
    }
  }
  return [...out.values()].sort((a, b) => a.model.localeCompare(b.model));
}

/** What `prompt` and `completion` tokens of a model cost at its chargeback price. */
export function teamTokenCost(
  price: ModelTokenPrice,
  promptTokens: number,
  completionTokens: number,
): number {
  return (promptTokens * price.inputPer1M + completionTokens * price.outputPer1M) / 1_000_000;
}
