/** Third-generation embedding models. Version "1" of both is GA and retires on 2028-02-09 (schedule of 2026-09-02). */
import { ModelInfo } from "../types";
import { scheduled, sourced, tokenPrices } from "./build";
import { modelCapabilities, regionAvailability } from "./sources";

function version1() {
  return scheduled("1", "GA", "2028-02-09");
}

export const embeddingModels: readonly ModelInfo[] = [
  {
    name: "text-embedding-3-large",
    format: "OpenAI",
    versions: [version1()],
    capabilities: sourced(["embeddings"], modelCapabilities),
    /** Maximum request: 8,192 tokens; 3,072 output dimensions. */
    contextWindow: sourced(8_192, modelCapabilities),
    deploymentTypes: sourced(["Standard", "GlobalStandard", "DataZoneStandard"], regionAvailability),
    prices: tokenPrices({
      GlobalStandard: { input: 0.13 },
      DataZoneStandard: { input: 0.143 },
    }),
  },
  {
    name: "text-embedding-3-small",
    format: "OpenAI",
    versions: [version1()],
    capabilities: sourced(["embeddings"], modelCapabilities),
    /** Maximum request: 8,192 tokens; 1,536 output dimensions. */
    contextWindow: sourced(8_192, modelCapabilities),
    deploymentTypes: sourced(["Standard", "GlobalStandard", "DataZoneStandard"], regionAvailability),
    prices: tokenPrices({
      GlobalStandard: { input: 0.02 },
      DataZoneStandard: { input: 0.022 },
    }),
  },
];
