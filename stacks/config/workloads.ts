/**
 * The `workloads` config section: workload contracts. `npm run select` ranks the models for each;
 * a workload with `derive: true` (the default in a stack without `accounts`) gets its deployments,
 * its team's product limits and a semantic cache derived from the best candidate
 * (`expand-workloads.ts`).
 */
import { z } from "zod";
import { findModel, modelNames } from "../../components/catalog/lookup";
import {
  contractConsistencyProblems,
  maxPeakToAverage,
  WorkloadContract,
  workloadLatencies,
  workloadNeeds,
  workloadResidencies,
  workloadRoutings,
  workloadSafetyLevels,
  workloadTasks,
} from "../../components/select/contract";
import { shortName, teamName } from "./primitives";

const share = z.number().min(0).max(1);

const trafficConfig = z
  .strictObject({
    requestsPerMinute: z
      .number()
      .positive()
      .describe("Requests per minute, averaged over the month (a busy hour counts once, like a quiet one)."),
    avgInputTokens: z.number().min(1).describe("Average input (prompt) tokens per request."),
    avgOutputTokens: z
      .number()
      .min(0)
      .describe("Average output (completion) tokens per request; 0 for embeddings."),
    peakToAverage: z
      .number()
      .min(1)
      .max(maxPeakToAverage)
      .optional()
      .describe(
        "Busiest minute's requests over the average (1 = flat); sizes capacity and the PTU planner's day. Default: 1.",
      ),
    asyncShare: share
      .optional()
      .describe("Share of the requests that can wait for a batch job (results within 24 hours). Default: 0."),
    repeatShare: share
      .optional()
      .describe(
        "Share of the requests that repeat an earlier prompt: priced as prompt-cache hits, and a semantic cache on the gateway from 0.2. Default: 0.",
      ),
  })
  .describe("The workload's traffic, averaged over the month.");

const workloadName = z.string().regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, {
  message:
    "must be 2 to 32 lower-case letters, digits or '-', starting with a letter (it names the derived deployments)",
});

export const workloadConfig = z
  .strictObject({
    name: workloadName.describe(
      "Workload name; names the derived deployments (<name>, <name>-ptu, <name>-batch).",
    ),
    team: teamName
      .optional()
      .describe(
        "Gateway team the workload belongs to; derivation gives the team's product the workload's model and token limits. Default: none.",
      ),
    task: z.enum(workloadTasks).describe("What the workload does; picks the capabilities a model must list."),
    needs: z
      .array(z.enum(workloadNeeds))
      .optional()
      .describe("Needs beyond the task (longContext: prompts beyond 272,000 tokens). Default: none."),
    latency: z
      .enum(workloadLatencies)
      .describe(
        "interactive (a person waits; provisioned throughput allowed), standard (synchronous, pay-as-you-go), relaxed (batch allowed).",
      ),
    safety: z
      .enum(workloadSafetyLevels)
      .describe(
        "strict: GA models only; default: Preview models allowed. Both deploy with the strict content filter.",
      ),
    dataResidency: z
      .enum(workloadResidencies)
      .describe("Where prompts may be processed: global, dataZone (the US or EU data zone) or regional."),
    traffic: trafficConfig,
    budgetUsdPerMonth: z
      .number()
      .positive()
      .optional()
      .describe(
        "Most the workload may cost per month (USD); dearer candidates are rejected. Default: no budget.",
      ),
    routing: z
      .enum(workloadRoutings)
      .optional()
      .describe("auto: a Model Router over the eligible models; fixed: one model. Default: fixed."),
    derive: z
      .boolean()
      .optional()
      .describe(
        "Deploy the best candidate (deployments, team limits, semantic cache). Default: true in a stack without accounts, else false.",
      ),
    account: shortName
      .optional()
      .describe(
        "Account that holds the derived deployments (created if the stack has none of that name). Default: the first account, or 'main'.",
      ),
    minRunwayDays: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Days a model version must still serve from the day judged. Default: 120."),
    models: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        "Only these models may be chosen (for example, those that passed your evaluation). Default: any.",
      ),
  })
  .superRefine((w, ctx) => {
    for (const p of contractConsistencyProblems(w)) {
      ctx.addIssue({ code: "custom", path: [...p.path], input: p.value, message: p.message });
    }
    (w.models ?? []).forEach((m, i) => {
      if (!findModel(m)) {
        ctx.addIssue({
          code: "custom",
          path: ["models", i],
          input: m,
          message: `not a model in the catalog (the selector judges catalog models only); known: ${modelNames().join(", ")}`,
        });
      }
    });
  })
  .describe("A workload contract: what the workload needs from a model, without naming one.");

export const workloadsConfig = z
  .array(workloadConfig)
  .optional()
  .describe(
    "Workload contracts: `npm run select` ranks models for each; derive: true deploys the best. Default: none.",
  );

export type WorkloadConfig = z.infer<typeof workloadConfig>;

/** The contract of a workload entry: every field but the deployment settings (`derive`, `account`). */
export function contractOf(w: WorkloadConfig): WorkloadContract {
  return {
    name: w.name,
    task: w.task,
    latency: w.latency,
    safety: w.safety,
    dataResidency: w.dataResidency,
    traffic: w.traffic,
    ...(w.team !== undefined ? { team: w.team } : {}),
    ...(w.needs !== undefined ? { needs: w.needs } : {}),
    ...(w.budgetUsdPerMonth !== undefined ? { budgetUsdPerMonth: w.budgetUsdPerMonth } : {}),
    ...(w.routing !== undefined ? { routing: w.routing } : {}),
    ...(w.minRunwayDays !== undefined ? { minRunwayDays: w.minRunwayDays } : {}),
    ...(w.models !== undefined ? { models: w.models } : {}),
  };
}

/** Workload names are unique: they name deployments. */
export function workloadsIssues(
  workloads: readonly WorkloadConfig[] | undefined,
  ctx: z.RefinementCtx,
): void {
  const seen = new Map<string, number>();
  (workloads ?? []).forEach((w, i) => {
    const first = seen.get(w.name);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["workloads", i, "name"],
        input: w.name,
        message: `duplicate workload name; workloads[${first}] already uses it`,
      });
    }
    seen.set(w.name, i);
  });
}
