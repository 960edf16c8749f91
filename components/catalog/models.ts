/**
 * The catalog's model data, one file per family under `models/`. Each value cites its source
 * (`models/sources.ts`); extend it only with sourced values, and leave out what cannot be sourced.
 */
import { ModelInfo } from "./types";
import { embeddingModels } from "./models/embeddings";
import { gpt41Models } from "./models/gpt-4-1";
import { gpt4oModels } from "./models/gpt-4o";
import { gpt5Models } from "./models/gpt-5";
import { gpt5xModels } from "./models/gpt-5-x";
import { modelRouterModelsInfo } from "./models/model-router";
import { oSeriesModels } from "./models/o-series";
import { partnerModelsInfo } from "./models/partners";

export const models: readonly ModelInfo[] = [
  ...gpt5xModels,
  ...gpt5Models,
  ...gpt41Models,
  ...gpt4oModels,
  ...oSeriesModels,
  ...embeddingModels,
  ...modelRouterModelsInfo,
  ...partnerModelsInfo,
];
