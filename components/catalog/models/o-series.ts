/**
 * Reasoning models of the o-series. The schedule of 2026-09-02: o3 GA, retired 2026-10-21, replaced
 * by gpt-5.6-sol (not catalogued yet); o4-mini Deprecated, retired 2026-10-16 (no replacement
 * published; the catalog names gpt-5.4-mini); o3-pro GA until 2026-12-17 (the catalog names
 * gpt-5.5: Global Standard only, like o3-pro). They stay in the catalog so that deployments of them
 * are reported as retired, with their successor, rather than as unknown.
 */
import { deploymentTypes } from "../deployment-types";
import { ModelInfo } from "../types";
import {
  chosen,
  provisionedTypes,
  ptuHourly,
  ptuSizes,
  published,
  scheduled,
  sourced,
  tokenPrices,
} from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability } from "./sources";

const reasoning = sourced(
  ["chat", "reasoning", "vision", "tools", "structuredOutput"] as const,
  modelCapabilities,
);

export const oSeriesModels: readonly ModelInfo[] = [
  {
    name: "o3",
    format: "OpenAI",
    versions: [scheduled("2025-04-16", "GA", "2026-10-21", published("gpt-5.6-sol"))],
    capabilities: reasoning,
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
    name: "o3-pro",
    format: "OpenAI",
    versions: [scheduled("2025-06-10", "GA", "2026-12-17", chosen("gpt-5.5"))],
    // Responses API only; structured outputs, text and image, functions and tools.
    capabilities: sourced(["reasoning", "vision", "tools", "structuredOutput"], modelCapabilities),
    /** Input: 200,000 tokens; output: 100,000. */
    contextWindow: sourced(200_000, modelCapabilities),
    deploymentTypes: sourced(["GlobalStandard"], regionAvailability),
    prices: tokenPrices({ GlobalStandard: { input: 20.0, output: 80.0 } }),
  },
  {
    name: "o4-mini",
    format: "OpenAI",
    versions: [scheduled("2025-04-16", "Deprecated", "2026-10-16", chosen("gpt-5.4-mini"))],
    capabilities: reasoning,
    contextWindow: sourced(200_000, modelCapabilities),
    deploymentTypes: sourced(deploymentTypes, regionAvailability),
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 5_400 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(4, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 1.1, cachedInput: 0.275, output: 4.4 },
      DataZoneStandard: { input: 1.21, cachedInput: 0.303, output: 4.84 },
      GlobalBatch: { input: 0.55, output: 2.2 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
];
