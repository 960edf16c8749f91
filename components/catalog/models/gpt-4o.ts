/**
 * gpt-4o and gpt-4o-mini, as the schedule of 2026-09-02 lists them: gpt-4o 2024-05-13 Deprecated
 * (retired 2026-10-01), 2024-08-06 Deprecated and 2024-11-20 Legacy (both retiring 2027-04-14),
 * replaced by gpt-5.1; gpt-4o-mini 2024-07-18 Deprecated (2027-04-14), replaced by gpt-4.1-mini in
 * the retirement table. Token prices are those of gpt-4o 2024-11-20.
 */
import { deploymentTypes } from "../deployment-types";
import { ModelInfo } from "../types";
import { provisionedTypes, ptuHourly, ptuSizes, published, scheduled, sourced, tokenPrices } from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability, retirementTable } from "./sources";

const allTypes = sourced(deploymentTypes, regionAvailability);

export const gpt4oModels: readonly ModelInfo[] = [
  {
    name: "gpt-4o",
    format: "OpenAI",
    versions: [
      scheduled("2024-05-13", "Deprecated", "2026-10-01", published("gpt-5.1")),
      scheduled("2024-08-06", "Deprecated", "2027-04-14", published("gpt-5.1")),
      scheduled("2024-11-20", "Legacy", "2027-04-14", published("gpt-5.1")),
    ],
    // Structured outputs from 2024-08-06 on; 2024-05-13 has JSON mode only.
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow: sourced(128_000, modelCapabilities),
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 50, regionalStep: 50, inputTpmPerPtu: 2_500 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 2.5, cachedInput: 1.25, output: 10.0 },
      DataZoneStandard: { input: 2.75, cachedInput: 1.375, output: 11.0 },
      GlobalBatch: { input: 1.25, output: 5.0 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-4o-mini",
    format: "OpenAI",
    versions: [
      scheduled("2024-07-18", "Deprecated", "2027-04-14", published("gpt-4.1-mini", retirementTable)),
    ],
    capabilities: sourced(["chat", "vision", "tools"], modelCapabilities),
    contextWindow: sourced(128_000, modelCapabilities),
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 37_000 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.15, cachedInput: 0.075, output: 0.6 },
      DataZoneStandard: { input: 0.165, cachedInput: 0.083, output: 0.66 },
      GlobalBatch: { input: 0.075, output: 0.3 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
];
