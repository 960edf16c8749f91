/** Assembles the versioned report (components/evaluation/report.ts) from a run's results. */
import { DeploymentType } from "../../components/catalog/deployment-types";
import {
  EvalItemResult,
  EvalReport,
  evalReportFormat,
  evalReportVersion,
} from "../../components/evaluation/report";
import { AuthMode } from "./client";
import { Dataset } from "./dataset";
import { Evaluator } from "./evaluators";
import { JudgeUsage } from "./judge";
import { costSummary, evaluatorSummaries, latencySummary, tokenTotals } from "./metrics";
import { ItemRun } from "./runner";

export interface RunContext {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion: string;
  readonly auth: AuthMode;
  readonly model: string | null;
  readonly modelVersion: string | null;
  readonly deploymentType: DeploymentType;
  readonly concurrency: number;
  readonly maxRetries: number;
  readonly interrupted: boolean;
  readonly dataset: Dataset;
  readonly evaluators: readonly Evaluator[];
  /** The judge's usage and deployment, when an LLM judge ran. */
  readonly judge?: { readonly deployment: string; readonly usage: JudgeUsage };
}

function itemResult(run: ItemRun): EvalItemResult {
  return {
    id: run.item.id,
    line: run.item.line,
    status: run.status,
    attempts: run.attempts,
    rateLimited: run.rateLimited,
    ...(run.latencyMs !== undefined ? { latencyMs: Number(run.latencyMs.toFixed(1)) } : {}),
    ...(run.result?.model !== undefined ? { model: run.result.model } : {}),
    ...(run.result ? { output: run.result.text, tokens: { ...run.result.usage } } : {}),
    scores: Object.fromEntries(
      Object.entries(run.scores).map(([name, s]) => [
        name,
        s && { score: s.score, pass: s.pass, reason: s.reason },
      ]),
    ),
    ...(Object.keys(run.evaluatorErrors).length > 0 ? { evaluatorErrors: { ...run.evaluatorErrors } } : {}),
    ...(run.error !== undefined ? { error: run.error } : {}),
  };
}

export function buildReport(ctx: RunContext, runs: readonly ItemRun[]): EvalReport {
  const count = (status: ItemRun["status"]) => runs.filter((r) => r.status === status).length;
  const completed = count("completed");
  const failed = count("failed");
  const tokens = tokenTotals(runs);
  const observed = [
    ...new Set(runs.map((r) => r.result?.model).filter((m): m is string => m !== undefined)),
  ].sort();
  return {
    format: evalReportFormat,
    version: evalReportVersion,
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: ctx.finishedAt.toISOString(),
    target: {
      endpoint: ctx.endpoint,
      deployment: ctx.deployment,
      apiVersion: ctx.apiVersion,
      auth: ctx.auth,
      model: ctx.model,
      modelVersion: ctx.modelVersion,
      deploymentType: ctx.deploymentType,
      observedModels: observed,
    },
    dataset: { file: ctx.dataset.file, sha256: ctx.dataset.sha256, items: ctx.dataset.items.length },
    run: { concurrency: ctx.concurrency, maxRetries: ctx.maxRetries, interrupted: ctx.interrupted },
    summary: {
      items: runs.length,
      completed,
      failed,
      notRun: count("not-run"),
      rateLimited: runs.reduce((a, r) => a + r.rateLimited, 0),
      retries: runs.reduce((a, r) => a + Math.max(0, r.attempts - 1), 0),
      errorRate: completed + failed === 0 ? 0 : Number((failed / (completed + failed)).toFixed(6)),
    },
    evaluators: evaluatorSummaries(ctx.evaluators, runs),
    latencyMs: latencySummary(runs),
    tokens,
    cost: costSummary(ctx.model, ctx.deploymentType, tokens, completed),
    judge: ctx.judge
      ? {
          deployment: ctx.judge.deployment,
          requests: ctx.judge.usage.requests,
          failed: ctx.judge.usage.failed,
          tokens: {
            input: ctx.judge.usage.input,
            cachedInput: ctx.judge.usage.cachedInput,
            output: ctx.judge.usage.output,
          },
        }
      : null,
    items: runs.map(itemResult),
  };
}
