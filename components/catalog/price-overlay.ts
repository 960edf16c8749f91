/**
 * Refreshed prices: the overlay `npm run prices` writes (`prices.json`) over the prices of the model
 * files. Each value carries the Retail Prices meter it was read from, the region and the as-of date;
 * a value the overlay lacks falls back to the model file's, never to nothing.
 */
import { DeploymentType } from "./deployment-types";
import overlayJson from "./prices.json";
import { ProvisionedType, Source } from "./types";

/** One price read from the Azure Retail Prices API. */
export interface PricePoint {
  /** USD per the field's unit (per 1M tokens, per PTU-hour, per PTU-month, per unit-hour, per GB). */
  readonly usd: number;
  /** ISO date the price was read on. */
  readonly asOf: string;
  /** `armRegionName` of the meter. */
  readonly region: string;
  /** `meterName` of the item the price came from. */
  readonly meter: string;
}

export type TokenPriceField = "input" | "cachedInput" | "output";
export type ProvisionedPriceField = "hourly" | "reservationMonthly";

/** The overlay file's shape. */
export interface PriceOverlay {
  readonly about?: string;
  /** USD per 1M tokens by model, deployment type and field. */
  readonly tokens: Readonly<
    Record<string, Partial<Record<DeploymentType, Partial<Record<TokenPriceField, PricePoint>>>>>
  >;
  /** Model-independent provisioned prices by provisioned type: per PTU-hour, per PTU-month (1-month reservation). */
  readonly provisioned: Partial<Record<ProvisionedType, Partial<Record<ProvisionedPriceField, PricePoint>>>>;
  /** API Management: USD per unit-hour by gateway SKU (`BasicV2`, `StandardV2`, ...). */
  readonly apimUnitHourly: Readonly<Record<string, PricePoint>>;
  /** Log Analytics Analytics-logs ingestion, USD per GB. */
  readonly logAnalyticsPerGb?: PricePoint;
}

/** The Retail Prices API endpoint every overlay value was read from. */
export const retailPricesApi = "https://prices.azure.com/api/retail/prices";

/** The overlay in effect (the committed `prices.json`). */
export const priceOverlay: PriceOverlay = overlayJson as PriceOverlay;

/** Where an overlay value comes from, as a catalog source. */
export function overlaySource(points: readonly PricePoint[]): Source {
  const oldest = [...points].sort((a, b) => a.asOf.localeCompare(b.asOf))[0];
  const regions = [...new Set(points.map((p) => p.region))].sort().join(",");
  return { url: `${retailPricesApi} (armRegionName ${regions})`, asOf: oldest.asOf };
}
