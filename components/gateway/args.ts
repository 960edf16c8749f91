/** The gateway's arguments and their validation (pure: no resources). */
import * as pulumi from "@pulumi/pulumi";
import { DiagnosticSettingSpec, LockSpec, RoleAssignmentSpec } from "../common/avm";
import { nameProblems, nameRules } from "../common/naming";
import { requiredTagProblems, Tags } from "../common/tags";
import { GatewaySemanticCache, semanticCacheProblems } from "./cache";
import { contentSafetyProblems, GatewayContentSafety } from "./content-safety";
import { circuitBreakerProblems, CircuitBreakerRuleSpec, defaultCircuitBreakerRule } from "./pools";
import { teamProblems, GatewayTeam } from "./products";
import { gatewayNetworkMode, GatewayVirtualNetworkType } from "../network/facts";
import { GatewaySku, gatewaySkus } from "./sku";
import {
  accountRouteProblems,
  GatewayModelTarget,
  isRoutable,
  planPools,
  poolProblems,
  targetProblems,
} from "./targets";
import { GatewayApplicationInsights, GatewayLlmLogging, telemetryProblems } from "./telemetry";

/**
 * The virtual network a new gateway joins, the way its tier supports: outbound VNet integration on
 * StandardV2 and PremiumV2 (the gateway stays public and reaches private backends through the
 * subnet, delegated to `Microsoft.Web/serverFarms`;
 * https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound), injection on Premium
 * (https://learn.microsoft.com/azure/api-management/virtual-network-concepts). BasicV2 cannot join one.
 */
export interface GatewayVirtualNetwork {
  /** ARM id of the gateway's dedicated subnet (see `AiNetwork`). */
  readonly subnetResourceId: pulumi.Input<string>;
  /**
   * Premium injection only: `External` keeps a public gateway endpoint, `Internal` answers inside the
   * network only. The v2 tiers always integrate outbound (`External`).
   * @default "External"
   */
  readonly type?: GatewayVirtualNetworkType;
}

/**
 * The gateway settings `AiPlatform` passes to `AiGateway` as they are: one definition for both, so an
 * option added here reaches platform users too.
 */
export interface AiGatewayOptions {
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
  /**
   * Publisher e-mail of a new service (API Management requires one).
   * @default - none; required unless `existingServiceId` is given
   */
  readonly publisherEmail?: pulumi.Input<string>;
  /**
   * Publisher name of a new service.
   * @default "AI platform"
   */
  readonly publisherName?: pulumi.Input<string>;
  /** Teams: one product, policy and subscription each. */
  readonly teams: GatewayTeam[];
  /**
   * The circuit-breaker rule of every model backend (API Management takes exactly one).
   * @default [defaultCircuitBreakerRule] - trips on the first 429 or 5xx in a minute, for a minute or the Retry-After
   */
  readonly circuitBreakerRules?: CircuitBreakerRuleSpec[];
  /**
   * The circuit-breaker rule of every provisioned (PTU) deployment's backend.
   * @default defaultProvisionedCircuitBreakerRule - the first 429 or 5xx takes it out for its Retry-After or 10 seconds
   */
  readonly provisionedCircuitBreakerRule?: CircuitBreakerRuleSpec;
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
   * Emit token metrics (`llm-emit-token-metric`): prompt and completion tokens by team and model.
   * They reach Application Insights once `applicationInsights` is given.
   * @default true
   */
  readonly emitTokenMetrics?: boolean;
  /**
   * Namespace of the token metrics.
   * @default "ai-gateway"
   */
  readonly tokenMetricsNamespace?: string;
  /**
   * Application Insights that receives the gateway's telemetry and token metrics.
   * @default - no Application Insights logger (`AiPlatform`: its own Application Insights)
   */
  readonly applicationInsights?: GatewayApplicationInsights;
  /**
   * Logging of LLM requests to the gateway's Azure Monitor logs.
   * @default { enabled: true, logMessages: false }
   */
  readonly llmLogging?: GatewayLlmLogging;
  /**
   * Azure AI Content Safety screening of prompts.
   * @default - no content safety screening
   */
  readonly contentSafety?: GatewayContentSafety;
  /**
   * Role assignments on the service.
   * @default - none
   */
  readonly roleAssignments?: RoleAssignmentSpec[];
  /**
   * Management lock on the service.
   * @default - no lock
   */
  readonly lock?: LockSpec;
}

/** The arguments of `AiGateway`. */
export interface AiGatewayArgs extends AiGatewayOptions {
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
   * Join a virtual network so the gateway reaches private-only accounts through their private endpoints.
   * @default - no virtual network: the gateway reaches only accounts with public network access
   */
  readonly virtualNetwork?: GatewayVirtualNetwork;
  /** The model deployments the gateway fronts. */
  readonly targets: GatewayModelTarget[];
  /**
   * Region whose standard deployments come before other regions' in the pools.
   * @default `location`
   */
  readonly primaryRegion?: string;
  /**
   * Semantic cache in front of the models.
   * @default - no semantic cache
   */
  readonly semanticCache?: GatewaySemanticCache;
  /**
   * Where the service's logs go (AVM `diagnosticSettings`); the LLM request logs reach Log Analytics
   * only through them. Required, as the diagnostic-logs policy demands them: pass `[]` only when
   * another component declares them (`AiPlatform` does, through its `Observability`).
   */
  readonly diagnosticSettings: DiagnosticSettingSpec[];
  /** Tags of every taggable resource: `environment`, `owner` and `costCenter` at least. */
  readonly tags: Tags;
}

const serviceIdPattern =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ApiManagement\/service\/([^/]+)$/i;

/**
 * The resource group and name of an API Management service id.
 * @internal
 */
export function parseServiceId(id: string): { resourceGroupName: string; serviceName: string } | undefined {
  const m = serviceIdPattern.exec(id);
  return m ? { resourceGroupName: m[1], serviceName: m[2] } : undefined;
}

/**
 * Where the gateway runs: an existing API Management service, or a new one with what a new one needs.
 * @internal
 */
export type GatewayService =
  | {
      readonly existing: true;
      readonly resourceId: string;
      readonly resourceGroupName: string;
      readonly serviceName: string;
    }
  | { readonly existing: false; readonly serviceName: string; readonly publisherEmail: pulumi.Input<string> };

/**
 * The service the arguments describe; undefined when they describe none (`gatewayArgsProblems` says why).
 * @internal
 */
export function gatewayServiceOf(args: AiGatewayArgs): GatewayService | undefined {
  if (args.existingServiceId !== undefined) {
    const parsed = parseServiceId(args.existingServiceId);
    return parsed && { existing: true, resourceId: args.existingServiceId, ...parsed };
  }
  return args.serviceName !== undefined && args.publisherEmail !== undefined
    ? { existing: false, serviceName: args.serviceName, publisherEmail: args.publisherEmail }
    : undefined;
}

/**
 * Every problem with the gateway's arguments, as sentences naming what to fix.
 * @internal
 */
export function gatewayArgsProblems(args: AiGatewayArgs): string[] {
  const problems: string[] = [];
  if (args.existingServiceId !== undefined) {
    if (!parseServiceId(args.existingServiceId)) {
      problems.push(
        `existingServiceId '${args.existingServiceId}' is not an API Management service id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ApiManagement/service/<name>)`,
      );
    }
    for (const key of [
      "serviceName",
      "sku",
      "capacity",
      "publisherEmail",
      "publisherName",
      "virtualNetwork",
    ] as const) {
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
    problems.push(...virtualNetworkProblems(args.sku ?? "StandardV2", args.virtualNetwork));
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
  problems.push(...accountRouteProblems(args.targets));
  const pools = planPools(args.targets, args.primaryRegion ?? args.location);
  problems.push(...poolProblems(pools));
  problems.push(...circuitBreakerProblems(args.circuitBreakerRules ?? [defaultCircuitBreakerRule]));
  if (args.provisionedCircuitBreakerRule) {
    problems.push(...circuitBreakerProblems([args.provisionedCircuitBreakerRule]));
  }
  problems.push(
    ...teamProblems(
      args.teams,
      pools.map((p) => p.model),
    ),
  );
  problems.push(...telemetryProblems(args.applicationInsights, args.llmLogging, args.tokenMetricsNamespace));
  problems.push(...requiredTagProblems(args.tags));
  problems.push(...semanticCacheProblems(args.semanticCache, args.targets));
  problems.push(...contentSafetyProblems(args.contentSafety));
  return problems;
}

/**
 * Problems with joining a virtual network on this tier.
 * @internal
 */
export function virtualNetworkProblems(sku: GatewaySku, vnet: GatewayVirtualNetwork | undefined): string[] {
  if (!vnet || !gatewaySkus.includes(sku)) {
    return [];
  }
  const mode = gatewayNetworkMode(sku);
  if (mode === undefined) {
    return [
      `sku ${sku} cannot join a virtual network; use StandardV2 or PremiumV2 (outbound integration) or Premium (injection), or remove virtualNetwork`,
    ];
  }
  if (mode === "Integration" && vnet.type === "Internal") {
    return [
      `virtualNetwork.type Internal needs injection, which ${sku} does not do here; use External (outbound integration) or the Premium tier`,
    ];
  }
  return [];
}
