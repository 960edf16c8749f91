/**
 * The `gateway` config section: the AI gateway (API Management) in front of the stack's model
 * deployments — tier, teams with their budgets and allow-lists, a canary upgrade, the semantic
 * cache and LLM logging.
 */
import { z } from "zod";
import { familyOf } from "../../components/catalog/deployment-types";
import { thresholdsSchema } from "../../components/evaluation/thresholds";
import { planCanary } from "../../components/gateway/canary";
import { gatewaySkus } from "../../components/gateway/sku";
import { isEmbeddingsModel } from "../../components/gateway/targets";
import { Environment } from "../../components/common/environment";
import { environmentDefaults } from "../defaults";
import { region, teamName } from "./primitives";
import { AccountConfig } from "./accounts";
import { teamTrafficConfig } from "./traffic";

const teamConfig = z
  .strictObject({
    name: teamName,
    displayName: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe("Product display name. Default: Team <name>."),
    tokensPerMinute: z
      .number()
      .int()
      .min(1)
      .describe("Prompt and completion tokens per minute for the whole team; beyond it calls get 429."),
    monthlyTokenQuota: z
      .number()
      .int()
      .min(1)
      .describe("Tokens per calendar month for the whole team; beyond it calls get 403."),
    allowedModels: z
      .array(z.string().min(1))
      .min(1)
      .describe("Model names the team may call; any other model gets 403."),
    expectedTraffic: z
      .array(teamTrafficConfig)
      .optional()
      .describe(
        "The team's expected traffic per model; plans price the deployments it lands on. Default: none.",
      ),
  })
  .superRefine((team, ctx) => {
    (team.expectedTraffic ?? []).forEach((t, i) => {
      if (!team.allowedModels.includes(t.model)) {
        ctx.addIssue({
          code: "custom",
          path: ["expectedTraffic", i, "model"],
          input: t.model,
          message: `not in the team's allowedModels (${team.allowedModels.join(", ")}); add it there or remove this entry`,
        });
      }
    });
  })
  .describe("A team: an API Management product with its own subscription key, allow-list and token budget.");

const reportPath = z
  .string()
  .min(1)
  .regex(/\.json$/, { message: "must be a .json report written by 'foundry-platform eval --out'" });

const evaluationConfig = z
  .strictObject({
    candidateReport: reportPath.describe(
      "Evaluation report of the candidate version, relative to the stack's folder (stacks/).",
    ),
    baselineReport: reportPath.describe(
      "Evaluation report of the stable version on the same dataset, relative to the stack's folder.",
    ),
    thresholds: thresholdsSchema.optional(),
  })
  .describe(
    "Promotion gate: the program compares the reports and tags the candidate with the verdict; the policy ai-deployment-canary-evaluated enforces it.",
  );

const upgradeConfig = z
  .strictObject({
    deployment: z.string().min(1).describe("Name of the stable deployment to upgrade."),
    account: z
      .string()
      .optional()
      .describe("Account holding it. Default: every account with a deployment of that name."),
    candidateModel: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Model of the candidate: a successor model (gpt-5 → gpt-5.4). Default: the stable deployment's model.",
      ),
    candidateVersion: z.string().min(1).describe("Model version of the candidate deployment."),
    weightPercent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe("Share of the stable deployment's traffic sent to the candidate; 0 rolls back."),
    evaluation: evaluationConfig.optional(),
  })
  .describe(
    "Canary upgrade: a candidate deployment `<deployment>-canary` (a newer version or a successor model) weighted against the stable one under its route.",
  );

const semanticCacheConfig = z
  .strictObject({
    embeddingsDeployment: z.string().min(1).describe("Embeddings deployment that vectorises prompts."),
    account: z.string().optional().describe("Account of that deployment. Default: the first that has it."),
    scoreThreshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("Similarity threshold; smaller means only closer prompts hit. Default: 0.05."),
    durationSeconds: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Time to live of cached answers. Default: 3600."),
    redisSku: z
      .string()
      .regex(/^(Balanced|MemoryOptimized|ComputeOptimized)_[A-Z]\d+$/, {
        message: "must be an Azure Managed Redis SKU with RediSearch, for example Balanced_B0",
      })
      .optional()
      .describe("Azure Managed Redis SKU. Default: Balanced_B0."),
  })
  .describe("Semantic cache on Azure Managed Redis with RediSearch.");

export const gatewayConfig = z
  .strictObject({
    enabled: z
      .boolean()
      .optional()
      .describe("Deploy the gateway. Default: false in dev (to stay cheap), true in staging and prod."),
    sku: z
      .enum(gatewaySkus)
      .optional()
      .describe("API Management tier. Default: BasicV2 in dev, StandardV2 in staging and prod."),
    capacity: z.number().int().min(1).max(12).optional().describe("Scale units. Default: 1."),
    location: region.optional().describe("Region of the gateway. Default: the stack's location."),
    publisherEmail: z
      .string()
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: "must be an e-mail address" })
      .optional()
      .describe(
        "Publisher e-mail of the API Management service; required unless existingServiceId is given.",
      ),
    publisherName: z.string().min(1).max(100).optional().describe("Publisher name. Default: AI platform."),
    existingServiceId: z
      .string()
      .regex(
        /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ApiManagement\/service\/[^/]+$/i,
        {
          message:
            "must be an API Management service id (/subscriptions/.../providers/Microsoft.ApiManagement/service/<name>)",
        },
      )
      .optional()
      .describe("Use this existing API Management service instead of creating one."),
    teams: z
      .array(teamConfig)
      .min(1)
      .default([])
      .describe(
        "Teams calling models through the gateway. Required unless workloads with a team derive them.",
      ),
    upgrade: upgradeConfig.optional(),
    semanticCache: semanticCacheConfig.optional(),
    llmLogging: z
      .strictObject({
        enabled: z.boolean().optional().describe("Log LLM requests (tokens, model). Default: true."),
        logMessages: z
          .boolean()
          .optional()
          .describe("Also log prompts and completions (may hold personal data). Default: false."),
        maxMessageBytes: z.number().int().min(1).max(262144).optional().describe("Default: 32768."),
      })
      .optional()
      .describe("LLM request logging to the gateway's Azure Monitor logs."),
  })
  .describe("The AI gateway (API Management) in front of the model deployments.");

export type GatewayConfig = z.infer<typeof gatewayConfig>;

/**
 * Checks the gateway section against the accounts: allowed models that nothing serves, duplicate
 * teams, an upgrade or a cache embeddings deployment that does not resolve. Called from the root
 * schema's refinement, so problems carry full key paths.
 */
export function gatewayConfigIssues(
  config: {
    readonly environment: Environment;
    readonly accounts: readonly AccountConfig[];
    readonly gateway?: GatewayConfig;
  },
  ctx: z.RefinementCtx,
): void {
  const gw = config.gateway;
  if (!gw) {
    return;
  }
  if (gw.publisherEmail === undefined && gw.existingServiceId === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["gateway", "publisherEmail"],
      input: undefined,
      message: "required for a new API Management service; set it, or give existingServiceId",
    });
  }
  if (gw.existingServiceId !== undefined) {
    for (const key of ["sku", "capacity", "publisherEmail", "publisherName", "location"] as const) {
      if (gw[key] !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["gateway", key],
          input: gw[key],
          message: "configures a new service; remove it or remove existingServiceId",
        });
      }
    }
  }
  // A gateway that is not deployed (dev's default) needs no team.
  if (gw.teams.length === 0 && (gw.enabled ?? environmentDefaults(config.environment).gatewayEnabled)) {
    ctx.addIssue({
      code: "custom",
      path: ["gateway", "teams"],
      params: { missing: true },
      message: "required: declare at least one team, or workloads with a team to derive them from",
    });
  }
  const served = new Set(
    config.accounts.flatMap((a) =>
      a.deployments.filter((d) => familyOf(d.type) !== "batch").map((d) => d.model),
    ),
  );
  const seen = new Map<string, number>();
  gw.teams.forEach((team, i) => {
    const first = seen.get(team.name);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["gateway", "teams", i, "name"],
        input: team.name,
        message: `duplicate team name; teams[${first}] already uses it`,
      });
    }
    seen.set(team.name, i);
    team.allowedModels.forEach((model, j) => {
      if (!served.has(model)) {
        ctx.addIssue({
          code: "custom",
          path: ["gateway", "teams", i, "allowedModels", j],
          input: model,
          message: `no standard or provisioned deployment serves this model; served: ${[...served].sort().join(", ") || "none"}`,
        });
      }
    });
  });
  if (gw.upgrade) {
    for (const problem of planCanary(config.accounts, gw.upgrade).problems) {
      ctx.addIssue({ code: "custom", path: ["gateway", "upgrade"], input: gw.upgrade, message: problem });
    }
  }
  const cache = gw.semanticCache;
  if (cache) {
    const holder = config.accounts.find(
      (a) =>
        (cache.account === undefined || a.name === cache.account) &&
        a.deployments.some((d) => (d.name ?? d.model) === cache.embeddingsDeployment),
    );
    const deployment = holder?.deployments.find((d) => (d.name ?? d.model) === cache.embeddingsDeployment);
    if (!deployment) {
      ctx.addIssue({
        code: "custom",
        path: ["gateway", "semanticCache", "embeddingsDeployment"],
        input: cache.embeddingsDeployment,
        message: `no account${cache.account ? ` named '${cache.account}'` : ""} has this deployment; name an embeddings deployment`,
      });
    } else if (!isEmbeddingsModel(deployment.model)) {
      ctx.addIssue({
        code: "custom",
        path: ["gateway", "semanticCache", "embeddingsDeployment"],
        input: cache.embeddingsDeployment,
        message: `this deployment serves '${deployment.model}', not an embeddings model`,
      });
    }
  }
}
