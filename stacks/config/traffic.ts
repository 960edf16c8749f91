/** Expected traffic in the config: per deployment, or per gateway team and model. Plans price from it. */
import { z } from "zod";
import { ptuPricings } from "../../components/cost/traffic";

const trafficFields = {
  requestsPerMinute: z
    .number()
    .min(0)
    .describe("Requests per minute, averaged over the month (a busy hour counts once, like a quiet one)."),
  inputTokens: z.number().min(0).describe("Average input (prompt) tokens per request."),
  outputTokens: z
    .number()
    .min(0)
    .describe("Average output (completion) tokens per request; 0 for embeddings."),
  cachedShare: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(
      "Share of the input tokens served from the prompt cache (billed at the cached price). Default: 0.",
    ),
};

/** Traffic that calls one deployment directly. */
export const expectedTrafficConfig = z
  .strictObject(trafficFields)
  .describe(
    "Expected traffic of the deployment: plans price standard and batch deployments from it and show the load of provisioned ones. Default: none (the deployment is listed as unpriced).",
  );

/** One model's share of a team's traffic through the gateway. */
export const teamTrafficConfig = z
  .strictObject({
    model: z.string().min(1).describe("A model in the team's allowedModels."),
    ...trafficFields,
  })
  .describe("The team's expected traffic to one model, routed through the model's gateway pool.");

/** How a provisioned deployment's PTUs are billed. */
export const ptuPricingConfig = z
  .enum(ptuPricings)
  .describe(
    "Provisioned types only: hourly (no commitment) or reservation (a one-month Azure Reservation bought for the deployment's type, region and scope). Plans price the PTUs with it. Default: hourly.",
  );
