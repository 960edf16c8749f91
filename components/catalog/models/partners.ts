/**
 * Foundry Models sold directly by Azure from other publishers: DeepSeek, Meta, Mistral AI, xAI and
 * OpenAI's open-weight gpt-oss. Billed through the Azure subscription and supported by Microsoft,
 * unlike the partner and community models of Azure Marketplace (Phi, Anthropic, Cohere, ...), which
 * the catalog does not hold; declare those as custom models.
 *
 * Formats (`properties.model.format`) as Azure's Foundry Models deployment sample spells them
 * (`modelFormats` in sources.ts).
 *
 * Deployment types: the Learn page offers these models "for standard deployment to a Foundry
 * resource", and its examples deploy them as Global Standard; Data Zone and provisioned types are
 * not recorded because no source the catalog reads lists them for these versions (the PTU tables
 * cover only DeepSeek-R1, DeepSeek-V3-0324, DeepSeek-R1-0528 and Llama-3.3-70B-Instruct, all
 * retired or without a published version). No Retail Prices snapshot the catalog reads holds their
 * token meters, so prices are absent; gpt-oss-120b's are from the snapshot.
 */
import { ModelInfo } from "../types";
import { scheduled, sourced, tokenPrices } from "./build";
import { partnerModels, retirementSchedule } from "./sources";

const globalStandard = sourced(["GlobalStandard"] as const, partnerModels);

export const partnerModelsInfo: readonly ModelInfo[] = [
  {
    name: "DeepSeek-V3.2",
    format: "DeepSeek",
    versions: [scheduled("1", "GA")],
    capabilities: sourced(["chat", "reasoning", "tools"], partnerModels),
    contextWindow: sourced(128_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "DeepSeek-V4-Pro",
    format: "DeepSeek",
    versions: [scheduled("2026-04-23", "GA", "2028-02-20")],
    capabilities: sourced(["chat", "reasoning", "tools"], partnerModels),
    /** Input: 1,000,000 tokens; output: 384,000. */
    contextWindow: sourced(1_000_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "DeepSeek-V4-Flash",
    format: "DeepSeek",
    // The schedule names DeepSeek-V4-Flash-0731 as replacement: a Preview that retired on
    // 2026-12-03, earlier than this version, so no successor is recorded.
    versions: [scheduled("2026-04-23", "GA", "2028-02-20")],
    capabilities: sourced(["chat", "reasoning", "tools"], partnerModels),
    contextWindow: sourced(1_000_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "Llama-4-Maverick-17B-128E-Instruct-FP8",
    format: "Meta",
    // The schedule lists the model as GA without a version; the model router lists version 1.
    versions: [
      {
        version: "1",
        lifecycle: sourced("GA", retirementSchedule),
      },
    ],
    // Text and images in, text out; no tool calling.
    capabilities: sourced(["chat", "vision"], partnerModels),
    contextWindow: sourced(1_000_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "Mistral-Large-3",
    format: "Mistral AI",
    versions: [scheduled("1", "Preview")],
    capabilities: sourced(["chat", "vision", "tools"], partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "grok-4",
    format: "xAI",
    versions: [scheduled("1", "GA")],
    capabilities: sourced(["chat", "tools"], partnerModels),
    contextWindow: sourced(262_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "grok-4-1-fast-reasoning",
    format: "xAI",
    versions: [scheduled("1", "GA")],
    capabilities: sourced(["chat", "reasoning", "vision", "tools"], partnerModels),
    contextWindow: sourced(128_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "grok-4-1-fast-non-reasoning",
    format: "xAI",
    versions: [scheduled("1", "GA")],
    capabilities: sourced(["chat", "vision", "tools"], partnerModels),
    contextWindow: sourced(128_000, partnerModels),
    deploymentTypes: globalStandard,
  },
  {
    name: "gpt-oss-120b",
    // Learn's deployment example uses `--model-format "OpenAI-OSS"` and Global Standard.
    format: "OpenAI-OSS",
    versions: [scheduled("1", "GA")],
    capabilities: sourced(["chat", "reasoning", "tools", "structuredOutput"], partnerModels),
    contextWindow: sourced(131_072, partnerModels),
    deploymentTypes: globalStandard,
    prices: tokenPrices({ GlobalStandard: { input: 0.15, output: 0.6 } }),
  },
];
