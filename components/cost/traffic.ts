/**
 * Expected traffic: what a standard or batch deployment is priced from, and what a provisioned one
 * is loaded with. Declared per deployment or per gateway team; carried on each deployment as the
 * `expectedTraffic` tag, so that the plan and the policy pack price the same resources the same way
 * (a tag is also in `pulumi stack export`, so a deployed stack prices itself too).
 */

/** Traffic as a person declares it: requests per minute and the average request. */
export interface ExpectedTraffic {
  /** Requests per minute, averaged over the month. */
  readonly requestsPerMinute: number;
  /** Average input (prompt) tokens per request. */
  readonly inputTokens: number;
  /** Average output (completion) tokens per request. */
  readonly outputTokens: number;
  /**
   * Share (0–1) of the input tokens served from the prompt cache, billed at the cached-input price.
   * @default 0
   */
  readonly cachedShare?: number;
}

/** A field of an expected traffic that cannot hold. */
export interface TrafficProblem {
  readonly field: keyof ExpectedTraffic;
  readonly value: number;
  readonly message: string;
}

/** Problems with a declared traffic: negative or non-finite numbers, a cached share outside 0–1. */
export function trafficProblems(t: ExpectedTraffic): TrafficProblem[] {
  const problems: TrafficProblem[] = [];
  for (const field of ["requestsPerMinute", "inputTokens", "outputTokens"] as const) {
    if (!(Number.isFinite(t[field]) && t[field] >= 0)) {
      problems.push({ field, value: t[field], message: "must be a number of at least 0" });
    }
  }
  const cached = t.cachedShare;
  if (cached !== undefined && !(Number.isFinite(cached) && cached >= 0 && cached <= 1)) {
    problems.push({
      field: "cachedShare",
      value: cached,
      message: "is the share of input tokens served from the prompt cache: a number from 0 to 1",
    });
  }
  return problems;
}

/** Tokens per minute, the form traffic is added and split in. */
export interface TokenRate {
  readonly requestsPerMinute: number;
  readonly inputTokensPerMinute: number;
  /** The part of the input tokens served from the prompt cache. */
  readonly cachedInputTokensPerMinute: number;
  readonly outputTokensPerMinute: number;
}

export const noTraffic: TokenRate = {
  requestsPerMinute: 0,
  inputTokensPerMinute: 0,
  cachedInputTokensPerMinute: 0,
  outputTokensPerMinute: 0,
};

export function rateOf(t: ExpectedTraffic): TokenRate {
  const input = t.requestsPerMinute * t.inputTokens;
  return {
    requestsPerMinute: t.requestsPerMinute,
    inputTokensPerMinute: input,
    cachedInputTokensPerMinute: input * (t.cachedShare ?? 0),
    outputTokensPerMinute: t.requestsPerMinute * t.outputTokens,
  };
}

/** The average request of a rate (zero tokens when there are no requests). */
export function trafficOf(r: TokenRate): ExpectedTraffic {
  const per = (n: number) => (r.requestsPerMinute > 0 ? n / r.requestsPerMinute : 0);
  return {
    requestsPerMinute: r.requestsPerMinute,
    inputTokens: per(r.inputTokensPerMinute),
    outputTokens: per(r.outputTokensPerMinute),
    cachedShare: r.inputTokensPerMinute > 0 ? r.cachedInputTokensPerMinute / r.inputTokensPerMinute : 0,
  };
}

export function addRates(a: TokenRate, b: TokenRate): TokenRate {
  return {
    requestsPerMinute: a.requestsPerMinute + b.requestsPerMinute,
    inputTokensPerMinute: a.inputTokensPerMinute + b.inputTokensPerMinute,
    cachedInputTokensPerMinute: a.cachedInputTokensPerMinute + b.cachedInputTokensPerMinute,
    outputTokensPerMinute: a.outputTokensPerMinute + b.outputTokensPerMinute,
  };
}

export function scaleRate(r: TokenRate, factor: number): TokenRate {
  return {
    requestsPerMinute: r.requestsPerMinute * factor,
    inputTokensPerMinute: r.inputTokensPerMinute * factor,
    cachedInputTokensPerMinute: r.cachedInputTokensPerMinute * factor,
    outputTokensPerMinute: r.outputTokensPerMinute * factor,
  };
}

export function isZeroRate(r: TokenRate): boolean {
  return r.requestsPerMinute <= 0 && r.inputTokensPerMinute <= 0 && r.outputTokensPerMinute <= 0;
}

/** The tag that carries a deployment's expected traffic. */
export const expectedTrafficTag = "expectedTraffic";

/** The tag that says how a provisioned deployment is billed: `hourly` or `reservation`. */
export const ptuPricingTag = "ptuPricing";

/**
 * How a provisioned deployment's PTUs are billed: by the hour, or under a reservation bought separately.
 * @enum
 */
export const PtuPricing = { hourly: "hourly", reservation: "reservation" } as const;
export type PtuPricing = (typeof PtuPricing)[keyof typeof PtuPricing];
/** Every `PtuPricing` value. */
export const ptuPricings: readonly PtuPricing[] = Object.values(PtuPricing);

/** Azure tag values hold at most 256 characters. */
const maxTagValue = 256;

function num(n: number): string {
  return String(Number(n.toFixed(4)));
}

/**
 * The tag value of a traffic: `rpm=120;in=1500;out=400;cached=0.25;from=<who>`. `from` names where
 * the traffic comes from (the deployment itself, gateway teams, a provisioned deployment's overflow).
 */
export function trafficTagValue(t: ExpectedTraffic, from: readonly string[]): string {
  const head = `rpm=${num(t.requestsPerMinute)};in=${num(t.inputTokens)};out=${num(t.outputTokens)};cached=${num(t.cachedShare ?? 0)}`;
  const names = [...new Set(from)].sort();
  let sources = names.join(",");
  for (let shown = names.length; shown > 0 && head.length + sources.length + 6 > maxTagValue; shown--) {
    sources = `${names.slice(0, shown - 1).join(",")}${shown > 1 ? "," : ""}+${names.length - shown + 1} more`;
  }
  return sources ? `${head};from=${sources}` : head;
}

/** A parsed traffic tag, or why it cannot be read. */
export type ParsedTraffic =
  | { readonly ok: true; readonly traffic: ExpectedTraffic; readonly from: string }
  | { readonly ok: false; readonly why: string };

/** Reads a traffic tag value written by {@link trafficTagValue} (or by hand, in the same form). */
export function parseTrafficTag(value: string): ParsedTraffic {
  const fields = new Map<string, string>();
  for (const part of value.split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) {
      return { ok: false, why: `'${part}' is not key=value` };
    }
    fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const read = (key: string, optional: boolean): number | string => {
    const raw = fields.get(key);
    if (raw === undefined) {
      return optional ? 0 : `lacks ${key}=`;
    }
    const n = Number(raw);
    return raw !== "" && Number.isFinite(n) && n >= 0 ? n : `${key}=${raw} is not a number of at least 0`;
  };
  const rpm = read("rpm", false);
  const input = read("in", false);
  const output = read("out", false);
  const cached = read("cached", true);
  const problem = [rpm, input, output, cached].find((v): v is string => typeof v === "string");
  if (problem !== undefined) {
    return { ok: false, why: problem };
  }
  if ((cached as number) > 1) {
    return { ok: false, why: `cached=${cached as number} is a share of the input tokens, from 0 to 1` };
  }
  return {
    ok: true,
    traffic: {
      requestsPerMinute: rpm as number,
      inputTokens: input as number,
      outputTokens: output as number,
      cachedShare: cached as number,
    },
    from: fields.get("from") ?? "",
  };
}
