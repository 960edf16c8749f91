/**
 * The catalog's model data. Each value cites its source; extend it only with sourced values.
 */
import { ModelInfo, Source } from "./types";

/** Microsoft Learn, "Provisioned throughput onboarding" (PTU minimums, steps, TPM per PTU). */
const ptuOnboarding: Source = {
  url: "https://learn.microsoft.com/azure/ai-foundry/openai/how-to/provisioned-throughput-onboarding",
  asOf: "2026-03-01",
};

export const models: readonly ModelInfo[] = [
  {
    name: "gpt-4.1",
    format: "OpenAI",
    versions: [
      {
        version: "2025-04-14",
        lifecycle: {
          value: "GA",
          source: {
            url: "https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models",
            asOf: "2026-03-01",
          },
        },
      },
    ],
    capabilities: {
      value: ["chat", "vision", "tools", "structuredOutput"],
      source: {
        url: "https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models",
        asOf: "2026-03-01",
      },
    },
    deploymentTypes: {
      value: [
        "Standard",
        "GlobalStandard",
        "DataZoneStandard",
        "GlobalBatch",
        "DataZoneBatch",
        "ProvisionedManaged",
        "GlobalProvisionedManaged",
        "DataZoneProvisionedManaged",
      ],
      source: {
        url: "https://learn.microsoft.com/azure/ai-foundry/openai/concepts/models",
        asOf: "2026-03-01",
      },
    },
    ptu: {
      GlobalProvisionedManaged: { value: { min: 15, step: 5, inputTpmPerPtu: 3000 }, source: ptuOnboarding },
      DataZoneProvisionedManaged: {
        value: { min: 15, step: 5, inputTpmPerPtu: 3000 },
        source: ptuOnboarding,
      },
      ProvisionedManaged: { value: { min: 50, step: 50, inputTpmPerPtu: 3000 }, source: ptuOnboarding },
    },
    outputTokenWeight: { value: 4, source: ptuOnboarding },
  },
];
