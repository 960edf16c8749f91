/** Reasoning models of the o-series: o3 and o4-mini. */
import { deploymentTypes } from "../deployment-types";
import { ModelInfo, ProvisionedType } from "../types";
import { ptuHourly, ptuSizes, sourced, tokenPrices } from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability, retirementSchedule } from "./sources";

const provisioned: readonly ProvisionedType[] = [
  "GlobalProvisionedManaged",
  "DataZoneProvisionedManaged",
  "ProvisionedManaged",
];

export const oSeriesModels: readonly ModelInfo[] = [
  {
    name: "o3",
    format: "OpenAI",
    versions: [
      {
        version: "2025-04-16",
        lifecycle: sourced("GA", retirementSchedule),
        retirementDate: sourced("2026-10-16", retirementSchedule),
      },
    ],
    capabilities: sourced(["chat", "reasoning", "vision", "tools", "structuredOutput"], modelCapabilities),
    /** Input: 200,000 tokens; output: 100,000. */
    contextWindow: sourced(200_000, modelCapabilities),
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
    name: "o4-mini",
    format: "OpenAI",
    versions: [
      {
        version: "2025-04-16",
        lifecycle: sourced("GA", retirementSchedule),
        retirementDate: sourced("2026-10-16", retirementSchedule),
        deprecated: sourced(true, retirementSchedule),
      },
    ],
    capabilities: sourced(["chat", "reasoning", "vision", "tools", "structuredOutput"], modelCapabilities),
    contextWindow: sourced(200_000, modelCapabilities),
    deploymentTypes: sourced(deploymentTypes, regionAvailability),
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 5_400 },
      provisioned,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 1.1, cachedInput: 0.275, output: 4.4 },
      DataZoneStandard: { input: 1.21, cachedInput: 0.303, output: 4.84 },
      GlobalBatch: { input: 0.55, output: 2.2 },
    }),
    ptuHourlyUsd: ptuHourly(provisioned),
  },
];
