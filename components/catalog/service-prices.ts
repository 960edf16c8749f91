/**
 * Prices of the services next to the models that a plan prices: PTU reservations (model-independent,
 * per provisioned type), API Management units and Log Analytics ingestion. USD, East US 2 list
 * prices from the Azure Retail Prices API; `npm run prices` refreshes them into the overlay.
 */
import { sourced } from "./models/build";
import { ProvisionedType, Source, Sourced } from "./types";

/**
 * Provisioned throughput reservations: product "Azure AI Foundry Provisioned Throughput Reservation",
 * `type` Reservation, `reservationTerm` "1 Month" (the item's `retailPrice` is the whole term). Learn
 * "Provisioned throughput unit (PTU) costs and billing": reservations are bought per deployment type
 * (Global, Data Zone, Regional), are model-independent, and PTUs beyond them bill hourly
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/provisioned-throughput-onboarding).
 */
const ptuReservations: Source = {
  url: "https://prices.azure.com/api/retail/prices ($filter=productName eq 'Azure AI Foundry Provisioned Throughput Reservation')",
  asOf: "2025-08-25",
};

/** USD per PTU per month with a one-month reservation, by provisioned type, where the catalog has it. */
export const ptuReservationMonthlyByType: Partial<Record<ProvisionedType, Sourced<number>>> = {
  GlobalProvisionedManaged: sourced(260, ptuReservations),
};

/** API Management v2 tiers: meters "Basic v2 Unit", "Standard v2 Unit", "Premium v2 Unit" (unit of measure "1 Hour"). */
const apimPrices: Source = {
  url: "https://azure.microsoft.com/pricing/details/api-management/ (Retail Prices API, serviceName 'API Management')",
  asOf: "2025-08-25",
};

/** USD per unit-hour of an API Management tier, by the gateway SKU names the platform uses. */
export const apimUnitHourlyBySku: Readonly<Record<string, Sourced<number>>> = {
  BasicV2: sourced(0.205, apimPrices),
  StandardV2: sourced(0.959, apimPrices),
  PremiumV2: sourced(3.836, apimPrices),
};

/** Log Analytics pay-as-you-go Analytics logs ingestion (meter "Analytics Logs Data Ingestion"). */
export const logAnalyticsIngestionPerGb: Sourced<number> = sourced(2.3, {
  url: "https://azure.microsoft.com/pricing/details/monitor/ (Retail Prices API, serviceName 'Log Analytics')",
  asOf: "2025-08-25",
});
