/**
 * Backends of the gateway: one https backend per model deployment, each with one circuit-breaker
 * rule, and one `Pool` backend per model with the planned priorities and weights.
 */
import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import { isProvisioned } from "../catalog/deployment-types";
import { GatewayModelTarget, PoolPlan } from "./targets";

/**
 * Where the gateway's child resources go.
 * @internal
 */
export interface ServiceScope {
  /** The component's logical name; children are named `<name>-...`. */
  readonly name: string;
  readonly parent: pulumi.Resource;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly serviceName: pulumi.Input<string>;
}

/** A status code range counted as a failure. */
export interface StatusCodeRange {
  /** Lowest status code of the range. */
  readonly min: number;
  /** Highest status code of the range. */
  readonly max: number;
}

/**
 * The circuit-breaker rule of a backend. API Management takes one rule per backend; a tripped
 * backend is skipped by its pool (a pool whose members are all tripped answers 503).
 */
export interface CircuitBreakerRuleSpec {
  /**
   * Name of the rule.
   * @default "breaker"
   */
  readonly name?: string;
  /**
   * Failures within `interval` that trip the breaker.
   * @default 1 - the first 429 moves traffic on (a provisioned deployment spills at once)
   */
  readonly failureCount?: number;
  /**
   * Window the failures are counted in, an ISO 8601 duration.
   * @default "PT1M"
   */
  readonly interval?: string;
  /**
   * Status codes counted as failures.
   * @default [{ min: 429, max: 429 }, { min: 500, max: 599 }]
   */
  readonly statusCodeRanges?: StatusCodeRange[];
  /**
   * ISO 8601 duration the backend stays out.
   * @default "PT1M"
   */
  readonly tripDuration?: string;
  /**
   * Honour the backend's `Retry-After` header as the trip duration.
   * @default true
   */
  readonly acceptRetryAfter?: boolean;
}

/**
 * The rule of a standard (pay-per-token) deployment's backend: the first 429 or 5xx takes it out for
 * a minute, or for as long as its `Retry-After` says (`acceptRetryAfter`; Learn, "Backends in API
 * Management": with Azure OpenAI backends, handle 429 and accept the Retry-After duration,
 * https://learn.microsoft.com/azure/api-management/backends). A standard deployment's 429 means its
 * tokens-per-minute quota is used up for the minute.
 */
export const defaultCircuitBreakerRule: Required<CircuitBreakerRuleSpec> = {
  name: "breaker",
  failureCount: 1,
  interval: "PT1M",
  statusCodeRanges: [
    { min: 429, max: 429 },
    { min: 500, max: 599 },
  ],
  tripDuration: "PT1M",
  acceptRetryAfter: true,
};

/**
 * The rule of a provisioned deployment's backend. Its capacity is paid for by the hour, so one 429
 * or 5xx takes it out only for its `Retry-After` (a provisioned 429 says when capacity frees up,
 * Learn, "Provisioned throughput": retry-after) or 10 seconds, never a minute; the pool's other
 * members take the traffic meanwhile.
 */
export const defaultProvisionedCircuitBreakerRule: Required<CircuitBreakerRuleSpec> = {
  ...defaultCircuitBreakerRule,
  name: "ptu-breaker",
  tripDuration: "PT10S",
  interval: "PT10S",
};

const isoDuration = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/**
 * Problems with the circuit-breaker rules given for every backend.
 * @internal
 */
export function circuitBreakerProblems(rules: readonly CircuitBreakerRuleSpec[]): string[] {
  const problems: string[] = [];
  if (rules.length !== 1) {
    problems.push(
      `${rules.length} circuit-breaker rules given; API Management takes exactly one rule per backend — put every failure status range in one rule's statusCodeRanges`,
    );
  }
  for (const r of rules) {
    const rule = { ...defaultCircuitBreakerRule, ...r };
    const label = `circuit-breaker rule '${rule.name}'`;
    if (!(Number.isInteger(rule.failureCount) && rule.failureCount >= 1)) {
      problems.push(`${label}: failureCount ${rule.failureCount} must be a whole number of at least 1`);
    }
    for (const [field, value] of [
      ["interval", rule.interval],
      ["tripDuration", rule.tripDuration],
    ] as const) {
      if (!isoDuration.test(value)) {
        problems.push(`${label}: ${field} '${value}' must be an ISO 8601 duration such as PT1M or PT30S`);
      }
    }
    if (rule.statusCodeRanges.length === 0) {
      problems.push(`${label}: give at least one status code range (for example 429–429)`);
    }
    for (const range of rule.statusCodeRanges) {
      if (!(range.min >= 100 && range.max <= 599 && range.min <= range.max)) {
        problems.push(
          `${label}: status range ${range.min}–${range.max} must lie within 100–599 with min ≤ max`,
        );
      }
    }
  }
  return problems;
}

function breaker(rule: CircuitBreakerRuleSpec): apimanagement.BackendArgs["circuitBreaker"] {
  const r = { ...defaultCircuitBreakerRule, ...rule };
  return {
    rules: [
      {
        name: r.name,
        failureCondition: {
          count: r.failureCount,
          interval: r.interval,
          statusCodeRanges: r.statusCodeRanges.map((s) => ({ min: s.min, max: s.max })),
          errorReasons: ["Server errors"],
        },
        tripDuration: r.tripDuration,
        acceptRetryAfter: r.acceptRetryAfter,
      },
    ],
  };
}

/**
 * `https://<host>/` + `rest`, whatever the endpoint's trailing slash.
 * @internal
 */
export function joinUrl(endpoint: pulumi.Input<string>, rest: string): pulumi.Output<string> {
  return pulumi.output(endpoint).apply((e) => `${e.replace(/\/+$/, "")}/${rest.replace(/^\/+/, "")}`);
}

/**
 * The runtime URL of a deployment's backend: the account's deployment route.
 * @internal
 */
export function deploymentUrl(t: GatewayModelTarget): pulumi.Output<string> {
  return joinUrl(t.endpoint, `openai/deployments/${encodeURIComponent(t.deployment)}`);
}

/**
 * Declares the single backends, the pools and their fallback pools; returns the backends by id.
 * @internal
 */
export function declareBackendsAndPools(
  scope: ServiceScope,
  pools: readonly PoolPlan[],
  rule: CircuitBreakerRuleSpec,
  provisionedRule: CircuitBreakerRuleSpec = defaultProvisionedCircuitBreakerRule,
): { backends: Record<string, apimanagement.Backend>; pools: Record<string, apimanagement.Backend> } {
  const backends: Record<string, apimanagement.Backend> = {};
  const poolBackends: Record<string, apimanagement.Backend> = {};
  for (const pool of pools) {
    for (const m of pool.members) {
      const t = m.target;
      backends[m.backendId] = new apimanagement.Backend(
        `${scope.name}-backend-${m.backendId}`,
        {
          resourceGroupName: scope.resourceGroupName,
          serviceName: scope.serviceName,
          backendId: m.backendId,
          type: "Single",
          protocol: "http",
          url: deploymentUrl(t),
          title: `${t.account}/${t.deployment}`,
          description: `${t.model}${t.version ? ` ${t.version}` : ""} (${t.type}) in ${t.location}${t.canary ? `, canary of ${t.canary.stable}` : ""}`,
          tls: { validateCertificateChain: true, validateCertificateName: true },
          circuitBreaker: breaker(isProvisioned(t.type) ? provisionedRule : rule),
        },
        { parent: scope.parent },
      );
    }
    poolBackends[pool.backendId] = new apimanagement.Backend(
      `${scope.name}-${pool.backendId}`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        backendId: pool.backendId,
        type: "Pool",
        title: pool.model,
        description: `Deployments of ${pool.model}: provisioned first, spillover next, other regions after`,
        pool: {
          services: pool.members.map((m) => ({
            id: backends[m.backendId].id,
            priority: m.priority,
            weight: m.weight,
          })),
        },
      },
      { parent: scope.parent },
    );
    const fallback = pool.fallback;
    if (fallback) {
      poolBackends[fallback.backendId] = new apimanagement.Backend(
        `${scope.name}-${fallback.backendId}`,
        {
          resourceGroupName: scope.resourceGroupName,
          serviceName: scope.serviceName,
          backendId: fallback.backendId,
          type: "Pool",
          title: `${pool.model} (fallback)`,
          description: `Deployments of ${pool.model} a retry uses after a provisioned deployment's spillover failed`,
          pool: {
            services: fallback.members.map((m) => ({
              id: backends[m.backendId].id,
              priority: m.priority,
              weight: m.weight,
            })),
          },
        },
        { parent: scope.parent },
      );
    }
  }
  return { backends, pools: poolBackends };
}
