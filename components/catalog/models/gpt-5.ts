/** The GPT-5 series: gpt-5, gpt-5-mini, gpt-5-nano. */
import { ModelInfo } from "../types";
import { ptuHourly, ptuSizes, sourced, tokenPrices } from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability, retirementSchedule } from "./sources";

/** All three were released as version 2025-08-07, GA, retiring on 2027-02-06. */
function version20250807() {
  return {
    version: "2025-08-07",
    lifecycle: sourced("GA" as const, retirementSchedule),
    retirementDate: sourced("2027-02-06", retirementSchedule),
  };
}

export const gpt5Models: readonly ModelInfo[] = [
  {
    name: "gpt-5",
    format: "OpenAI",
    versions: [version20250807()],
    capabilities: sourced(["chat", "reasoning", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow: sourced(400_000, modelCapabilities),
    deploymentTypes: sourced(
      [
        "GlobalStandard",
        "DataZoneStandard",
        "GlobalBatch",
        "DataZoneBatch",
        "GlobalProvisionedManaged",
        "DataZoneProvisionedManaged",
        "ProvisionedManaged",
      ],
      regionAvailability,
    ),
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 50, regionalStep: 50, inputTpmPerPtu: 4_750 },
      ["GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged"],
    ),
    outputTokenWeight: sourced(8, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 1.25, cachedInput: 0.125, output: 10.0 },
      DataZoneStandard: { input: 1.375, cachedInput: 0.1375, output: 11.0 },
      GlobalBatch: { input: 0.625, output: 5.0 },
    }),
    ptuHourlyUsd: ptuHourly(["GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged"]),
  },
  {
    name: "gpt-5-mini",
    format: "OpenAI",
    versions: [version20250807()],
    capabilities: sourced(["chat", "reasoning", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow: sourced(400_000, modelCapabilities),
    deploymentTypes: sourced(
      [
        "GlobalStandard",
        "DataZoneStandard",
        "GlobalProvisionedManaged",
        "DataZoneProvisionedManaged",
        "ProvisionedManaged",
      ],
      regionAvailability,
    ),
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 23_750 },
      ["GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged"],
    ),
    outputTokenWeight: sourced(8, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.25, cachedInput: 0.025, output: 2.0 },
      DataZoneStandard: { input: 0.275, cachedInput: 0.0275, output: 2.2 },
    }),
    ptuHourlyUsd: ptuHourly(["GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged"]),
  },
  {
    name: "gpt-5-nano",
    format: "OpenAI",
    versions: [version20250807()],
    capabilities: sourced(["chat", "reasoning", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow: sourced(400_000, modelCapabilities),
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard"], regionAvailability),
    prices: tokenPrices({
      GlobalStandard: { input: 0.05, cachedInput: 0.005, output: 0.4 },
      DataZoneStandard: { input: 0.055, cachedInput: 0.0055, output: 0.44 },
    }),
  },
];
