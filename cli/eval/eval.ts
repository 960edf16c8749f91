/**
 * `foundry-platform eval`: runs a dataset against a deployment, scores the answers, writes the
 * versioned report (`--out`) and prints a markdown summary; with `--baseline`, prints the
 * regression table and exits 1 on a regression. Ctrl-C stops the run and still writes the report
 * of what finished (a second Ctrl-C quits at once).
 */
import { setMaxListeners } from "node:events";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { compareReports, Comparison } from "../../components/evaluation/compare";
import { EvalReport, parseReport, ReportError } from "../../components/evaluation/report";
import {
  ResolvedThresholds,
  resolveThresholds,
  thresholdsSchema,
} from "../../components/evaluation/thresholds";
import { InputError } from "../errors";
import { writeAll } from "../output";
import { display } from "../paths";
import { EvalOptions, parseEvalArgs } from "./args";
import { buildReport } from "./build-report";
import { ChatFn, createChat } from "./client";
import { readDataset } from "./dataset";
import { loadEvaluators } from "./evaluator-config";
import { JudgeUsage } from "./judge";
import { regressionMarkdown, summaryMarkdown } from "./markdown";
import { progressBar } from "./progress";
import { retryingChat, runDataset } from "./runner";

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
export const interruptedExitCode = 130;

/** Reads a report file given on the command line (`--baseline`). */
export function readReportFile(file: string, flag: string): EvalReport {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`${flag} ${display(file)}: cannot read the file`);
  }
  try {
    return parseReport(text, `${flag} ${display(file)}`);
  } catch (err) {
    if (err instanceof ReportError) {
      throw new InputError(err.message);
    }
    throw err;
  }
}

/** Reads `--thresholds FILE` (YAML or JSON). */
export function readThresholdsFile(file: string | undefined): ResolvedThresholds {
  if (file === undefined) {
    return resolveThresholds(undefined);
  }
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new InputError(
      `--thresholds ${display(file)}: cannot read it as YAML or JSON (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`,
    );
  }
  const parsed = thresholdsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.map(String).join(".") || "(file)"}: ${i.message}`,
    );
    throw new InputError(
      `--thresholds ${display(file)}:\n${lines.join("\n")}\nallowed keys: maxQualityDropPoints, evaluators, maxP95LatencyIncreasePercent, maxCostIncreasePercent, maxErrorRateIncreasePoints (numbers ≥ 0, or null to skip)`,
    );
  }
  return resolveThresholds(parsed.data);
}

/** Writes a file atomically (a reader never sees half a report). */
function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export interface EvalResult {
  readonly report: EvalReport;
  readonly comparison?: Comparison;
  readonly exitCode: number;
}

/** Seams for tests: the chat client, the interrupt signal and the output streams. */
export interface EvalEnvironment {
  readonly chat?: ChatFn;
  readonly signal?: AbortSignal;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WriteStream;
}

/** Runs an evaluation from parsed options. */
export async function runEval(
  opts: EvalOptions & { readonly apiKey?: string },
  env: EvalEnvironment = {},
): Promise<EvalResult> {
  const dataset = readDataset(opts.dataset);
  // Bad baseline or thresholds files stop the run before any token is spent.
  const baseline = opts.baseline ? readReportFile(opts.baseline, "--baseline") : undefined;
  const thresholds = readThresholdsFile(opts.thresholds);
  const chat =
    env.chat ??
    (await createChat({
      endpoint: opts.endpoint,
      apiVersion: opts.apiVersion,
      auth: opts.auth,
      apiKey: opts.apiKey,
      timeoutMs: opts.timeoutMs,
    }));
  const judgeUsage = new JudgeUsage();
  const retry = { maxRetries: opts.maxRetries };
  const evaluators = await loadEvaluators(opts.evaluators, {
    chat: retryingChat(chat, retry),
    usage: judgeUsage,
  });
  const judgeDeployments = [
    ...new Set(evaluators.map((e) => e.judgeDeployment).filter((d): d is string => d !== undefined)),
  ].sort();

  const controller = new AbortController();
  const signal = env.signal ?? controller.signal;
  // Every request in flight listens on the signal (the SDK's cancellation); no leak warning for that.
  setMaxListeners(0, signal);
  const stderr = env.stderr ?? process.stderr;
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts > 1) {
      process.exit(interruptedExitCode);
    }
    stderr.write("\ninterrupted: stopping; the report will hold what finished (Ctrl-C again to quit now)\n");
    controller.abort();
  };
  if (!env.signal) {
    process.on("SIGINT", onSigint);
  }
  const bar = progressBar(stderr);
  let failed = 0;
  let rateLimited = 0;
  const startedAt = new Date();
  let runs;
  try {
    runs = await runDataset(dataset.items, opts.deployment, chat, evaluators, {
      concurrency: opts.concurrency,
      maxRetries: opts.maxRetries,
      signal,
      onSettled: (run, settled) => {
        failed += run.status === "failed" ? 1 : 0;
        rateLimited += run.rateLimited;
        bar.update({ settled, total: dataset.items.length, failed, rateLimited });
      },
    });
  } finally {
    bar.done();
    process.removeListener("SIGINT", onSigint);
  }
  const report = buildReport(
    {
      startedAt,
      finishedAt: new Date(),
      endpoint: opts.endpoint,
      deployment: opts.deployment,
      apiVersion: opts.apiVersion,
      auth: opts.auth,
      model: opts.model,
      modelVersion: opts.modelVersion,
      deploymentType: opts.deploymentType,
      concurrency: opts.concurrency,
      maxRetries: opts.maxRetries,
      interrupted: signal.aborted,
      dataset,
      evaluators,
      judge:
        judgeDeployments.length > 0
          ? { deployment: judgeDeployments.join(", "), usage: judgeUsage }
          : undefined,
    },
    runs,
  );
  writeFileAtomic(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  const stdout = env.stdout ?? process.stdout;
  let text = summaryMarkdown(report);
  let comparison: Comparison | undefined;
  if (baseline) {
    comparison = compareReports(baseline, report, thresholds);
    text += `\n${regressionMarkdown(comparison)}`;
  }
  text += `\nReport: ${display(opts.out)}\n`;
  await writeAll(stdout, text);
  let exitCode = 0;
  if (report.run.interrupted) {
    exitCode = interruptedExitCode;
  } else if (report.summary.completed === 0) {
    stderr.write(
      `error: no request succeeded; first error: ${report.items.find((i) => i.error)?.error ?? "none"}\n`,
    );
    exitCode = 1;
  } else if (comparison && !comparison.passed) {
    exitCode = 1;
  }
  return { report, comparison, exitCode };
}

/** The `eval` command: parses the arguments and runs; returns the exit code. */
export async function evalCommand(args: readonly string[]): Promise<number> {
  return (await runEval(parseEvalArgs(args))).exitCode;
}
