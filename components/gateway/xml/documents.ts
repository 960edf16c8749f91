/**
 * The gateway's policy documents as pure functions: typed options in, a well-formed XML string out.
 *
 * - {@link inferenceApiPolicy}: the inference API's policy — routing by requested model to the
 *   model's backend pool, managed-identity authentication to the models, retry across the pool,
 *   token metrics, and the optional semantic cache and content safety.
 * - {@link teamProductPolicy}: a team product's policy — the team's model allow-list (403 with a
 *   JSON error) and its token limit and monthly quota.
 *
 * Every section keeps `<base />` (inbound, outbound, on-error first; the backend section forwards
 * the request itself inside `retry`), as PSRule `Azure.APIM.PolicyBase` and the policy pack expect.
 */
import { csString, expr, jsonStringArray, requestedModelCode, variable } from "./expressions";
import {
  base,
  choose,
  ContentSafetyOptions,
  contentSafety,
  emitTokenMetric,
  equalsAny,
  jsonError,
  managedIdentityAuthentication,
  PolicyInputError,
  semanticCacheLookup,
  semanticCacheStore,
  setVariable,
  tokenLimit,
} from "./fragments";
import { TokenQuotaPeriod } from "./reference";
import { el, renderXml, text, XmlElement, XmlNode } from "./xml";

/** The audience of Azure AI Services / Azure OpenAI tokens. */
export const cognitiveServicesAudience = "https://cognitiveservices.azure.com";

/** Context variables the documents set and read. */
export const policyVariables = {
  requestedModel: "requestedModel",
  routedModel: "routedModel",
  backendId: "backendId",
} as const;

/** A policy document's sections; `<base />` is added first to inbound, outbound and on-error. */
export interface PolicySections {
  readonly inbound?: readonly XmlNode[];
  /** @default `<base />` - a backend section that forwards itself must contain `forward-request` */
  readonly backend?: readonly XmlNode[];
  readonly outbound?: readonly XmlNode[];
  readonly onError?: readonly XmlNode[];
}

/** A whole `<policies>` document. */
export function policyDocument(s: PolicySections): string {
  return renderXml(
    el(
      "policies",
      {},
      el("inbound", {}, base(), s.inbound ?? []),
      el("backend", {}, s.backend ?? [base()]),
      el("outbound", {}, base(), s.outbound ?? []),
      el("on-error", {}, base(), s.onError ?? []),
    ),
  );
}

/** A literal attribute value; one the gateway would read as an expression (`@...`) or a named value (`{{...}}`) is wrapped as a C# string. */
export function literal(value: string): string {
  return value.startsWith("@") || value.includes("{{") ? expr(csString(value)) : value;
}

/** One name clients may ask for, and the backend (pool) that serves it. */
export interface GatewayRoute {
  /** What the client puts in `deployment-id` or in the body's `model`. */
  readonly name: string;
  /** The model it resolves to (a dimension of the token metric; the key of team allow-lists). */
  readonly model: string;
  /** The backend or pool id that serves it. */
  readonly backendId: string;
}

/** API versions used toward the deployments when the client did not send one (v1-style calls). */
export interface BackendApiVersions {
  /** For chat completions and embeddings. */
  readonly default: string;
  /** For the Responses API. */
  readonly responses: string;
}

export const defaultBackendApiVersions: BackendApiVersions = {
  default: "2024-10-21",
  responses: "2025-04-01-preview",
};

export interface InferenceApiPolicyOptions {
  /** Every routable name; names are unique, several may share a backend. */
  readonly routes: readonly GatewayRoute[];
  /** Retries across the pool on 429 and 503 (1–50); use the pool size minus one to try every member. */
  readonly retryCount: number;
  /**
   * Reject calls whose subscription is not scoped to a product (403): every call then passes a
   * team product, so its allow-list and token budget apply.
   * @default true
   */
  readonly requireProduct?: boolean;
  /** @default {@link defaultBackendApiVersions} */
  readonly apiVersions?: BackendApiVersions;
  /**
   * Emit token metrics (`llm-emit-token-metric`) to Application Insights in this namespace, with
   * Subscription ID, API ID, Product ID, Backend ID and Model dimensions; `undefined` emits none.
   * @default - no token metrics
   */
  readonly tokenMetricsNamespace?: string;
  /**
   * Semantic cache: lookup before the model, store after it, partitioned by product and model.
   * @default - no cache
   */
  readonly semanticCache?: {
    readonly embeddingsBackendId: string;
    readonly scoreThreshold: number;
    readonly durationSeconds: number;
  };
  /** @default - no content safety check */
  readonly contentSafety?: ContentSafetyOptions;
}

/** Problems with a route table: empty or duplicate names, empty backends. */
export function routeProblems(routes: readonly GatewayRoute[]): string[] {
  const problems: string[] = [];
  if (routes.length === 0) {
    problems.push("no routes: the gateway fronts no model");
  }
  const seen = new Map<string, GatewayRoute>();
  for (const r of routes) {
    if (r.name === "") {
      problems.push(`a route to '${r.backendId}' has an empty name`);
    }
    if (r.backendId === "") {
      problems.push(`route '${r.name}' has no backend`);
    }
    const first = seen.get(r.name);
    if (first && (first.backendId !== r.backendId || first.model !== r.model)) {
      problems.push(
        `'${r.name}' routes both to '${first.model}' (${first.backendId}) and to '${r.model}' (${r.backendId}); a name must resolve to one model`,
      );
    }
    seen.set(r.name, r);
  }
  return problems;
}

function routingChoose(routes: readonly GatewayRoute[]): XmlElement {
  const byBackend = new Map<string, { model: string; names: string[] }>();
  for (const r of routes) {
    const entry = byBackend.get(r.backendId) ?? { model: r.model, names: [] };
    if (!entry.names.includes(r.name)) {
      entry.names.push(r.name);
    }
    byBackend.set(r.backendId, entry);
  }
  const requested = variable(policyVariables.requestedModel);
  const known = [...new Set(routes.map((r) => r.model))].sort();
  return choose(
    [...byBackend.entries()].map(([backendId, { model, names }]) => ({
      condition: expr(equalsAny(requested, names)),
      then: [
        setVariable(policyVariables.routedModel, literal(model)),
        setVariable(policyVariables.backendId, literal(backendId)),
      ],
    })),
    [
      jsonError(
        400,
        "Bad Request",
        "UnknownModel",
        `"The model '" + ${requested} + "' is not served by this gateway; ask for one of the available models."`,
        { availableModels: jsonStringArray(known) },
      ),
    ],
  );
}

const operationTemplate = "context.Operation.UrlTemplate";

/** The operation path toward the deployment: `/v1/chat/completions` and `/deployments/{deployment-id}/chat/completions` both become `/chat/completions`. */
export const backendPathCode =
  `${operationTemplate}.StartsWith("/v1/") ? ${operationTemplate}.Substring(3) : ` +
  `${operationTemplate}.Substring(${operationTemplate}.IndexOf("}") + 1)`;

function apiVersionCode(v: BackendApiVersions): string {
  const given = 'context.Request.Url.Query.GetValueOrDefault("api-version", "")';
  const ours = `(${operationTemplate}.EndsWith("/responses") ? ${csString(v.responses)} : ${csString(v.default)})`;
  return `(${operationTemplate}.StartsWith("/v1/") || ${given} == "") ? ${ours} : ${given}`;
}

/** The inference API's policy document. */
export function inferenceApiPolicy(o: InferenceApiPolicyOptions): string {
  const problems = routeProblems(o.routes);
  if (!(Number.isInteger(o.retryCount) && o.retryCount >= 1 && o.retryCount <= 50)) {
    problems.push(`retry count ${o.retryCount} must be a whole number from 1 to 50`);
  }
  if (problems.length > 0) {
    throw new PolicyInputError("policies", problems);
  }
  const backendIdExpr = expr(variable(policyVariables.backendId));
  const routed = expr(variable(policyVariables.routedModel));
  const inbound: XmlNode[] = [];
  if (o.requireProduct ?? true) {
    inbound.push(
      choose([
        {
          condition: expr("context.Product == null"),
          then: [
            jsonError(
              403,
              "Forbidden",
              "ProductRequired",
              csString("Call the gateway with the subscription key of your team's product."),
            ),
          ],
        },
      ]),
    );
  }
  inbound.push(
    setVariable(policyVariables.requestedModel, expr(requestedModelCode)),
    routingChoose(o.routes),
    managedIdentityAuthentication(cognitiveServicesAudience),
    el("set-backend-service", { "backend-id": backendIdExpr }),
    el("rewrite-uri", { template: expr(backendPathCode) }),
    el(
      "set-query-parameter",
      { name: "api-version", "exists-action": "override" },
      el("value", {}, text(expr(apiVersionCode(o.apiVersions ?? defaultBackendApiVersions)))),
    ),
  );
  if (o.contentSafety) {
    inbound.push(contentSafety(o.contentSafety));
  }
  if (o.tokenMetricsNamespace !== undefined) {
    inbound.push(
      emitTokenMetric(o.tokenMetricsNamespace, [
        { name: "Subscription ID" },
        { name: "API ID" },
        { name: "Product ID" },
        { name: "Backend ID" },
        { name: "Model", value: routed },
      ]),
    );
  }
  if (o.semanticCache) {
    inbound.push(
      semanticCacheLookup({
        scoreThreshold: o.semanticCache.scoreThreshold,
        embeddingsBackendId: o.semanticCache.embeddingsBackendId,
        varyBy: [expr('context.Product == null ? "" : context.Product.Id'), routed],
      }),
    );
  }
  return policyDocument({
    inbound,
    backend: [
      el(
        "retry",
        {
          condition: expr("context.Response.StatusCode == 429 || context.Response.StatusCode == 503"),
          count: o.retryCount,
          interval: 0,
          "first-fast-retry": true,
        },
        // Pick again from the pool: a member whose circuit breaker tripped is skipped.
        el("set-backend-service", { "backend-id": backendIdExpr }),
        el("forward-request", { "buffer-request-body": true }),
      ),
    ],
    outbound: o.semanticCache ? [semanticCacheStore(o.semanticCache.durationSeconds)] : [],
  });
}

/** What a team may use through the gateway. */
export interface TeamProductPolicyOptions {
  /** Team name, used in messages. */
  readonly team: string;
  /** Models the team may call (the allow-list, as model names). */
  readonly allowedModels: readonly string[];
  /** Every routable name that resolves to an allowed model (model names and deployment names). */
  readonly allowedNames: readonly string[];
  /** Tokens per minute for the whole team (429 beyond). */
  readonly tokensPerMinute: number;
  /** Tokens per `quotaPeriod` for the whole team (403 beyond). */
  readonly tokenQuota: number;
  /** @default "Monthly" */
  readonly quotaPeriod?: TokenQuotaPeriod;
  /** @default true */
  readonly estimatePromptTokens?: boolean;
  /** @default `@(context.Product.Id)` - one counter for the team's product, whatever the subscription */
  readonly counterKey?: string;
}

/** Response headers the team product adds (remaining tokens per minute and in the quota, tokens consumed). */
export const tokenHeaders = {
  remainingTokens: "x-ratelimit-remaining-tokens",
  remainingQuotaTokens: "x-quota-remaining-tokens",
  tokensConsumed: "x-tokens-consumed",
} as const;

/** A team product's policy document. */
export function teamProductPolicy(o: TeamProductPolicyOptions): string {
  const problems: string[] = [];
  if (o.allowedModels.length === 0 || o.allowedNames.length === 0) {
    problems.push(`team '${o.team}' allows no model; give it at least one`);
  }
  if (problems.length > 0) {
    throw new PolicyInputError("policies", problems);
  }
  const requested = variable(policyVariables.requestedModel);
  return policyDocument({
    inbound: [
      setVariable(policyVariables.requestedModel, expr(requestedModelCode)),
      choose([
        {
          condition: expr(`!(${equalsAny(requested, o.allowedNames)})`),
          then: [
            jsonError(
              403,
              "Forbidden",
              "ModelNotAllowed",
              `${csString(`Team '${o.team}' may not call model '`)} + ${requested} + "'."`,
              { allowedModels: jsonStringArray([...o.allowedModels].sort()) },
            ),
          ],
        },
      ]),
      tokenLimit({
        counterKey: o.counterKey ?? expr("context.Product.Id"),
        tokensPerMinute: o.tokensPerMinute,
        tokenQuota: o.tokenQuota,
        tokenQuotaPeriod: o.quotaPeriod ?? "Monthly",
        estimatePromptTokens: o.estimatePromptTokens ?? true,
        remainingTokensHeaderName: tokenHeaders.remainingTokens,
        remainingQuotaTokensHeaderName: tokenHeaders.remainingQuotaTokens,
        tokensConsumedHeaderName: tokenHeaders.tokensConsumed,
      }),
    ],
  });
}
