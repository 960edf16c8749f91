/**
 * Model router: one deployment that routes each prompt to one of several underlying models. Only
 * version 2025-11-18 takes routing settings (mode and model subset). Its context window is the
 * smallest underlying model's, so the catalog leaves it out. Routing itself has no Retail Prices
 * meter in the sources, so prices are left out too.
 */
import { ModelInfo, RoutableModel } from "../types";
import { sourced } from "./build";
import { modelRouterConcepts, modelRouterModels, retirementSchedule } from "./sources";

const openai = (name: string, version: string): RoutableModel => ({ format: "OpenAI", name, version });

const v20250519: readonly RoutableModel[] = [
  openai("gpt-4.1", "2025-04-14"),
  openai("gpt-4.1-mini", "2025-04-14"),
  openai("gpt-4.1-nano", "2025-04-14"),
  openai("o4-mini", "2025-04-16"),
];

const v20250807: readonly RoutableModel[] = [
  ...v20250519,
  openai("gpt-5", "2025-08-07"),
  openai("gpt-5-mini", "2025-08-07"),
  openai("gpt-5-nano", "2025-08-07"),
  openai("gpt-5-chat", "2025-08-07"),
];

const v20251118: readonly RoutableModel[] = [
  // Learn spells these two "gpt-4.0" and "gpt-4.0-mini"; the versions are gpt-4o's and gpt-4o-mini's.
  openai("gpt-4o", "2024-11-20"),
  openai("gpt-4o-mini", "2024-07-18"),
  ...v20250519,
  openai("gpt-5-nano", "2025-08-07"),
  openai("gpt-5-mini", "2025-08-07"),
  openai("gpt-5", "2025-08-07"),
  openai("gpt-5-chat", "2025-08-07"),
  openai("gpt-5.2", "2025-12-11"),
  openai("gpt-5.2-chat", "2025-12-11"),
  openai("gpt-5.3-chat", "2026-03-03"),
  openai("gpt-5.4-nano", "2026-03-17"),
  openai("gpt-5.4-mini", "2026-03-17"),
  openai("gpt-5.4", "2026-03-05"),
  openai("gpt-5.5", "2026-04-24"),
  // Preview routing support.
  { format: "DeepSeek", name: "Deepseek-V3.1", version: "1" },
  { format: "DeepSeek", name: "Deepseek-V3.2", version: "1" },
  openai("gpt-oss-120b", "1"),
  { format: "Meta", name: "Llama-4-Maverick-17B-128E-Instruct-FP8", version: "1" },
  { format: "xAI", name: "grok-4", version: "1" },
  { format: "xAI", name: "grok-4-fast-reasoning", version: "1" },
  // Preview; must be deployed in the same account before the router can use them.
  { format: "Anthropic", name: "claude-haiku-4-5", version: "20251001" },
  { format: "Anthropic", name: "claude-sonnet-4-5", version: "20250929" },
  { format: "Anthropic", name: "claude-opus-4-1", version: "20250805" },
  { format: "Anthropic", name: "claude-opus-4-6", version: "1" },
  { format: "Anthropic", name: "claude-opus-4-7", version: "1" },
];

export const modelRouterModelsInfo: readonly ModelInfo[] = [
  {
    name: "model-router",
    format: "OpenAI",
    versions: [
      {
        version: "2025-05-19",
        lifecycle: sourced("Preview", retirementSchedule),
        retirementDate: sourced("2026-08-30", retirementSchedule),
        routes: sourced(v20250519, modelRouterModels),
        routingConfigurable: sourced(false, modelRouterConcepts),
      },
      {
        version: "2025-08-07",
        lifecycle: sourced("Preview", retirementSchedule),
        retirementDate: sourced("2026-08-30", retirementSchedule),
        routes: sourced(v20250807, modelRouterModels),
        routingConfigurable: sourced(false, modelRouterConcepts),
      },
      {
        version: "2025-11-18",
        lifecycle: sourced("GA", retirementSchedule),
        retirementDate: sourced("2027-05-20", retirementSchedule),
        routes: sourced(v20251118, modelRouterModels),
        routingConfigurable: sourced(true, modelRouterConcepts),
      },
    ],
    capabilities: sourced(["chat", "routing", "vision"], modelRouterConcepts),
    deploymentTypes: sourced(["GlobalStandard", "DataZoneStandard"], modelRouterConcepts),
  },
];
