/**
 * Runs a dataset against a deployment: at most `concurrency` requests in flight, each retried up
 * to `maxRetries` times (retry.ts), each answer scored by every evaluator. One failed request
 * never stops the run: the item is recorded as failed. Aborting the signal (Ctrl-C) stops
 * dispatching, cancels what is in flight, and returns what finished; the rest is `not-run`.
 */
import { ChatFn, ChatMessage, ChatResult } from "./client";
import { DatasetItem } from "./dataset";
import { Evaluator, Score } from "./evaluators";
import { describeFailure, retryDelayMs, sleep as realSleep } from "./retry";

export interface RetryOptions {
  readonly maxRetries: number;
  readonly signal: AbortSignal;
  /** @default real timers */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Monotonic milliseconds for latency. @default performance.now */
  readonly now?: () => number;
  /** Wall-clock milliseconds for HTTP-date Retry-After values. @default Date.now */
  readonly clock?: () => number;
}

export type CallOutcome<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly attempts: number;
      readonly rateLimited: number;
      readonly latencyMs: number;
    }
  | {
      readonly ok: false;
      readonly aborted: boolean;
      readonly error: string;
      readonly attempts: number;
      readonly rateLimited: number;
    };

/** Calls `call` until it succeeds, fails without retry, runs out of retries, or the signal aborts. */
export async function callWithRetries<T>(
  call: (signal: AbortSignal) => Promise<T>,
  opts: RetryOptions,
): Promise<CallOutcome<T>> {
  const sleep = opts.sleep ?? realSleep;
  const now = opts.now ?? (() => performance.now());
  const clock = opts.clock ?? Date.now;
  let attempts = 0;
  let rateLimited = 0;
  for (;;) {
    if (opts.signal.aborted) {
      return { ok: false, aborted: true, error: "interrupted", attempts, rateLimited };
    }
    attempts += 1;
    const started = now();
    try {
      const value = await call(opts.signal);
      return { ok: true, value, attempts, rateLimited, latencyMs: now() - started };
    } catch (err) {
      const failure = describeFailure(err, clock());
      if (failure.aborted || opts.signal.aborted) {
        return { ok: false, aborted: true, error: "interrupted", attempts, rateLimited };
      }
      if (failure.status === 429) {
        rateLimited += 1;
      }
      const retry = attempts; // retries so far + 1
      if (!failure.retryable || retry > opts.maxRetries) {
        const tail = failure.retryable
          ? ` (gave up after ${attempts} attempt${attempts === 1 ? "" : "s"})`
          : "";
        return { ok: false, aborted: false, error: `${failure.message}${tail}`, attempts, rateLimited };
      }
      await sleep(retryDelayMs(failure, retry), opts.signal);
    }
  }
}

/** A chat function that retries like the run does and throws when it gives up (for the judge). */
export function retryingChat(chat: ChatFn, opts: Omit<RetryOptions, "signal">): ChatFn {
  return async (deployment, messages, signal) => {
    const outcome = await callWithRetries((s) => chat(deployment, messages, s), { ...opts, signal });
    if (!outcome.ok) {
      throw new Error(outcome.error);
    }
    return outcome.value;
  };
}

export interface ScoredResult extends Score {
  readonly pass: boolean;
}

export interface ItemRun {
  readonly item: DatasetItem;
  readonly status: "completed" | "failed" | "not-run";
  readonly attempts: number;
  readonly rateLimited: number;
  readonly latencyMs?: number;
  readonly result?: ChatResult;
  readonly error?: string;
  /** By evaluator name; null when it does not apply. */
  readonly scores: Readonly<Record<string, ScoredResult | null>>;
  /** Evaluators that failed on this item (scored 0), by name. */
  readonly evaluatorErrors: Readonly<Record<string, string>>;
}

export interface RunOptions extends RetryOptions {
  readonly concurrency: number;
  /** Called after each item settles, with how many have. */
  readonly onSettled?: (run: ItemRun, settled: number) => void;
}

async function score(
  evaluators: readonly Evaluator[],
  item: DatasetItem,
  output: string,
  signal: AbortSignal,
): Promise<{ scores: Record<string, ScoredResult | null>; errors: Record<string, string> }> {
  const scores: Record<string, ScoredResult | null> = {};
  const errors: Record<string, string> = {};
  for (const e of evaluators) {
    try {
      const s = await e.evaluate(item, output, signal);
      scores[e.name] = s === null ? null : { ...s, pass: s.score >= e.passScore };
    } catch (err) {
      // Fail closed: an evaluator that cannot score an answer scores it 0.
      const message = err instanceof Error ? err.message : String(err);
      errors[e.name] = message;
      scores[e.name] = { score: 0, pass: false, reason: `evaluator error: ${message}` };
    }
  }
  return { scores, errors };
}

/** Runs every item; returns one result per item, in dataset order. */
export async function runDataset(
  items: readonly DatasetItem[],
  deployment: string,
  chat: ChatFn,
  evaluators: readonly Evaluator[],
  opts: RunOptions,
): Promise<ItemRun[]> {
  const results: ItemRun[] = items.map((item) => ({
    item,
    status: "not-run",
    attempts: 0,
    rateLimited: 0,
    scores: {},
    evaluatorErrors: {},
  }));
  let next = 0;
  let settled = 0;
  const worker = async () => {
    while (!opts.signal.aborted && next < items.length) {
      const index = next++;
      const item = items[index];
      const outcome = await callWithRetries(
        (signal) => chat(deployment, item.messages as readonly ChatMessage[], signal),
        opts,
      );
      let run: ItemRun;
      if (outcome.ok) {
        const { scores, errors } = await score(evaluators, item, outcome.value.text, opts.signal);
        if (opts.signal.aborted) {
          // Interrupted while scoring: the item is not counted half-scored.
          run = { ...results[index], attempts: outcome.attempts, rateLimited: outcome.rateLimited };
        } else {
          run = {
            item,
            status: "completed",
            attempts: outcome.attempts,
            rateLimited: outcome.rateLimited,
            latencyMs: outcome.latencyMs,
            result: outcome.value,
            scores,
            evaluatorErrors: errors,
          };
        }
      } else {
        run = {
          item,
          status: outcome.aborted ? "not-run" : "failed",
          attempts: outcome.attempts,
          rateLimited: outcome.rateLimited,
          error: outcome.aborted ? undefined : outcome.error,
          scores: {},
          evaluatorErrors: {},
        };
      }
      results[index] = run;
      settled += 1;
      opts.onSettled?.(run, settled);
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
