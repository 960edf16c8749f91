/**
 * Bounded retries of one request. A 429 waits as long as the service asks — `retry-after-ms`
 * (milliseconds; the openai SDK reads it first, `src/client.ts` retryRequest), else `Retry-After`
 * (seconds or an HTTP date, RFC 9110 §10.2.3) — and otherwise backs off exponentially. 408, 5xx
 * and connection failures are retried the same way; other answers (400, 401, 403, 404) are not.
 */
import { APIError, APIUserAbortError } from "openai";

/** Why one attempt failed. */
export interface AttemptFailure {
  /** HTTP status, when the service answered. */
  readonly status?: number;
  /** How long the service asked to wait, in milliseconds. */
  readonly retryAfterMs?: number;
  readonly message: string;
  /** The run was interrupted (Ctrl-C): not a failure of the item. */
  readonly aborted: boolean;
  readonly retryable: boolean;
}

/** First backoff without a Retry-After, doubled per attempt up to {@link maxBackoffMs}. */
export const baseBackoffMs = 500;
export const maxBackoffMs = 8000;

type HeaderSource = { get(name: string): string | null } | Record<string, string | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) {
    return undefined;
  }
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : record[key];
}

/** The wait a response asks for, in milliseconds; undefined when it asks none (or nonsense). */
export function retryAfterMs(headers: HeaderSource, now: number): number | undefined {
  const ms = header(headers, "retry-after-ms");
  if (ms !== undefined && ms.trim() !== "" && Number.isFinite(Number(ms)) && Number(ms) >= 0) {
    return Number(ms);
  }
  const after = header(headers, "retry-after");
  if (after === undefined || after.trim() === "") {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(after.trim())) {
    return Number(after) * 1000;
  }
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Classifies an error thrown by the openai client. */
export function describeFailure(err: unknown, now: number): AttemptFailure {
  if (err instanceof APIUserAbortError || (err instanceof Error && err.name === "AbortError")) {
    return { message: "interrupted", aborted: true, retryable: false };
  }
  if (err instanceof APIError && err.status !== undefined) {
    const status = err.status;
    return {
      status,
      retryAfterMs: retryAfterMs(err.headers as HeaderSource, now),
      message: `${status} ${err.message}`.slice(0, 500),
      aborted: false,
      retryable: status === 408 || status === 429 || status >= 500,
    };
  }
  // No answer: connection refused, reset or timed out.
  const message = err instanceof Error ? err.message : String(err);
  return { message: `no answer: ${message}`.slice(0, 500), aborted: false, retryable: true };
}

/** How long to wait before retry number `retry` (1-based). */
export function retryDelayMs(failure: AttemptFailure, retry: number): number {
  if (failure.retryAfterMs !== undefined) {
    return failure.retryAfterMs;
  }
  return Math.min(baseBackoffMs * 2 ** (retry - 1), maxBackoffMs);
}

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
