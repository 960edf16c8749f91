/**
 * The GPT-5.x line after gpt-5: gpt-5.1, gpt-5.2, gpt-5.4 (with gpt-5.4-mini and gpt-5.4-nano) and
 * gpt-5.5. Retirement dates from the schedule of 2026-09-02; gpt-5.6-luna/sol/terra are listed
 * there too (GA, retiring 2028-01-11) but their deployment types and prices are not in the sources
 * the catalog reads yet, so they are not catalogued: declare them as custom models meanwhile.
 *
 * Successors where none is published follow `catalogChoice`: gpt-5.1 → gpt-5.4 (the newest that
 * also offers batch and provisioned), gpt-5.2 → gpt-5.5; gpt-5.4, its mini and nano, and gpt-5.5
 * have none yet (nothing newer in the catalog retires later and fits the same shapes).
 *
 * Token prices are the short-context meters (prompts up to 272,000 tokens for gpt-5.4 and gpt-5.5;
 * longer prompts bill at the "longco" meters, which the catalog does not model).
 */
import { ModelInfo } from "../types";
import { chosen, provisionedTypes, ptuHourly, ptuSizes, scheduled, sourced, tokenPrices } from "./build";
import { reasoningChat, window400k } from "./gpt-5";
import { modelCapabilities, ptuOnboarding, regionAvailability } from "./sources";

/** 1,050,000 tokens (922,000 in, 128,000 out). */
const window1050k = sourced(1_050_000, modelCapabilities);

export const gpt5xModels: readonly ModelInfo[] = [
  {
    name: "gpt-5.1",
    format: "OpenAI",
    versions: [scheduled("2025-11-13", "GA", "2027-05-15", chosen("gpt-5.4"))],
    capabilities: reasoningChat,
    contextWindow: window400k,
    // Listed in every region table: Global/Data Zone/Regional standard, batch and provisioned.
    deploymentTypes: sourced(
      ["Standard", "GlobalStandard", "DataZoneStandard", "GlobalBatch", "DataZoneBatch", ...provisionedTypes],
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
    name: "gpt-5.2",
    format: "OpenAI",
    versions: [scheduled("2025-12-11", "GA", "2027-06-08", chosen("gpt-5.5"))],
    capabilities: reasoningChat,
    contextWindow: window400k,
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard", ...provisionedTypes], regionAvailability),
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 50, regionalStep: 50, inputTpmPerPtu: 3_400 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(8, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 1.75, cachedInput: 0.175, output: 14.0 },
      DataZoneStandard: { input: 1.925, cachedInput: 0.1925, output: 15.4 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-5.4",
    format: "OpenAI",
    versions: [scheduled("2026-03-05", "GA", "2027-09-02")],
    capabilities: reasoningChat,
    contextWindow: window1050k,
    deploymentTypes: sourced(
      ["GlobalStandard", "DataZoneStandard", "GlobalBatch", "DataZoneBatch", ...provisionedTypes],
      regionAvailability,
    ),
    // Provisioned gpt-5.4 serves prompts up to 128,000 tokens (no long context).
    ptu: ptuSizes(
      { globalMin: 15, globalStep: 5, regionalMin: 50, regionalStep: 50, inputTpmPerPtu: 2_400 },
      provisionedTypes,
    ),
    outputTokenWeight: sourced(6, ptuOnboarding),
    prices: tokenPrices({
      GlobalStandard: { input: 2.5, cachedInput: 0.25, output: 15.0 },
      DataZoneStandard: { input: 2.75, cachedInput: 0.275, output: 16.5 },
      GlobalBatch: { input: 1.25, cachedInput: 0.13, output: 7.5 },
      DataZoneBatch: { input: 1.375, cachedInput: 0.143, output: 8.25 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-5.4-mini",
    format: "OpenAI",
    versions: [scheduled("2026-03-17", "GA", "2027-09-21")],
    capabilities: reasoningChat,
    contextWindow: window400k,
    // Provisioned types are offered, but the onboarding page publishes no PTU sizing for gpt-5.4-mini.
    deploymentTypes: sourced(
      ["GlobalStandard", "DataZoneStandard", "GlobalBatch", "DataZoneBatch", ...provisionedTypes],
      regionAvailability,
    ),
    prices: tokenPrices({
      GlobalStandard: { input: 0.75, cachedInput: 0.075, output: 4.5 },
      DataZoneStandard: { input: 0.825, cachedInput: 0.0825, output: 4.95 },
      GlobalBatch: { input: 0.375, cachedInput: 0.0375, output: 2.25 },
      DataZoneBatch: { input: 0.4125, cachedInput: 0.04125, output: 2.475 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
  {
    name: "gpt-5.4-nano",
    format: "OpenAI",
    versions: [scheduled("2026-03-17", "GA", "2027-09-21")],
    capabilities: reasoningChat,
    contextWindow: window400k,
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard"], regionAvailability),
    prices: tokenPrices({
      GlobalStandard: { input: 0.2, cachedInput: 0.02, output: 1.25 },
      DataZoneStandard: { input: 0.22, cachedInput: 0.022, output: 1.375 },
    }),
  },
  {
    name: "gpt-5.5",
    format: "OpenAI",
    versions: [scheduled("2026-04-24", "GA", "2027-10-26")],
    capabilities: reasoningChat,
    contextWindow: window1050k,
    // No batch table lists gpt-5.5; no PTU sizing is published for it.
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard", ...provisionedTypes], regionAvailability),
    prices: tokenPrices({
      GlobalStandard: { input: 5.0, cachedInput: 0.5, output: 30.0 },
      DataZoneStandard: { input: 5.5, cachedInput: 0.55, output: 33.0 },
    }),
    ptuHourlyUsd: ptuHourly(provisionedTypes),
  },
];
