/**
 * The evaluation report: what `foundry-platform eval` writes and what the baseline comparison and
 * the promotion gate read. Versioned: a reader refuses a format or version it does not know
 * instead of guessing. Pure (no I/O): callers read the file and pass its text.
 */
import { z } from "zod";

/** The `format` field of every report. */
export const evalReportFormat = "foundry-platform/eval-report";
/** The report version this code writes and reads. Bump it on any incompatible change. */
export const evalReportVersion = 1;

const count = z.number().int().min(0);
const ms = z.number().min(0);
const score = z.number().min(0).max(1);

const latencySchema = z.strictObject({
  p50: ms,
  p95: ms,
  p99: ms,
  mean: ms,
  max: ms,
});

const tokensSchema = z.strictObject({
  input: count,
  cachedInput: count,
  output: count,
});

const pricesSchema = z.strictObject({
  /** USD per 1M input tokens. */
  input: z.number().min(0),
  /** USD per 1M cached input tokens (the input price when the catalog has none). */
  cachedInput: z.number().min(0),
  /** USD per 1M output tokens. */
  output: z.number().min(0),
  deploymentType: z.string(),
  source: z.string(),
});

const costSchema = z.strictObject({
  currency: z.literal("USD"),
  /** Total at catalog prices; null when the catalog has no price for the model and type. */
  total: z.number().min(0).nullable(),
  /** Cost of 1,000 completed requests like these; null when unknown. */
  per1kRequests: z.number().min(0).nullable(),
  prices: pricesSchema.nullable(),
  /** Why the cost is unknown, when it is. */
  reason: z.string().optional(),
});

const evaluatorSummarySchema = z.strictObject({
  name: z.string().min(1),
  type: z.string().min(1),
  /** Score at or above which an item passes. */
  passScore: score,
  /** Mean score over the items it scored; null when it scored none. */
  mean: score.nullable(),
  /** Share of scored items that passed; null when it scored none. */
  passRate: score.nullable(),
  scored: count,
  passed: count,
  /** Items on which the evaluator itself failed (a judge call, a custom module throwing). */
  errors: count,
});

const itemScoreSchema = z.strictObject({
  score,
  pass: z.boolean(),
  reason: z.string(),
});

const itemSchema = z.strictObject({
  id: z.string(),
  /** 1-based line of the item in the dataset file. */
  line: z.number().int().min(1),
  status: z.enum(["completed", "failed", "not-run"]),
  /** Requests sent for the item (1 plus retries). */
  attempts: count,
  /** 429 answers received for the item. */
  rateLimited: count,
  latencyMs: ms.optional(),
  model: z.string().optional(),
  output: z.string().optional(),
  tokens: tokensSchema.optional(),
  /** By evaluator name; null when the evaluator does not apply to the item. */
  scores: z.record(z.string(), itemScoreSchema.nullable()),
  /** Evaluator failures on this item, by evaluator name. */
  evaluatorErrors: z.record(z.string(), z.string()).optional(),
  error: z.string().optional(),
});

export const evalReportSchema = z.strictObject({
  format: z.literal(evalReportFormat),
  version: z.literal(evalReportVersion),
  startedAt: z.string(),
  finishedAt: z.string(),
  target: z.strictObject({
    /** Endpoint origin (no key, no query). */
    endpoint: z.string(),
    deployment: z.string(),
    apiVersion: z.string(),
    auth: z.enum(["entra", "key"]),
    /** The model the deployment serves, as the run was told (`--model`); null when not given. */
    model: z.string().nullable(),
    /** Its version (`--model-version`); null when not given. */
    modelVersion: z.string().nullable(),
    /** Deployment type the cost is priced at. */
    deploymentType: z.string(),
    /** Distinct `model` values the answers carried, sorted. */
    observedModels: z.array(z.string()),
  }),
  dataset: z.strictObject({
    file: z.string(),
    /** SHA-256 of the dataset file's bytes: two reports compare only on the same dataset. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    items: count,
  }),
  run: z.strictObject({
    concurrency: z.number().int().min(1),
    maxRetries: count,
    /** True when the run was stopped (Ctrl-C) before every item ran. */
    interrupted: z.boolean(),
  }),
  summary: z.strictObject({
    items: count,
    completed: count,
    failed: count,
    notRun: count,
    /** 429 answers over the whole run (each retried or counted as a failure). */
    rateLimited: count,
    retries: count,
    /** failed / (completed + failed); 0 when nothing ran. */
    errorRate: score,
  }),
  evaluators: z.array(evaluatorSummarySchema),
  /** Latency of the completed requests (the answered attempt, without retry waits); null when none completed. */
  latencyMs: latencySchema.nullable(),
  tokens: tokensSchema,
  cost: costSchema,
  /** The LLM judge's own usage, when a judge evaluator ran (not part of the candidate's cost). */
  judge: z
    .strictObject({
      deployment: z.string(),
      requests: count,
      failed: count,
      tokens: tokensSchema,
    })
    .nullable(),
  items: z.array(itemSchema),
});

export type EvalReport = z.infer<typeof evalReportSchema>;
export type EvalItemResult = EvalReport["items"][number];
export type EvaluatorSummary = EvalReport["evaluators"][number];
export type LatencySummary = z.infer<typeof latencySchema>;
export type TokenCounts = z.infer<typeof tokensSchema>;
export type CostSummary = z.infer<typeof costSchema>;

/** A report that cannot be read: the message says what is wrong and where. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportError";
  }
}

/**
 * Parses a report's text. `where` names it in messages (a path). Throws {@link ReportError} for
 * text that is not JSON, another format, another version, or a report missing fields.
 */
export function parseReport(text: string, where: string): EvalReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ReportError(`${where}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const head = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  if (head.format !== evalReportFormat) {
    throw new ReportError(
      `${where}: not an evaluation report (format ${JSON.stringify(head.format)}; expected "${evalReportFormat}"); write one with 'foundry-platform eval --out FILE'`,
    );
  }
  if (head.version !== evalReportVersion) {
    throw new ReportError(
      `${where}: report version ${JSON.stringify(head.version)} is not supported; this tool reads version ${evalReportVersion} — rerun the evaluation with this version of the tool`,
    );
  }
  const parsed = evalReportSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`);
    throw new ReportError(`${where}: not a valid version ${evalReportVersion} report: ${lines.join("; ")}`);
  }
  return parsed.data;
}
