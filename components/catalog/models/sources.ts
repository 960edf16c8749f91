/**
 * The public sources the catalog's values come from. `asOf` is the date the source states for the
 * table a value was read from or, where that date is missing or stale, the day it was read.
 */
import { Source } from "../types";

/** Lifecycle stage and retirement date per model version (Azure OpenAI and Microsoft tables). */
export const retirementSchedule: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirement-schedule",
  asOf: "2026-07-07",
};

/** Capabilities and context windows of the Azure OpenAI models. */
export const modelCapabilities: Source = {
  url: "https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure",
  asOf: "2026-06-11",
};

/**
 * Which deployment types each model version is offered on: the region tables per deployment type
 * (Global Standard, Data Zone Standard, Standard, Global/Data Zone Batch, Global/Data Zone/Regional
 * Provisioned). A type counts as offered when at least one region lists the model.
 */
export const regionAvailability: Source = {
  url: "https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure-region-availability",
  asOf: "2026-11-25",
};

/** PTU minimums, scale increments, input TPM per PTU and the output-token throughput ratio. */
export const ptuOnboarding: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/how-to/provisioned-throughput-onboarding",
  asOf: "2026-04-07",
};

/**
 * Token prices and PTU hourly prices, East US 2, from the Azure Retail Prices API (snapshot in
 * nikklavzar/azure-genai-prices `src/azure_genai_prices/data/snapshot.json`).
 */
export const retailPrices: Source = {
  url: "https://prices.azure.com/api/retail/prices",
  asOf: "2026-07-31",
};

/** Model router: the models each router version routes to. */
export const modelRouterModels: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/how-to/model-router#supported-models",
  asOf: "2026-11-25",
};

/**
 * Model router: deployment types (Global Standard, Data Zone Standard) and which versions take
 * routing settings ("the latest version" supports routing mode and model subsets).
 */
export const modelRouterConcepts: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/concepts/model-router",
  asOf: "2026-08-12",
};
