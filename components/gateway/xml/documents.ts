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
import { block, csString, expr, jsonStringArray, requestedModelCode, variable } from "./expressions";
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
import { InferenceOperationKind, operationIds } from "../api-definition";
import { el, renderXml, text, XmlElement, XmlNode } from "./xml";

/** The audience of Azure AI Services / Azure OpenAI tokens. */
export const cognitiveServicesAudience = "https://cognitiveservices.azure.com";

/** Context variables the documents set and read. */
export const policyVariables = {
  requestedModel: "requestedModel",
  routedModel: "routedModel",
  backendId: "backendId",
  fallbackBackendId: "fallbackBackendId",
  retryable: "retryable",
  responsesDeployment: "responsesDeployment",
} as const;

/** C# test that the current operation is of one of these kinds (by operation id). */
export function isOperation(...kinds: InferenceOperationKind[]): string {
  return equalsAny("context.Operation.Id", operationIds(...kinds));
}

/** The request path after `/v1`, for an account's own API (`<endpoint>/openai/v1`): `/v1/files/x` → `/files/x`. */
export const v1PathCode =
  'context.Request.OriginalUrl.Path.Substring(context.Request.OriginalUrl.Path.IndexOf("/v1/") + 3)';

/** The request body with `model` set to the account's deployment of the requested model. */
export const responsesBodyCode =
  "var body = context.Request.Body.As<JObject>(preserveContent: true); " +
  `body["model"] = ${variable("responsesDeployment")}; return body.ToString();`;

/** An empty string as a variable value (an expression: an empty attribute would not be one). */
const emptyString = expr('""');

/** Variables of an operation bound to one account's API (no pool, no fallback). */
function pinnedTo(backendId: string, retryable: boolean): XmlNode[] {
  return [
    setVariable(policyVariables.backendId, literal(backendId)),
    setVariable(policyVariables.fallbackBackendId, emptyString),
    setVariable(policyVariables.retryable, retryable ? "true" : "false"),
    el("set-backend-service", { "backend-id": literal(backendId) }),
  ];
}

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
  /**
   * The pool a retry uses after a provisioned deployment's spillover failed (`x-ms-spillover-error`).
   * @default - retries use `backendId`
   */
  readonly fallbackBackendId?: string;
}

/** API versions used toward the deployments when the client did not send one (v1-style calls). */
export interface BackendApiVersions {
  /** For chat completions and embeddings (the Responses API is called on the v1 API, without one). */
  readonly default: string;
}

export const defaultBackendApiVersions: BackendApiVersions = {
  default: "2024-10-21",
};

export interface InferenceApiPolicyOptions {
  /** Every routable name; names are unique, several may share a backend. */
  readonly routes: readonly GatewayRoute[];
  /** Retries across the pool on 429, 500, 502 and 504 (1–50); use the pool size minus one to try every member. */
  readonly retryCount: number;
  /**
   * Longest wait between two attempts, in seconds: the gateway waits the backend's `Retry-After`
   * up to this, 1 second when it sends none.
   * @default 5
   */
  readonly maxRetryWaitSeconds?: number;
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
  /**
   * The Responses API: the backend of the account it goes to, and each requested name's deployment there.
   * @default - no Responses API (its operations answer 404)
   */
  readonly responses?: {
    readonly backendId: string;
    readonly deployments: readonly {
      readonly name: string;
      readonly model: string;
      readonly deployment: string;
    }[];
  };
  /**
   * The backend of the account whose batch API (files, batches) the gateway exposes.
   * @default - no batch API (its operations answer 404)
   */
  readonly batchBackendId?: string;
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

/** Requested name → the Responses account's deployment of its model; 400 for any other name. */
function responsesChoose(r: NonNullable<InferenceApiPolicyOptions["responses"]>): XmlElement {
  const requested = variable(policyVariables.requestedModel);
  const byDeployment = new Map<string, { model: string; names: string[] }>();
  for (const d of r.deployments) {
    const entry = byDeployment.get(d.deployment) ?? { model: d.model, names: [] };
    entry.names.push(d.name);
    byDeployment.set(d.deployment, entry);
  }
  return choose(
    [...byDeployment.entries()].map(([deployment, { model, names }]) => ({
      condition: expr(equalsAny(requested, names)),
      then: [
        setVariable(policyVariables.routedModel, literal(model)),
        setVariable(policyVariables.responsesDeployment, literal(deployment)),
      ],
    })),
    [
      jsonError(
        400,
        "Bad Request",
        "UnknownModel",
        `"The model '" + ${requested} + "' is not served through the Responses API by this gateway."`,
        { availableModels: jsonStringArray([...new Set(r.deployments.map((d) => d.model))].sort()) },
      ),
    ],
  );
}

function routingChoose(routes: readonly GatewayRoute[]): XmlElement {
  const byBackend = new Map<string, { model: string; fallback: string; names: string[] }>();
  for (const r of routes) {
    const entry = byBackend.get(r.backendId) ?? {
      model: r.model,
      fallback: r.fallbackBackendId ?? "",
      names: [],
    };
    if (!entry.names.includes(r.name)) {
      entry.names.push(r.name);
    }
    byBackend.set(r.backendId, entry);
  }
  const requested = variable(policyVariables.requestedModel);
  const known = [...new Set(routes.map((r) => r.model))].sort();
  return choose(
    [...byBackend.entries()].map(([backendId, { model, fallback, names }]) => ({
      condition: expr(equalsAny(requested, names)),
      then: [
        setVariable(policyVariables.routedModel, literal(model)),
        setVariable(policyVariables.backendId, literal(backendId)),
        setVariable(policyVariables.fallbackBackendId, fallback === "" ? emptyString : literal(fallback)),
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
  return `(${operationTemplate}.StartsWith("/v1/") || ${given} == "") ? ${csString(v.default)} : ${given}`;
}

const status = "context.Response.StatusCode";
const spilloverFailed = 'context.Response.Headers.ContainsKey("x-ms-spillover-error")';
const fallback = variable(policyVariables.fallbackBackendId);

/**
 * When to try again (Learn, "Retry policy": the condition is evaluated after each attempt,
 * https://learn.microsoft.com/azure/api-management/retry-policy):
 * - 429: the deployment is busy; its circuit breaker takes it out (for its `Retry-After`) and the
 *   pool picks another. After a provisioned deployment's failed spillover (`x-ms-spillover-error`)
 *   only when the model has a fallback pool: the spillover deployment already had its try.
 * - 500, 502, 504: a server error of the deployment.
 * - only model calls and Responses creations: file, batch and stored-response operations are not
 *   repeated (an upload or a new batch would be made twice).
 * - never 503: API Management answers 503 itself when every backend of a pool is tripped ("When the
 *   circuit breaker trips, API Management ... returns 503 Service Unavailable",
 *   https://learn.microsoft.com/azure/api-management/backends), and no documented field tells that
 *   answer from a model's 503 (the `StatusReason` test the AI-Gateway samples used no longer
 *   matches, Azure-Samples/AI-Gateway issue #262). A model's 503 trips its breaker, so the next
 *   request goes elsewhere; the caller retries this one.
 */
export const retryConditionCode =
  `${variable(policyVariables.retryable)} == "true" && (` +
  `(${status} == 429 && !(${spilloverFailed} && ${fallback} == "")) || ` +
  `${status} == 500 || ${status} == 502 || ${status} == 504)`;

/** The pool of the next attempt: the fallback pool after a failed spillover, else the model's pool. */
export const retryBackendCode = `${spilloverFailed} && ${fallback} != "" ? ${fallback} : ${variable(policyVariables.backendId)}`;

/**
 * Seconds to wait before the next attempt: the backend's `Retry-After` (whole seconds, as Azure
 * OpenAI sends it with a 429) capped at `max`, else 1. The retry policy takes an expression for its
 * interval ("Policy expressions are allowed", Learn, "Retry policy").
 */
export function retryWaitCode(max: number): string {
  return (
    'int seconds; var given = context.Response.Headers.GetValueOrDefault("Retry-After", ""); ' +
    `return int.TryParse(given, out seconds) ? Math.Min(${max}, Math.Max(1, seconds)) : 1;`
  );
}

/** The inference API's policy document. */
export function inferenceApiPolicy(o: InferenceApiPolicyOptions): string {
  const problems = routeProblems(o.routes);
  if (!(Number.isInteger(o.retryCount) && o.retryCount >= 1 && o.retryCount <= 50)) {
    problems.push(`retry count ${o.retryCount} must be a whole number from 1 to 50`);
  }
  const maxWait = o.maxRetryWaitSeconds ?? 5;
  if (!(Number.isInteger(maxWait) && maxWait >= 1 && maxWait <= 60)) {
    problems.push(`max retry wait ${maxWait} must be a whole number of seconds from 1 to 60`);
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
  const metrics: XmlNode[] =
    o.tokenMetricsNamespace === undefined
      ? []
      : [
          emitTokenMetric(o.tokenMetricsNamespace, [
            { name: "Subscription ID" },
            { name: "API ID" },
            { name: "Product ID" },
            { name: "Backend ID" },
            { name: "Model", value: routed },
          ]),
        ];
  const screening: XmlNode[] = o.contentSafety ? [contentSafety(o.contentSafety)] : [];
  // Model calls: routed by model to the model's pool (chat completions, embeddings).
  const modelCall: XmlNode[] = [
    setVariable(policyVariables.requestedModel, expr(requestedModelCode)),
    routingChoose(o.routes),
    setVariable(policyVariables.retryable, "true"),
    el("set-backend-service", { "backend-id": backendIdExpr }),
    el("rewrite-uri", { template: expr(backendPathCode) }),
    el(
      "set-query-parameter",
      { name: "api-version", "exists-action": "override" },
      el("value", {}, text(expr(apiVersionCode(o.apiVersions ?? defaultBackendApiVersions)))),
    ),
    ...screening,
    ...metrics,
  ];
  if (o.semanticCache) {
    modelCall.push(
      semanticCacheLookup({
        scoreThreshold: o.semanticCache.scoreThreshold,
        embeddingsBackendId: o.semanticCache.embeddingsBackendId,
        varyBy: [expr('context.Product == null ? "" : context.Product.Id'), routed],
      }),
    );
  }
  const branches: { condition: string; then: XmlNode[] }[] = [
    { condition: expr(isOperation("model")), then: modelCall },
  ];
  if (o.responses) {
    branches.push(
      {
        condition: expr(isOperation("responses-create")),
        then: [
          setVariable(policyVariables.requestedModel, expr(requestedModelCode)),
          responsesChoose(o.responses),
          ...pinnedTo(o.responses.backendId, true),
          // The account's deployment of the model, in the body the v1 Responses API reads.
          el("set-body", {}, text(block(responsesBodyCode))),
          el("rewrite-uri", { template: "/responses" }),
          ...screening,
          ...metrics,
        ],
      },
      {
        condition: expr(isOperation("responses-item")),
        then: [...pinnedTo(o.responses.backendId, false), el("rewrite-uri", { template: expr(v1PathCode) })],
      },
    );
  }
  if (o.batchBackendId) {
    branches.push({
      condition: expr(isOperation("batch")),
      then: [...pinnedTo(o.batchBackendId, false), el("rewrite-uri", { template: expr(v1PathCode) })],
    });
  }
  inbound.push(
    choose(branches, [
      jsonError(
        404,
        "Not Found",
        "OperationNotServed",
        csString("This gateway does not serve this operation (no deployment of that kind)."),
      ),
    ]),
    managedIdentityAuthentication(cognitiveServicesAudience),
  );
  return policyDocument({
    inbound,
    backend: [
      el(
        "retry",
        {
          condition: expr(retryConditionCode),
          count: o.retryCount,
          interval: block(retryWaitCode(maxWait)),
          "first-fast-retry": false,
        },
        el("set-backend-service", { "backend-id": expr(retryBackendCode) }),
        el("forward-request", { "buffer-request-body": true }),
      ),
    ],
    outbound: o.semanticCache
      ? [
          choose([
            {
              condition: expr(isOperation("model")),
              then: [semanticCacheStore(o.semanticCache.durationSeconds)],
            },
          ]),
        ]
      : [],
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
  // Only calls that name a model count against the team's allow-list and token budget; the batch
  // API's files and batches and stored responses carry no model (their tokens are billed per batch).
  return policyDocument({
    inbound: [
      choose([
        {
          condition: expr(isOperation("model", "responses-create")),
          then: [
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
        },
      ]),
    ],
  });
}
