/**
 * The GPT-4.1 series: gpt-4.1, gpt-4.1-mini, gpt-4.1-nano. The schedule of 2026-09-02 lists version
 * 2025-04-14 of all three as Legacy, retiring on 2027-04-14 (the schedule of 2026-07-07 said
 * Deprecated, 2026-10-14; the newer one wins). Replacements from the retirement table: gpt-5,
 * gpt-5-mini, gpt-5-nano (which retire earlier; `successorOf` skips on to their successors).
 */
import { deploymentTypes } from "../deployment-types";
import { ModelInfo } from "../types";
import { provisionedTypes, ptuHourly, ptuSizes, published, scheduled, sourced, tokenPrices } from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability, retirementTable } from "./sources";

function version20250414(replacement: string) {
  return scheduled("2025-04-14", "Legacy", "2027-04-14", published(replacement, retirementTable));
}

/** Every deployment type: the series is listed in each region table. */
const allTypes = sourced(deploymentTypes, regionAvailability);

/**
 * 1,047,576 tokens; Learn adds that standard deployments accept 300,000 and provisioned and batch
 * deployments 128,000.
 */
const contextWindow = sourced(1_047_576, modelCapabilities);

export const gpt41Models: readonly ModelInfo[] = [
  {
    name: "gpt-4.1",
    format: "OpenAI",
    versions: [version20250414("gpt-5")],
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow,
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 50, regionalStep: 50, inputTpmPerPtu: 3_000 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 2.0, cachedInput: 0.5, output: 8.0 },
      DataZoneStandard: { input: 2.2, cachedInput: 0.55, output: 8.8 },
      GlobalBatch: { input: 1.0, output: 4.0 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-4.1-mini",
    format: "OpenAI",
    versions: [version20250414("gpt-5-mini")],
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow,
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 14_900 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.4, cachedInput: 0.1, output: 1.6 },
      DataZoneStandard: { input: 0.44, cachedInput: 0.11, output: 1.76 },
      GlobalBatch: { input: 0.2, output: 0.8 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-4.1-nano",
    format: "OpenAI",
    versions: [version20250414("gpt-5-nano")],
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow,
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 59_400 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.1, cachedInput: 0.025, output: 0.4 },
      DataZoneStandard: { input: 0.11, cachedInput: 0.028, output: 0.44 },
      GlobalBatch: { input: 0.05, output: 0.2 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
];
