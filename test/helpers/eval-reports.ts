/** Small, valid evaluation reports for the comparison and gate tests. */
import { EvalReport, evalReportFormat, evalReportVersion } from "../../components/evaluation/report";

export interface ReportShape {
  readonly model?: string | null;
  readonly modelVersion?: string | null;
  /** Mean score per evaluator (null: scored nothing). */
  readonly scores?: Readonly<Record<string, number | null>>;
  readonly p95?: number | null;
  readonly per1k?: number | null;
  readonly failed?: number;
  readonly notRun?: number;
  readonly datasetSha?: string;
  readonly observedModels?: readonly string[];
}

/** A report of 100 items with the given shape (defaults: gpt-4o 2024-11-20, exact-match 0.9, p95 1000 ms, $1.00 per 1,000). */
export function makeReport(shape: ReportShape = {}): EvalReport {
  const items = 100;
  const failed = shape.failed ?? 0;
  const notRun = shape.notRun ?? 0;
  const completed = items - failed - notRun;
  const scores = shape.scores ?? { "exact-match": 0.9 };
  const p95 = shape.p95 === undefined ? 1000 : shape.p95;
  const per1k = shape.per1k === undefined ? 1 : shape.per1k;
  return {
    format: evalReportFormat,
    version: evalReportVersion,
    startedAt: "2026-12-01T00:00:00.000Z",
    finishedAt: "2026-12-01T00:01:00.000Z",
    target: {
      endpoint: "https://example.cognitiveservices.azure.com",
      deployment: "gpt-4o-canary",
      apiVersion: "v1",
      auth: "entra",
      model: shape.model === undefined ? "gpt-4o" : shape.model,
      modelVersion: shape.modelVersion === undefined ? "2024-11-20" : shape.modelVersion,
      deploymentType: "GlobalStandard",
      observedModels: [...(shape.observedModels ?? [])],
    },
    dataset: { file: "dataset.jsonl", sha256: shape.datasetSha ?? "a".repeat(64), items },
    run: { concurrency: 4, maxRetries: 5, interrupted: notRun > 0 },
    summary: {
      items,
      completed,
      failed,
      notRun,
      rateLimited: 0,
      retries: 0,
      errorRate: completed + failed === 0 ? 0 : failed / (completed + failed),
    },
    evaluators: Object.entries(scores).map(([name, mean]) => ({
      name,
      type: name,
      passScore: 1,
      mean,
      passRate: mean,
      scored: mean === null ? 0 : completed,
      passed: mean === null ? 0 : Math.round(mean * completed),
      errors: 0,
    })),
    latencyMs: p95 === null ? null : { p50: p95 / 2, p95, p99: p95, mean: p95 / 2, max: p95 },
    tokens: { input: 1000, cachedInput: 0, output: 100 },
    cost: {
      currency: "USD",
      total: per1k === null ? null : (per1k * completed) / 1000,
      per1kRequests: per1k,
      prices: null,
      ...(per1k === null ? { reason: "the catalog has no GlobalStandard token prices for x" } : {}),
    },
    judge: null,
    items: [],
  };
}
