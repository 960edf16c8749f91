/**
 * The GPT-5 series: gpt-5, gpt-5-mini, gpt-5-nano, all version 2025-08-07, GA, retiring on
 * 2027-02-09. No replacement is published; the catalog's successors (see `catalogChoice`) are
 * gpt-5.4 for gpt-5 (gpt-5.5 retires later but offers no batch), gpt-5.4-mini and gpt-5.4-nano.
 */
import { ModelInfo } from "../types";
import { chosen, provisionedTypes, ptuHourly, ptuSizes, scheduled, sourced, tokenPrices } from "./build";
import { modelCapabilities, ptuOnboarding, regionAvailability } from "./sources";

/** Reasoning, chat and responses APIs, structured outputs, text and image, tools (the whole GPT-5 line). */
export const reasoningChat = sourced(
  ["chat", "reasoning", "vision", "tools", "structuredOutput"] as const,
  modelCapabilities,
);

/** 400,000 tokens (272,000 in, 128,000 out). */
export const window400k = sourced(400_000, modelCapabilities);

export const gpt5Models: readonly ModelInfo[] = [
  {
    name: "gpt-5",
    format: "OpenAI",
    versions: [scheduled("2025-08-07", "GA", "2027-02-09", chosen("gpt-5.4"))],
    capabilities: reasoningChat,
    contextWindow: window400k,
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
      provisionedTypes,
    ),
    outputTokenWeight: sourced(8, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 1.25, cachedInput: 0.125, output: 10.0 },
      DataZoneStandard: { input: 1.375, cachedInput: 0.1375, output: 11.0 },
      GlobalBatch: { input: 0.625, output: 5.0 },
      DataZoneBatch: { input: 0.6875, output: 5.5 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-5-mini",
    format: "OpenAI",
    versions: [scheduled("2025-08-07", "GA", "2027-02-09", chosen("gpt-5.4-mini"))],
    capabilities: reasoningChat,
    contextWindow: window400k,
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard", ...provisionedTypes], regionAvailability),
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 25, regionalStep: 25, inputTpmPerPtu: 23_750 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(8, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 0.25, cachedInput: 0.025, output: 2.0 },
      DataZoneStandard: { input: 0.275, cachedInput: 0.0275, output: 2.2 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-5-nano",
    format: "OpenAI",
    versions: [scheduled("2025-08-07", "GA", "2027-02-09", chosen("gpt-5.4-nano"))],
    capabilities: reasoningChat,
    contextWindow: window400k,
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard"], regionAvailability),
    prices: tokenPrices({
      GlobalStandard: { input: 0.05, cachedInput: 0.005, output: 0.4 },
      DataZoneStandard: { input: 0.055, cachedInput: 0.0055, output: 0.44 },
    }),
  },
];
