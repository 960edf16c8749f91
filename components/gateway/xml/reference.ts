/**
 * The part of the API Management policy reference the gateway's documents use: per element, its
 * attributes (required or not), the children it may hold and the sections it may appear in.
 * Source: Microsoft Learn, "API Management policy reference"
 * (https://learn.microsoft.com/azure/api-management/api-management-policies) and each policy's page,
 * read 2026; the AI gateway policies from `llm-token-limit-policy.md`, `llm-emit-token-metric-policy.md`,
 * `llm-semantic-cache-lookup-policy.md`, `llm-semantic-cache-store-policy.md`,
 * `llm-content-safety-policy.md`.
 *
 * Tests check every generated document against this table; the table itself is data, never used
 * to build documents.
 */

export type PolicySection = "inbound" | "backend" | "outbound" | "on-error";

export interface PolicyElementReference {
  /** Attributes the element must have. */
  readonly required: readonly string[];
  /** Attributes it may have besides the required ones. */
  readonly optional: readonly string[];
  /** Elements it may contain; `"text"` when it holds text only. */
  readonly children: readonly string[] | "text" | "any-policy";
  /** Sections it may be used in; undefined for structural elements. */
  readonly sections?: readonly PolicySection[];
  /** The Learn page. */
  readonly source: string;
}

const learn = (page: string): string => `https://learn.microsoft.com/azure/api-management/${page}`;
const everywhere: readonly PolicySection[] = ["inbound", "backend", "outbound", "on-error"];

export const policyReference: Readonly<Record<string, PolicyElementReference>> = {
  policies: {
    required: [],
    optional: [],
    children: ["inbound", "backend", "outbound", "on-error"],
    source: learn("api-management-howto-policies"),
  },
  inbound: {
    required: [],
    optional: [],
    children: "any-policy",
    source: learn("api-management-howto-policies"),
  },
  backend: {
    required: [],
    optional: [],
    children: "any-policy",
    source: learn("api-management-howto-policies"),
  },
  outbound: {
    required: [],
    optional: [],
    children: "any-policy",
    source: learn("api-management-howto-policies"),
  },
  "on-error": {
    required: [],
    optional: [],
    children: "any-policy",
    source: learn("api-management-error-handling-policies"),
  },
  base: {
    required: [],
    optional: [],
    children: [],
    sections: everywhere,
    source: learn("api-management-howto-policies"),
  },
  "set-variable": {
    required: ["name", "value"],
    optional: [],
    children: [],
    sections: everywhere,
    source: learn("set-variable-policy"),
  },
  choose: {
    required: [],
    optional: [],
    children: ["when", "otherwise"],
    sections: everywhere,
    source: learn("choose-policy"),
  },
  when: { required: ["condition"], optional: [], children: "any-policy", source: learn("choose-policy") },
  otherwise: { required: [], optional: [], children: "any-policy", source: learn("choose-policy") },
  "return-response": {
    required: [],
    optional: ["response-variable-name"],
    children: ["set-status", "set-header", "set-body"],
    sections: everywhere,
    source: learn("return-response-policy"),
  },
  "set-status": {
    required: ["code"],
    optional: ["reason"],
    children: [],
    sections: everywhere,
    source: learn("set-status-policy"),
  },
  "set-header": {
    required: ["name"],
    optional: ["exists-action"],
    children: ["value"],
    sections: everywhere,
    source: learn("set-header-policy"),
  },
  "set-query-parameter": {
    required: ["name"],
    optional: ["exists-action"],
    children: ["value"],
    sections: ["inbound", "backend"],
    source: learn("set-query-parameter-policy"),
  },
  value: { required: [], optional: [], children: "text", source: learn("set-header-policy") },
  "set-body": {
    required: [],
    optional: ["template", "xsi-nil", "parse-date"],
    children: "text",
    sections: everywhere,
    source: learn("set-body-policy"),
  },
  "authentication-managed-identity": {
    required: ["resource"],
    optional: ["client-id", "output-token-variable-name", "ignore-error"],
    children: [],
    sections: ["inbound"],
    source: learn("authentication-managed-identity-policy"),
  },
  "set-backend-service": {
    required: [],
    optional: [
      "base-url",
      "backend-id",
      "sf-resolve-condition",
      "sf-service-instance-name",
      "sf-partition-key",
      "sf-listener-name",
    ],
    children: [],
    sections: ["inbound", "backend"],
    source: learn("set-backend-service-policy"),
  },
  "rewrite-uri": {
    required: ["template"],
    optional: ["copy-unmatched-params"],
    children: [],
    sections: ["inbound"],
    source: learn("rewrite-uri-policy"),
  },
  retry: {
    required: ["condition", "count", "interval"],
    optional: ["max-interval", "delta", "first-fast-retry"],
    children: "any-policy",
    sections: everywhere,
    source: learn("retry-policy"),
  },
  "forward-request": {
    required: [],
    optional: [
      "http-version",
      "timeout",
      "continue-timeout",
      "follow-redirects",
      "buffer-request-body",
      "buffer-response",
      "fail-on-error-status-code",
    ],
    children: [],
    sections: ["backend"],
    source: learn("forward-request-policy"),
  },
  "llm-token-limit": {
    required: ["counter-key", "estimate-prompt-tokens"],
    optional: [
      "tokens-per-minute",
      "token-quota",
      "token-quota-period",
      "retry-after-header-name",
      "retry-after-variable-name",
      "remaining-quota-tokens-header-name",
      "remaining-quota-tokens-variable-name",
      "remaining-tokens-header-name",
      "remaining-tokens-variable-name",
      "tokens-consumed-header-name",
      "tokens-consumed-variable-name",
    ],
    children: [],
    sections: ["inbound"],
    source: learn("llm-token-limit-policy"),
  },
  "llm-emit-token-metric": {
    required: [],
    optional: ["namespace"],
    children: ["dimension"],
    sections: ["inbound"],
    source: learn("llm-emit-token-metric-policy"),
  },
  dimension: {
    required: ["name"],
    optional: ["value"],
    children: [],
    source: learn("llm-emit-token-metric-policy"),
  },
  "llm-semantic-cache-lookup": {
    required: ["score-threshold", "embeddings-backend-id", "embeddings-backend-auth"],
    optional: ["ignore-system-messages", "max-message-count"],
    children: ["vary-by"],
    sections: ["inbound"],
    source: learn("llm-semantic-cache-lookup-policy"),
  },
  "vary-by": {
    required: [],
    optional: [],
    children: "text",
    source: learn("llm-semantic-cache-lookup-policy"),
  },
  "llm-semantic-cache-store": {
    required: ["duration"],
    optional: [],
    children: [],
    sections: ["outbound"],
    source: learn("llm-semantic-cache-store-policy"),
  },
  "llm-content-safety": {
    required: ["backend-id"],
    optional: ["shield-prompt"],
    children: ["categories", "blocklists"],
    sections: ["inbound"],
    source: learn("llm-content-safety-policy"),
  },
  categories: {
    required: [],
    optional: ["output-type"],
    children: ["category"],
    source: learn("llm-content-safety-policy"),
  },
  category: {
    required: ["name", "threshold"],
    optional: [],
    children: [],
    source: learn("llm-content-safety-policy"),
  },
  blocklists: { required: [], optional: [], children: ["id"], source: learn("llm-content-safety-policy") },
  id: { required: [], optional: [], children: "text", source: learn("llm-content-safety-policy") },
};

/** Token quota periods `llm-token-limit` accepts. */
export const tokenQuotaPeriods = ["Hourly", "Daily", "Weekly", "Monthly", "Yearly"] as const;
export type TokenQuotaPeriod = (typeof tokenQuotaPeriods)[number];

/** Dimensions `llm-emit-token-metric` fills in itself when given without a value. */
export const defaultMetricDimensions = [
  "API ID",
  "Operation ID",
  "Product ID",
  "User ID",
  "Subscription ID",
  "Location",
  "Gateway ID",
  "Backend ID",
] as const;

/** Content Safety harm categories `llm-content-safety` accepts. */
export const contentSafetyCategories = ["Hate", "SelfHarm", "Sexual", "Violence"] as const;
export type ContentSafetyCategory = (typeof contentSafetyCategories)[number];
