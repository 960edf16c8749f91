/** Pricing the services next to the models: the API Management gateway and the Log Analytics workspace. */
import { apimUnitHourlyUsd, logAnalyticsUsdPerGb } from "../catalog";
import { Pricing } from "./deployment";
import { count, hoursPerMonth, unitPrice } from "./units";

/** An API Management service: `units × price per unit-hour × 730 h`. */
export function priceGateway(sku: string | undefined, capacity: number | undefined): Pricing {
  const kind = "api-management";
  if (sku === undefined) {
    return { priced: false, kind, why: "sku.name is not set" };
  }
  const price = apimUnitHourlyUsd(sku);
  if (!price) {
    return {
      priced: false,
      kind,
      why: `the catalog has no unit price for the ${sku} tier (it prices BasicV2, StandardV2 and PremiumV2)`,
    };
  }
  const units = capacity ?? 1;
  return {
    priced: true,
    kind,
    monthlyUsd: units * price.value * hoursPerMonth,
    basis: `${units} ${sku} unit${units === 1 ? "" : "s"} × ${unitPrice(price.value)}/unit-hour × ${hoursPerMonth} h (requests beyond the tier's included calls not counted)`,
  };
}

/**
 * A Log Analytics workspace, from its daily ingestion cap: at most `cap × 730/24 days × price per GB`.
 * Workspace-based Application Insights and diagnostic settings ingest into it, so this covers them.
 * Without a cap ingestion is unbounded and cannot be priced from the configuration.
 */
export function priceWorkspace(skuName: string | undefined, dailyCapGb: number | undefined): Pricing {
  const kind = "log-analytics";
  if (skuName !== undefined && skuName.toLowerCase() !== "pergb2018") {
    return {
      priced: false,
      kind,
      why: `the catalog prices pay-as-you-go (PerGB2018) ingestion, not the ${skuName} tier`,
    };
  }
  if (dailyCapGb === undefined || !(dailyCapGb > 0)) {
    return {
      priced: false,
      kind,
      why: "no daily ingestion cap (workspaceCapping.dailyQuotaGb): ingestion is unbounded; set observability.dailyCapGb to price it",
    };
  }
  const price = logAnalyticsUsdPerGb();
  const days = hoursPerMonth / 24;
  return {
    priced: true,
    kind,
    monthlyUsd: dailyCapGb * days * price.value,
    basis: `at most: daily cap ${count(dailyCapGb)} GB × ${count(days)} days × ${unitPrice(price.value)}/GB ingested (Application Insights and diagnostic logs land here; the monthly free grant is not deducted)`,
  };
}
