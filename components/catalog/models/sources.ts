/**
 * The public sources the catalog's values come from. `asOf` is the date the source states for the
 * table a value was read from or, where that date is missing or stale, the day it was read.
 */
import { Source } from "../types";

/**
 * Lifecycle stage, retirement date and replacement per model version (Azure OpenAI and the other
 * Foundry Models sold by Azure). The rendered page as updated on 2026-09-02.
 */
export const retirementSchedule: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirement-schedule",
  asOf: "2026-09-02",
};

/**
 * The Azure OpenAI retirement table with its "Replacement Model" column (gpt-4.1 → gpt-5, ...):
 * `articles/foundry/openai/includes/retirement/models.md` of MicrosoftDocs/azure-ai-docs, whose
 * stated date (2025-12-16) is older than rows it holds; read on 2026-12-03. Used only for
 * replacements the newer schedule leaves blank.
 */
export const retirementTable: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirements",
  asOf: "2026-12-03",
};

/**
 * What the lifecycle stages mean: Legacy (newer models exist, new deployments still allowed until
 * deprecation), Deprecated (no new customers), Retired (deployments return errors).
 */
export const lifecyclePolicy: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirements",
  asOf: "2026-12-03",
};

/**
 * The catalog's own successor choice where no replacement is published: among the newer GA models
 * of the same line and size (flagship, mini, nano) whose facts the catalog holds, the one that
 * retires last, if it retires after the version it replaces. Derived from the retirement schedule.
 */
export const catalogChoice: Source = {
  url: "https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirement-schedule",
  asOf: "2026-09-02",
};

/** Capabilities and context windows of the Azure OpenAI models. */
export const modelCapabilities: Source = {
  url: "https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure",
  asOf: "2026-06-11",
};

/** Capabilities and context windows of the other Foundry Models sold by Azure (DeepSeek, Meta, Mistral, xAI, ...). */
export const partnerModels: Source = {
  url: "https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure?pivots=azure-direct-others",
  asOf: "2026-10-05",
};

/**
 * `properties.model.format` per publisher (`DeepSeek`, `Meta`, `Microsoft`, `Mistral AI`, `xAI`,
 * `OpenAI`, ...), as the Azure sample for Foundry Models deployments spells them
 * (`infra/modules/ai-services-deployment-template.bicep`).
 */
export const modelFormats: Source = {
  url: "https://github.com/Azure-Samples/azureai-model-inference-bicep/blob/main/infra/modules/ai-services-deployment-template.bicep",
  asOf: "2026-12-03",
};

/**
 * Which deployment types each model version is offered on: the region tables per deployment type
 * (Global Standard, Data Zone Standard, Standard, Global/Data Zone Batch, Global/Data Zone/Regional
 * Provisioned). A type counts as offered when at least one region lists the model.
 */
export const regionAvailability: Source = {
  url: "https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure-region-availability",
  asOf: "2026-09-03",
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
