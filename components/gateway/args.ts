/** The gateway's arguments and their validation (pure: no resources). */
import * as pulumi from "@pulumi/pulumi";
import { DiagnosticSettingSpec, LockSpec, RoleAssignmentSpec } from "../common/avm";
import { nameProblems, nameRules } from "../common/naming";
import { RequiredTags } from "../common/tags";
import { GatewaySemanticCache, semanticCacheProblems } from "./cache";
import { contentSafetyProblems, GatewayContentSafety } from "./content-safety";
import { circuitBreakerProblems, CircuitBreakerRuleSpec, defaultCircuitBreakerRule } from "./pools";
import { teamProblems, GatewayTeam } from "./products";
import { GatewaySku, gatewaySkus } from "./sku";
import { GatewayModelTarget, isRoutable, planPools, poolProblems, targetProblems } from "./targets";
import { GatewayApplicationInsights, GatewayLlmLogging, telemetryProblems } from "./telemetry";

export interface AiGatewayArgs {
  /** Resource group of the API Management service (and of the Redis cluster, if any). */
  readonly resourceGroupName: pulumi.Input<string>;
  /** Region of the service. */
  readonly location: string;
  /**
   * Azure name of the new service (`<name>.azure-api.net`, globally unique). Required unless
   * `existingServiceId` is given.
   * @default - none
   */
  readonly serviceName?: string;
  /**
   * Use this existing API Management service instead of creating one. Its tier, TLS settings and
   * identity are then its own: it must have a system-assigned identity. Mutually exclusive with
   * `serviceName`, `sku`, `capacity`, `publisherEmail`, `publisherName`.
   * @default - a new service is created
   */
  readonly existingServiceId?: string;
  /**
   * Tier of a new service.
   * @default "StandardV2"
   */
  readonly sku?: GatewaySku;
  /**
   * Scale units.
   * @default 1
   */
  readonly capacity?: number;
  /** Publisher e-mail of a new service (API Management requires one). */
  readonly publisherEmail?: pulumi.Input<string>;
  /**
   * @default "AI platform"
   */
  readonly publisherName?: pulumi.Input<string>;
  /** The model deployments the gateway fronts. */
  readonly targets: readonly GatewayModelTarget[];
  /** Teams: one product, policy and subscription each. */
  readonly teams: readonly GatewayTeam[];
  /**
   * Region whose standard deployments come before other regions' in the pools.
   * @default `location`
   */
  readonly primaryRegion?: string;
  /**
   * The circuit-breaker rule of every model backend (API Management takes exactly one).
   * @default [defaultCircuitBreakerRule] - trips on the first 429 or 5xx in a minute, for a minute or the Retry-After
   */
  readonly circuitBreakerRules?: readonly CircuitBreakerRuleSpec[];
  /**
   * URL path of the inference API under the gateway URL.
   * @default "openai"
   */
  readonly apiPath?: string;
  /**
   * Estimate prompt tokens before calling a model, so a call over budget never reaches it.
   * @default true
   */
  readonly estimatePromptTokens?: boolean;
  /**
   * Token metrics (`llm-emit-token-metric`) namespace; `false` emits none. Metrics reach
   * Application Insights once `applicationInsights` is given.
   * @default "ai-gateway"
   */
  readonly tokenMetricsNamespace?: string | false;
  /** @default - no Application Insights logger; token metrics have nowhere to go */
  readonly applicationInsights?: GatewayApplicationInsights;
  /** @default { enabled: true, logMessages: false } */
  readonly llmLogging?: GatewayLlmLogging;
  /** @default - no semantic cache */
  readonly semanticCache?: GatewaySemanticCache;
  /** @default - no content safety screening */
  readonly contentSafety?: GatewayContentSafety;
  /** Role assignments on the service. @default - none */
  readonly roleAssignments?: readonly RoleAssignmentSpec[];
  /**
   * Where the service's logs go (AVM `diagnosticSettings`); the LLM request logs reach Log Analytics
   * only through them. Required, as the diagnostic-logs policy demands them: pass `[]` only when
   * another component declares them (`AiPlatform` does, through its `Observability`).
   */
  readonly diagnosticSettings: readonly DiagnosticSettingSpec[];
  /** @default - no lock */
  readonly lock?: LockSpec;
  /** Tags of every taggable resource: `environment`, `owner` and `costCenter` at least. */
  readonly tags: RequiredTags;
}

const serviceIdPattern =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ApiManagement\/service\/([^/]+)$/i;

/** The resource group and name of an API Management service id. */
export function parseServiceId(id: string): { resourceGroupName: string; serviceName: string } | undefined {
  const m = serviceIdPattern.exec(id);
  return m ? { resourceGroupName: m[1], serviceName: m[2] } : undefined;
}

/** Every problem with the gateway's arguments, as sentences naming what to fix. */
export function gatewayArgsProblems(args: AiGatewayArgs): string[] {
  const problems: string[] = [];
  if (args.existingServiceId !== undefined) {
    if (!parseServiceId(args.existingServiceId)) {
      problems.push(
        `existingServiceId '${args.existingServiceId}' is not an API Management service id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ApiManagement/service/<name>)`,
      );
    }
    for (const key of ["serviceName", "sku", "capacity", "publisherEmail", "publisherName"] as const) {
      if (args[key] !== undefined) {
        problems.push(`${key} configures a new service; remove it or remove existingServiceId`);
      }
    }
  } else {
    if (args.serviceName === undefined) {
      problems.push("give serviceName for a new service, or existingServiceId to use an existing one");
    } else {
      problems.push(...nameProblems(nameRules.apiManagement, args.serviceName));
    }
    if (args.publisherEmail === undefined) {
      problems.push("publisherEmail is required for a new API Management service");
    }
    if (args.sku !== undefined && !gatewaySkus.includes(args.sku)) {
      problems.push(`sku '${String(args.sku)}' is not supported; use one of ${gatewaySkus.join(", ")}`);
    }
    if (
      args.capacity !== undefined &&
      !(Number.isInteger(args.capacity) && args.capacity >= 1 && args.capacity <= 12)
    ) {
      problems.push(`capacity ${args.capacity} must be a whole number of units from 1 to 12`);
    }
  }
  if (args.apiPath !== undefined && !/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,199}$/.test(args.apiPath)) {
    problems.push(`apiPath '${args.apiPath}' must be a relative URL path such as 'openai'`);
  }
  if (args.targets.filter(isRoutable).length === 0) {
    problems.push(
      "the gateway fronts no routable deployment; give at least one standard or provisioned deployment",
    );
  }
  problems.push(...targetProblems(args.targets));
  const pools = planPools(args.targets, args.primaryRegion ?? args.location);
  problems.push(...poolProblems(pools));
  problems.push(...circuitBreakerProblems(args.circuitBreakerRules ?? [defaultCircuitBreakerRule]));
  problems.push(
    ...teamProblems(
      args.teams,
      pools.map((p) => p.model),
    ),
  );
  problems.push(...telemetryProblems(args.applicationInsights, args.llmLogging, args.tokenMetricsNamespace));
  problems.push(...semanticCacheProblems(args.semanticCache, args.targets));
  problems.push(...contentSafetyProblems(args.contentSafety));
  return problems;
}
