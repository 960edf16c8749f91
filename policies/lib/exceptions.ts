/**
 * Acknowledged exceptions (compare cdk-nag's NagSuppressions: rule id + reason, here with an expiry
 * date). An exception names one rule and one resource and comes from either
 *   - the rule's policy config: `"exceptions": [{ "resource": "<URN or logical name>", "reason": "...",
 *     "expires": "YYYY-MM-DD" }]` (`"resource": "stack"` for a finding about the stack as a whole), or
 *   - a tag on the resource itself: `policy-exception:<rule>` = `YYYY-MM-DD: <reason>`.
 *
 * A finding covered by a valid exception is still reported, at `advisory` level, its message opening
 * with the acknowledgement line; so `pulumi preview --policy-pack` shows it and does not block on it.
 * An expired exception no longer applies (the finding keeps its level and says so). A config exception
 * without a reason or an expiry date is refused with the config (the schema requires both, and both
 * `pulumi preview` and the offline tools validate config first); a tag without them never applies,
 * and `governance-resource-exception-tag` reports it.
 */
import { PolicyConfigSchema, ReportViolation } from "@pulumi/policy";
import { judgeDate } from "./lifecycle";
import { isRecord } from "./read";

/** Tag keys that carry an exception: `policy-exception:<rule name>`. */
export const exceptionTagPrefix = "policy-exception:";

/** The `resource` value of an exception for findings about the stack as a whole. */
export const stackScope = "stack";

export interface ExceptionEntry {
  readonly resource?: string;
  readonly reason?: string;
  readonly expires?: string;
}

/** Config schema properties every rule accepts (added by `resourceRule` and `stackRule`). */
export const exceptionConfigSchema: PolicyConfigSchema["properties"] = {
  exceptions: {
    type: "array",
    description:
      "Acknowledged exceptions to this rule: each names a resource (its URN or logical name, or 'stack' for a finding about the stack), the reason and the date (YYYY-MM-DD) it expires. An exception without a reason or an expiry date is refused with the rest of the config.",
    items: {
      type: "object",
      properties: {
        resource: { type: "string", minLength: 1 },
        reason: { type: "string", pattern: "\\S" },
        expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
      },
      required: ["resource", "reason", "expires"],
      additionalProperties: false,
    },
  },
  asOf: {
    type: "string",
    pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    description: "Judge as of this date (YYYY-MM-DD) instead of today, for reproducible audits.",
  },
};

/** Where an exception came from, as the acknowledgement line names it. */
export type ExceptionSource = "config" | "tag";

/** An exception judged on a date. */
export type ExceptionState =
  | {
      readonly status: "valid";
      readonly reason: string;
      readonly expires: string;
      readonly source: ExceptionSource;
    }
  | {
      readonly status: "expired";
      readonly reason: string;
      readonly expires: string;
      readonly source: ExceptionSource;
    }
  | { readonly status: "invalid"; readonly problem: string; readonly source: ExceptionSource };

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = datePattern.exec(value);
  if (!m) {
    return false;
  }
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Judges an exception on `today` (YYYY-MM-DD): valid through its expiry date, expired after it. */
export function judgeException(
  reason: string | undefined,
  expires: string | undefined,
  source: ExceptionSource,
  today: string,
): ExceptionState {
  const why = reason?.trim() ?? "";
  if (why === "") {
    return { status: "invalid", problem: "it has no reason", source };
  }
  if (expires === undefined || !isIsoDate(expires.trim())) {
    return {
      status: "invalid",
      problem: `its expiry date ${expires === undefined ? "is missing" : `'${expires}' is not a date (YYYY-MM-DD)`}`,
      source,
    };
  }
  const date = expires.trim();
  return date < today
    ? { status: "expired", reason: why, expires: date, source }
    : { status: "valid", reason: why, expires: date, source };
}

/** Reads a tag value `YYYY-MM-DD: reason` (or `YYYY-MM-DD reason`). */
export function parseExceptionTag(value: string): { expires?: string; reason?: string } {
  const m = /^\s*(\S+?)[:\s]\s*(.*)$/s.exec(value);
  if (!m) {
    return { expires: value.trim() || undefined };
  }
  return { expires: m[1], reason: m[2].trim() || undefined };
}

/** The line that opens the message of a finding an exception touches. */
export function exceptionLine(state: ExceptionState): string {
  switch (state.status) {
    case "valid":
      return `Acknowledged exception (expires ${state.expires}, from ${state.source}): ${state.reason}`;
    case "expired":
      return `Exception expired on ${state.expires} (from ${state.source}), so the finding counts again: ${state.reason}`;
    default:
      return `Exception ignored (from ${state.source}): ${state.problem}.`;
  }
}

/** A tag map read without tripping on values unknown during preview. */
function tagValue(tags: unknown, key: string): string | undefined {
  if (!isRecord(tags)) {
    return undefined;
  }
  const value = Object.getOwnPropertyDescriptor(tags, key)?.value;
  return typeof value === "string" ? value : undefined;
}

/** What the wrapper knows about the resource a finding names. */
export interface FindingTarget {
  readonly urn: string | undefined;
  readonly name: string | undefined;
  readonly tags: () => unknown;
}

/** The exception that applies to a finding of `rule` on `target`, if any: config first, then the tag. */
export function exceptionFor(
  rule: string,
  entries: readonly ExceptionEntry[],
  target: FindingTarget,
  today: string,
): ExceptionState | undefined {
  const entry = entries.find((e) => matches(e, target));
  if (entry) {
    return judgeException(entry.reason, entry.expires, "config", today);
  }
  if (target.urn === undefined) {
    return undefined;
  }
  let raw: string | undefined;
  try {
    raw = tagValue(target.tags(), `${exceptionTagPrefix}${rule}`);
  } catch {
    return undefined; // tags unknown during preview: no exception can be read
  }
  if (raw === undefined) {
    return undefined;
  }
  const { expires, reason } = parseExceptionTag(raw);
  return judgeException(reason, expires, "tag", today);
}

function matches(entry: ExceptionEntry, target: FindingTarget): boolean {
  const resource = entry.resource;
  if (resource === undefined) {
    return false;
  }
  if (target.urn === undefined) {
    return resource === stackScope;
  }
  return resource === target.urn || (target.name !== undefined && resource === target.name);
}

interface RuleIdentity {
  readonly name: string;
  readonly description: string;
}

interface ExceptionConfig {
  readonly exceptions?: readonly ExceptionEntry[];
  readonly asOf?: string;
}

/** Today as YYYY-MM-DD, or the config's `asOf`. */
export function todayOf(config: { asOf?: string }): string {
  return judgeDate(config.asOf).toISOString().slice(0, 10);
}

/** The SDK's report function also takes an object that sets one violation's enforcement level. */
type ReportObject = (violation: {
  readonly message: string;
  readonly urn?: string;
  readonly enforcementLevel: "advisory";
}) => void;

/**
 * A report function that applies the rule's exceptions: an acknowledged finding goes out as advisory
 * with the acknowledgement line first; an expired or invalid exception is named in the finding,
 * which keeps its level. `targetOf` finds the resource a URN names (undefined URN: the stack).
 */
export function reportWithExceptions(
  rule: RuleIdentity,
  config: ExceptionConfig,
  report: ReportViolation,
  targetOf: (urn: string | undefined) => FindingTarget,
): ReportViolation {
  const entries = config.exceptions ?? [];
  let today: string | undefined;
  return (message, urn) => {
    const target = targetOf(urn);
    today ??= todayOf(config);
    const state = exceptionFor(rule.name, entries, target, today);
    if (state === undefined) {
      report(message, urn);
    } else if (state.status === "valid") {
      (report as unknown as ReportObject)({
        message: `${rule.description}\n${exceptionLine(state)}\n${message}`,
        urn,
        enforcementLevel: "advisory",
      });
    } else {
      report(`${exceptionLine(state)}\n${message}`, urn);
    }
  };
}
