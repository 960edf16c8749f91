/**
 * The GPT-4.1 series: gpt-4.1, gpt-4.1-mini, gpt-4.1-nano. The retirement schedule lists version
 * 2025-04-14 of all three as Deprecated, retiring on 2026-10-14 (an earlier schedule, dated
 * 2026-04-23, said 2027-10-14; the newer one wins).
 */
import { deploymentTypes } from "../deployment-types";
import { ModelInfo, ProvisionedType } from "../types";
import { ptuHourly, ptuSizes, sourced, tokenPrices } from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability, retirementSchedule } from "./sources";

function version20250414() {
  return {
    version: "2025-04-14",
    lifecycle: sourced("GA" as const, retirementSchedule),
    retirementDate: sourced("2026-10-14", retirementSchedule),
    deprecated: sourced(true, retirementSchedule),
  };
}

const provisioned: readonly ProvisionedType[] = [
  "GlobalProvisionedManaged",
  "DataZoneProvisionedManaged",
  "ProvisionedManaged",
];

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
    versions: [version20250414()],
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow,
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 50, regionalStep: 50, inputTpmPerPtu: 3_000 },
      provisioned,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 2.0, cachedInput: 0.5, output: 8.0 },
      DataZoneStandard: { input: 2.2, cachedInput: 0.55, output: 8.8 },
      GlobalBatch: { input: 1.0, output: 4.0 },
    }),
    ptuHourlyUsd: ptuHourly(provisioned),
  },
  {
    name: "gpt-4.1-mini",
    format: "OpenAI",
    versions: [version20250414()],
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow,
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 14_900 },
      provisioned,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.4, cachedInput: 0.1, output: 1.6 },
      DataZoneStandard: { input: 0.44, cachedInput: 0.11, output: 1.76 },
      GlobalBatch: { input: 0.2, output: 0.8 },
    }),
    ptuHourlyUsd: ptuHourly(provisioned),
  },
  {
    name: "gpt-4.1-nano",
    format: "OpenAI",
    versions: [version20250414()],
    capabilities: sourced(["chat", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow,
    deploymentTypes: allTypes,
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 59_400 },
      provisioned,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.1, cachedInput: 0.025, output: 0.4 },
      DataZoneStandard: { input: 0.11, cachedInput: 0.028, output: 0.44 },
      GlobalBatch: { input: 0.05, output: 0.2 },
    }),
    ptuHourlyUsd: ptuHourly(provisioned),
  },
];
