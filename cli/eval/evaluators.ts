/**
 * Evaluators: each scores one answer from 0 to 1 with a reason, or returns null when it does not
 * apply to the item (exact match on an item without `expected`). Built in: exact match, contains,
 * regex, JSON validity, JSON-schema conformance (ajv), length bounds; custom ones come from a
 * module exporting `(item, output) => { score, reason }`; the LLM judge is in judge.ts.
 */
import Ajv, { ValidateFunction } from "ajv";
import { DatasetItem } from "./dataset";

export interface Score {
  /** 0 (worst) to 1 (best). */
  readonly score: number;
  readonly reason: string;
}

/** Scores one answer; null when the evaluator does not apply to the item. */
export type EvaluateFn = (item: DatasetItem, output: string, signal: AbortSignal) => Promise<Score | null>;

export interface Evaluator {
  /** Unique name; the report and the thresholds use it. */
  readonly name: string;
  readonly type: string;
  /** Score at or above which an item passes. */
  readonly passScore: number;
  readonly evaluate: EvaluateFn;
  /** The judge deployment, for an LLM judge. */
  readonly judgeDeployment?: string;
}

const pass = (reason: string): Score => ({ score: 1, reason });
const fail = (reason: string): Score => ({ score: 0, reason });

function clip(text: string, max = 80): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Exact match against the item's `expected` (trimmed; optionally ignoring case). */
export function exactMatch(opts: { ignoreCase?: boolean; trim?: boolean } = {}) {
  const norm = (s: string) => {
    const t = (opts.trim ?? true) ? s.trim() : s;
    return opts.ignoreCase ? t.toLowerCase() : t;
  };
  return (item: DatasetItem, output: string): Score | null => {
    if (item.expected === undefined) {
      return null;
    }
    return norm(output) === norm(item.expected)
      ? pass("matches expected")
      : fail(`expected "${clip(item.expected)}", got "${clip(output)}"`);
  };
}

/** The answer contains the given values (all, or any), else the item's `expected`. */
export function contains(opts: { values?: readonly string[]; all?: boolean; ignoreCase?: boolean } = {}) {
  return (item: DatasetItem, output: string): Score | null => {
    const values = opts.values ?? (item.expected !== undefined ? [item.expected] : undefined);
    if (values === undefined || values.length === 0) {
      return null;
    }
    const hay = opts.ignoreCase ? output.toLowerCase() : output;
    const found = values.filter((v) => hay.includes(opts.ignoreCase ? v.toLowerCase() : v));
    const ok = (opts.all ?? true) ? found.length === values.length : found.length > 0;
    const missing = values.filter((v) => !found.includes(v));
    return ok
      ? pass(`contains ${found.map((v) => `"${clip(v, 30)}"`).join(", ")}`)
      : fail(`missing ${missing.map((v) => `"${clip(v, 30)}"`).join(", ")}`);
  };
}

/** The answer matches a regular expression. */
export function regex(pattern: RegExp) {
  return (_item: DatasetItem, output: string): Score =>
    pattern.test(output) ? pass(`matches ${pattern}`) : fail(`does not match ${pattern}`);
}

function parseJson(output: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(output) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The answer is JSON. */
export function jsonValid() {
  return (_item: DatasetItem, output: string): Score => {
    const parsed = parseJson(output);
    return parsed.ok ? pass("valid JSON") : fail(`not JSON: ${clip(parsed.error)}`);
  };
}

/** The answer is JSON that conforms to the given schema, else to the item's `schema`. */
export function jsonSchema(schema?: Record<string, unknown>) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const fixed = schema ? ajv.compile(schema) : undefined;
  const perItem = new Map<string, ValidateFunction>();
  return (item: DatasetItem, output: string): Score | null => {
    let validate = fixed;
    if (!validate && item.schema) {
      validate = perItem.get(item.id) ?? ajv.compile(item.schema);
      perItem.set(item.id, validate);
    }
    if (!validate) {
      return null;
    }
    const parsed = parseJson(output);
    if (!parsed.ok) {
      return fail(`not JSON: ${clip(parsed.error)}`);
    }
    if (validate(parsed.value)) {
      return pass("conforms to the schema");
    }
    return fail(clip(ajv.errorsText(validate.errors, { separator: "; " }), 200));
  };
}

/** The answer's length lies within bounds, in characters or words. */
export function lengthBounds(opts: { min?: number; max?: number; unit?: "characters" | "words" }) {
  const unit = opts.unit ?? "characters";
  return (_item: DatasetItem, output: string): Score => {
    const size =
      unit === "words" ? (output.trim() === "" ? 0 : output.trim().split(/\s+/).length) : [...output].length;
    if (opts.min !== undefined && size < opts.min) {
      return fail(`${size} ${unit}, fewer than ${opts.min}`);
    }
    if (opts.max !== undefined && size > opts.max) {
      return fail(`${size} ${unit}, more than ${opts.max}`);
    }
    return pass(`${size} ${unit}`);
  };
}

/** A synchronous scoring function as an {@link EvaluateFn}. */
export function lift(fn: (item: DatasetItem, output: string) => Score | null): EvaluateFn {
  return (item, output) => Promise.resolve(fn(item, output));
}

/**
 * Checks what a custom evaluator returned: `{ score: 0..1, reason: string }` or null/undefined
 * (does not apply). Throws with what was wrong otherwise.
 */
export function checkScore(value: unknown): Score | null {
  if (value === null || value === undefined) {
    return null;
  }
  const v = value as { score?: unknown; reason?: unknown };
  if (
    typeof v !== "object" ||
    typeof v.score !== "number" ||
    !Number.isFinite(v.score) ||
    v.score < 0 ||
    v.score > 1
  ) {
    throw new Error(
      `returned ${clip(JSON.stringify(value) ?? String(value))}; expected { score: a number from 0 to 1, reason: string } or null`,
    );
  }
  return { score: v.score, reason: typeof v.reason === "string" ? v.reason : "" };
}
