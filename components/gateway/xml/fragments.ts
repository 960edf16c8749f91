/**
 * Typed builders for the policy elements the gateway uses. Each validates its input (collecting
 * every problem) and returns an element tree; nothing here renders or touches resources.
 */
import { csString, expr, jsonErrorBodyCode } from "./expressions";
import {
  ContentSafetyCategory,
  contentSafetyCategories,
  defaultMetricDimensions,
  TokenQuotaPeriod,
  tokenQuotaPeriods,
} from "./reference";
import { el, text, XmlElement, XmlNode } from "./xml";

/** Thrown by a builder given values the policy reference does not allow; lists every problem. */
export class PolicyInputError extends Error {
  constructor(
    readonly policy: string,
    readonly problems: readonly string[],
  ) {
    super(`<${policy}>: ${problems.join("; ")}`);
    this.name = "PolicyInputError";
  }
}

function ensure(policy: string, problems: string[]): void {
  if (problems.length > 0) {
    throw new PolicyInputError(policy, problems);
  }
}

const isWhole = (n: number, min: number): boolean => Number.isInteger(n) && n >= min;

/** `<base />`: runs the policies of the enclosing scope. */
export function base(): XmlElement {
  return el("base");
}

/** Options of `<llm-token-limit>` (https://learn.microsoft.com/azure/api-management/llm-token-limit-policy). */
export interface TokenLimitOptions {
  /** Key of the counter: a literal or a policy expression (`@(...)`). One counter per key value across scopes. */
  readonly counterKey: string;
  /**
   * Prompt and completion tokens per minute; over it the caller gets 429.
   * @default - no per-minute limit (then a quota is required)
   */
  readonly tokensPerMinute?: number;
  /**
   * Tokens allowed per `tokenQuotaPeriod`; over it the caller gets 403.
   * @default - no quota (then `tokensPerMinute` is required)
   */
  readonly tokenQuota?: number;
  /**
   * Window of the quota; required with `tokenQuota`.
   * @default - none
   */
  readonly tokenQuotaPeriod?: TokenQuotaPeriod;
  /** Estimate prompt tokens before calling the model, so an over-budget prompt never reaches it. */
  readonly estimatePromptTokens: boolean;
  /** @default - none */
  readonly remainingTokensHeaderName?: string;
  /** @default - none */
  readonly remainingQuotaTokensHeaderName?: string;
  /** @default - none */
  readonly tokensConsumedHeaderName?: string;
  /** @default "Retry-After" (the gateway's own default) */
  readonly retryAfterHeaderName?: string;
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function tokenLimit(o: TokenLimitOptions): XmlElement {
  const problems: string[] = [];
  if (o.counterKey.trim() === "") {
    problems.push("counter-key must not be empty");
  }
  const hasQuota = o.tokenQuota !== undefined || o.tokenQuotaPeriod !== undefined;
  if (o.tokensPerMinute === undefined && !hasQuota) {
    problems.push("set tokens-per-minute, or token-quota with token-quota-period");
  }
  if (o.tokensPerMinute !== undefined && !isWhole(o.tokensPerMinute, 1)) {
    problems.push(`tokens-per-minute ${o.tokensPerMinute} must be a whole number of at least 1`);
  }
  if (hasQuota) {
    if (o.tokenQuota === undefined || o.tokenQuotaPeriod === undefined) {
      problems.push("token-quota and token-quota-period go together; set both");
    }
    if (o.tokenQuota !== undefined && !isWhole(o.tokenQuota, 1)) {
      problems.push(`token-quota ${o.tokenQuota} must be a whole number of at least 1`);
    }
    if (o.tokenQuotaPeriod !== undefined && !tokenQuotaPeriods.includes(o.tokenQuotaPeriod)) {
      problems.push(
        `token-quota-period '${String(o.tokenQuotaPeriod)}' must be one of ${tokenQuotaPeriods.join(", ")}`,
      );
    }
  }
  for (const [attr, value] of [
    ["remaining-tokens-header-name", o.remainingTokensHeaderName],
    ["remaining-quota-tokens-header-name", o.remainingQuotaTokensHeaderName],
    ["tokens-consumed-header-name", o.tokensConsumedHeaderName],
    ["retry-after-header-name", o.retryAfterHeaderName],
  ] as const) {
    if (value !== undefined && !headerName.test(value)) {
      problems.push(
        `${attr} '${value}' is not an HTTP header name (policy expressions are not allowed here)`,
      );
    }
  }
  ensure("llm-token-limit", problems);
  return el("llm-token-limit", {
    "counter-key": o.counterKey,
    "tokens-per-minute": o.tokensPerMinute,
    "token-quota": o.tokenQuota,
    "token-quota-period": o.tokenQuotaPeriod,
    "estimate-prompt-tokens": o.estimatePromptTokens,
    "retry-after-header-name": o.retryAfterHeaderName,
    "remaining-tokens-header-name": o.remainingTokensHeaderName,
    "remaining-quota-tokens-header-name": o.remainingQuotaTokensHeaderName,
    "tokens-consumed-header-name": o.tokensConsumedHeaderName,
  });
}

/** One dimension of `<llm-emit-token-metric>`; `value` may be left out only for a default dimension. */
export interface MetricDimension {
  readonly name: string;
  /** A literal or a policy expression. @default - the gateway fills in the default dimension */
  readonly value?: string;
}

/** `<llm-emit-token-metric>` with 1 to 5 dimensions (https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy). */
export function emitTokenMetric(namespace: string, dimensions: readonly MetricDimension[]): XmlElement {
  const problems: string[] = [];
  if (namespace.startsWith("@")) {
    problems.push("namespace does not allow policy expressions");
  }
  if (dimensions.length < 1 || dimensions.length > 5) {
    problems.push(`${dimensions.length} dimensions given; the policy takes 1 to 5`);
  }
  const seen = new Set<string>();
  for (const d of dimensions) {
    if (seen.has(d.name)) {
      problems.push(`dimension '${d.name}' is given twice`);
    }
    seen.add(d.name);
    if (d.value === undefined && !(defaultMetricDimensions as readonly string[]).includes(d.name)) {
      problems.push(
        `dimension '${d.name}' needs a value (only ${defaultMetricDimensions.join(", ")} may leave it out)`,
      );
    }
  }
  ensure("llm-emit-token-metric", problems);
  return el(
    "llm-emit-token-metric",
    { namespace },
    dimensions.map((d) => el("dimension", { name: d.name, value: d.value })),
  );
}

/** Options of `<llm-semantic-cache-lookup>`. */
export interface SemanticCacheLookupOptions {
  /** 0.0–1.0; smaller means only closer prompts hit. Start near 0.05; above 0.2 risks wrong answers. */
  readonly scoreThreshold: number;
  /** Backend id of the embeddings deployment. */
  readonly embeddingsBackendId: string;
  /** @default false */
  readonly ignoreSystemMessages?: boolean;
  /** @default - no limit */
  readonly maxMessageCount?: number;
  /** Expressions partitioning the cache (concatenated). @default - one cache for everybody */
  readonly varyBy?: readonly string[];
}

export function semanticCacheLookup(o: SemanticCacheLookupOptions): XmlElement {
  const problems: string[] = [];
  if (!(o.scoreThreshold >= 0 && o.scoreThreshold <= 1)) {
    problems.push(`score-threshold ${o.scoreThreshold} must be between 0.0 and 1.0`);
  }
  if (o.embeddingsBackendId.trim() === "") {
    problems.push("embeddings-backend-id must name the embeddings backend");
  }
  if (o.maxMessageCount !== undefined && !isWhole(o.maxMessageCount, 1)) {
    problems.push(`max-message-count ${o.maxMessageCount} must be a whole number of at least 1`);
  }
  ensure("llm-semantic-cache-lookup", problems);
  return el(
    "llm-semantic-cache-lookup",
    {
      "score-threshold": o.scoreThreshold,
      "embeddings-backend-id": o.embeddingsBackendId,
      "embeddings-backend-auth": "system-assigned",
      "ignore-system-messages": o.ignoreSystemMessages,
      "max-message-count": o.maxMessageCount,
    },
    (o.varyBy ?? []).map((v) => el("vary-by", {}, text(v))),
  );
}

/** `<llm-semantic-cache-store duration="...">`: time to live of cached responses in seconds. */
export function semanticCacheStore(durationSeconds: number): XmlElement {
  ensure(
    "llm-semantic-cache-store",
    isWhole(durationSeconds, 1)
      ? []
      : [`duration ${durationSeconds} must be a whole number of seconds, at least 1`],
  );
  return el("llm-semantic-cache-store", { duration: durationSeconds });
}

/** Options of `<llm-content-safety>`. */
export interface ContentSafetyOptions {
  /** Backend id of the Azure AI Content Safety backend. */
  readonly backendId: string;
  /** @default true - check prompts for jailbreak attacks */
  readonly shieldPrompt?: boolean;
  /** @default "EightSeverityLevels" */
  readonly outputType?: "FourSeverityLevels" | "EightSeverityLevels";
  /** Block at or above these severities (0–7). @default - no category check */
  readonly categories?: Readonly<Partial<Record<ContentSafetyCategory, number>>>;
  /** Content Safety blocklist ids. @default - none */
  readonly blocklists?: readonly string[];
}

export function contentSafety(o: ContentSafetyOptions): XmlElement {
  const problems: string[] = [];
  if (o.backendId.trim() === "") {
    problems.push("backend-id must name the Content Safety backend");
  }
  const categories = Object.entries(o.categories ?? {}) as [ContentSafetyCategory, number][];
  for (const [name, threshold] of categories) {
    if (!contentSafetyCategories.includes(name)) {
      problems.push(`category '${name}' must be one of ${contentSafetyCategories.join(", ")}`);
    }
    if (!(Number.isInteger(threshold) && threshold >= 0 && threshold <= 7)) {
      problems.push(`category '${name}': threshold ${threshold} must be a whole number from 0 to 7`);
    }
  }
  ensure("llm-content-safety", problems);
  return el(
    "llm-content-safety",
    { "backend-id": o.backendId, "shield-prompt": o.shieldPrompt ?? true },
    categories.length > 0 &&
      el(
        "categories",
        { "output-type": o.outputType ?? "EightSeverityLevels" },
        categories.map(([name, threshold]) => el("category", { name, threshold })),
      ),
    (o.blocklists ?? []).length > 0 &&
      el(
        "blocklists",
        {},
        (o.blocklists ?? []).map((id) => el("id", {}, text(id))),
      ),
  );
}

/** `<authentication-managed-identity>`: the gateway's identity gets a token for `resource` and sends it as a bearer token. */
export function managedIdentityAuthentication(resource: string): XmlElement {
  ensure(
    "authentication-managed-identity",
    /^https:\/\//.test(resource) ? [] : [`resource '${resource}' must be an https audience URI`],
  );
  return el("authentication-managed-identity", { resource });
}

/** `<set-variable>`. */
export function setVariable(name: string, value: string): XmlElement {
  return el("set-variable", { name, value });
}

/**
 * `<return-response>` with a status and a JSON body computed by `bodyCode` (a C# expression that
 * yields the body string).
 */
export function jsonResponse(status: number, reason: string, bodyCode: string): XmlElement {
  return el(
    "return-response",
    {},
    el("set-status", { code: status, reason }),
    el(
      "set-header",
      { name: "Content-Type", "exists-action": "override" },
      el("value", {}, text("application/json")),
    ),
    el("set-body", {}, text(expr(bodyCode))),
  );
}

/** A JSON error response in the OpenAI error shape. */
export function jsonError(
  status: number,
  reason: string,
  code: string,
  messageCode: string,
  extra: Readonly<Record<string, string>> = {},
): XmlElement {
  return jsonResponse(status, reason, jsonErrorBodyCode(code, messageCode, extra));
}

/** `<choose>` with `when` branches and an optional `otherwise`. */
export function choose(
  branches: readonly { readonly condition: string; readonly then: readonly XmlNode[] }[],
  otherwise?: readonly XmlNode[],
): XmlElement {
  return el(
    "choose",
    {},
    branches.map((b) => el("when", { condition: b.condition }, b.then)),
    otherwise !== undefined && el("otherwise", {}, otherwise),
  );
}

/** A literal C# string equality test against a string expression. */
export function equalsAny(valueCode: string, literals: readonly string[]): string {
  return literals.map((l) => `${valueCode} == ${csString(l)}`).join(" || ");
}
