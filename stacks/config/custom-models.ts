/**
 * The `customModels` config section: models the catalog does not hold (fine-tuned, partner models
 * of Azure Marketplace, or models released after the catalog), declared with the facts the checks
 * need. Deployments of them plan with an advisory finding (`ai-deployment-custom-model`).
 */
import { z } from "zod";
import { CustomModelSpec, customModelProblems } from "../../components/catalog/custom";
import { deploymentTypes } from "../../components/catalog/deployment-types";
import { capabilities } from "../../components/catalog/types";

const ptuSizingConfig = z
  .strictObject({
    min: z.number().int().min(1).describe("Smallest deployment, in PTUs."),
    step: z.number().int().min(1).describe("Deployments grow in multiples of this many PTUs."),
    inputTpmPerPtu: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Input tokens per minute one PTU serves. Default: unknown."),
  })
  .describe("PTU sizing the publisher states for one provisioned type.");

export const customModelConfig = z
  .strictObject({
    name: z.string().min(1).describe("Model name as deployments spell it; must not be a catalog model."),
    format: z
      .string()
      .min(1)
      .describe(
        "Model format: OpenAI for fine-tuned Azure OpenAI models, else the publisher (DeepSeek, Meta, Microsoft, Mistral AI, xAI, ...).",
      ),
    versions: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("Versions deployments may pin. Default: any version."),
    deploymentTypes: z
      .array(z.enum(deploymentTypes))
      .min(1)
      .describe("Deployment types the publisher offers the model on."),
    ptu: z
      .strictObject({
        GlobalProvisionedManaged: ptuSizingConfig.optional(),
        DataZoneProvisionedManaged: ptuSizingConfig.optional(),
        ProvisionedManaged: ptuSizingConfig.optional(),
      })
      .optional()
      .describe(
        "PTU sizing per provisioned type; required for every provisioned type listed in deploymentTypes.",
      ),
    capabilities: z
      .array(z.enum(capabilities))
      .optional()
      .describe("What the model does (chat, embeddings, ...). Default: none declared."),
    retirementDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date YYYY-MM-DD" })
      .optional()
      .describe("Retirement date the publisher states, for the lifecycle report. Default: none known."),
    source: z.string().min(1).optional().describe("Where the facts come from (URL or note)."),
  })
  .describe("A model the catalog does not hold, with the facts the checks need.");

export const customModelsConfig = z
  .array(customModelConfig)
  .optional()
  .describe(
    "Models the catalog does not hold (fine-tuned, partner, or newer than the catalog). Default: none.",
  );

export type CustomModelConfig = z.infer<typeof customModelConfig>;

/** The declarations as the components take them. */
export function customModelSpecs(config: readonly CustomModelConfig[] | undefined): CustomModelSpec[] {
  return [...(config ?? [])];
}

/** Declarations the schema alone cannot judge: clashes with the catalog, duplicates, missing PTU sizing. */
export function customModelsIssues(
  config: readonly CustomModelConfig[] | undefined,
  ctx: z.RefinementCtx,
): void {
  for (const p of customModelProblems(customModelSpecs(config))) {
    ctx.addIssue({
      code: "custom",
      path: ["customModels", ...p.path],
      ...(p.value === undefined ? { params: { missing: true } } : { input: p.value }),
      message: p.message,
    });
  }
}
