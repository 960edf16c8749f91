import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as redisenterprise from "@pulumi/azure-native/redisenterprise";
import * as resources from "@pulumi/azure-native/resources";
import { DiagnosticSettingSpec, LockSpec, RoleAssignmentSpec } from "../common/avm";
import { declareDiagnosticSettings } from "../common/diagnostics";
import { declareLock } from "../common/lock";
import { nameProblems, nameRules } from "../common/naming";
import { assignRole, assignRoles } from "../common/role-assignment";
import { RequiredTags, Tags } from "../common/tags";
import { inferenceApiDefinition } from "./api-definition";
import {
  circuitBreakerProblems,
  CircuitBreakerRuleSpec,
  declareBackendsAndPools,
  defaultCircuitBreakerRule,
  joinUrl,
  ServiceScope,
} from "./pools";
import { declareTeams, GatewayTeam, teamProblems } from "./products";
import {
  GatewayModelTarget,
  isEmbeddingsModel,
  isRoutable,
  planPools,
  PoolPlan,
  poolProblems,
  retryCountFor,
  routeTable,
  targetBackendId,
  targetProblems,
} from "./targets";
import { cognitiveServicesAudience, GatewayRoute, inferenceApiPolicy } from "./xml/documents";
import { GatewaySku, gatewaySkus } from "./sku";
import { ContentSafetyCategory } from "./xml/reference";

/** Application Insights for token metrics and request telemetry. */
export interface GatewayApplicationInsights {
  /** ARM id of the Application Insights component. */
  readonly resourceId: pulumi.Input<string>;
  /**
   * Connection string (preferred); a secret.
   * @default - use `instrumentationKey`
   */
  readonly connectionString?: pulumi.Input<string>;
  /**
   * Instrumentation key; a secret. Give this or `connectionString`.
   * @default - use `connectionString`
   */
  readonly instrumentationKey?: pulumi.Input<string>;
}

/** Logging of LLM requests (token counts, model) to the gateway's Azure Monitor logs. */
export interface GatewayLlmLogging {
  /** @default true */
  readonly enabled?: boolean;
  /**
   * Also log prompts and completions. Off by default: messages may hold personal data.
   * @default false
   */
  readonly logMessages?: boolean;
  /**
   * Largest message logged in one entry, in bytes (larger ones are split).
   * @default 32768
   */
  readonly maxMessageBytes?: number;
}

/** Semantic cache: answers similar prompts from Azure Managed Redis (RediSearch) instead of the model. */
export interface GatewaySemanticCache {
  /** The embeddings deployment (among the targets) that vectorises prompts. */
  readonly embeddings: { readonly account: string; readonly deployment: string };
  /**
   * Similarity threshold 0–1; smaller means only closer prompts hit. Above 0.2 risks wrong answers.
   * @default 0.05
   */
  readonly scoreThreshold?: number;
  /**
   * Time to live of cached answers in seconds.
   * @default 3600
   */
  readonly durationSeconds?: number;
  /** The Azure Managed Redis cluster created for the cache. */
  readonly redis: {
    /** Cluster name (1–60 letters, digits, single hyphens). */
    readonly clusterName: string;
    /**
     * SKU; RediSearch needs a Memory Optimized, Balanced or Compute Optimized SKU.
     * @default "Balanced_B0"
     */
    readonly sku?: string;
    /**
     * Region of the cluster.
     * @default the gateway's region
     */
    readonly location?: string;
  };
}

/** Azure AI Content Safety screening of prompts (`llm-content-safety`); violations get 403. */
export interface GatewayContentSafety {
  /** Endpoint of the Content Safety resource, `https://<name>.cognitiveservices.azure.com/`. */
  readonly endpoint: pulumi.Input<string>;
  /** ARM id of the Content Safety resource; the gateway's identity gets Cognitive Services User on it. */
  readonly resourceId: pulumi.Input<string>;
  /** @default true */
  readonly shieldPrompt?: boolean;
  /** Severity (0–7) at which each category blocks. @default Hate, SelfHarm, Sexual, Violence at 4 */
  readonly categories?: Readonly<Partial<Record<ContentSafetyCategory, number>>>;
  /** @default - none */
  readonly blocklists?: readonly string[];
}

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

/** Custom properties that turn off TLS 1.0, TLS 1.1 and SSL 3.0 toward clients and backends, and 3DES. */
export const protocolCustomProperties: Readonly<Record<string, string>> = {
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "False",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "False",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30": "False",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "False",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "False",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30": "False",
  "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "False",
};

/**
 * Weak cipher suites (no forward secrecy, or CBC with SHA-1) turned off on the classic tiers. The
 * v2 tiers do not accept cipher changes (Learn, "Manage protocols and ciphers"); their defaults apply.
 */
export const weakCiphers = [
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_RSA_WITH_AES_256_CBC_SHA256",
  "TLS_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_AES_128_CBC_SHA",
] as const;

/** The custom properties of a service of tier `sku`. */
export function securityCustomProperties(sku: GatewaySku): Record<string, string> {
  const props: Record<string, string> = { ...protocolCustomProperties };
  if (!sku.endsWith("V2")) {
    for (const c of weakCiphers) {
      props[`Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.${c}`] = "False";
    }
  }
  return props;
}

const serviceIdPattern =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ApiManagement\/service\/([^/]+)$/i;

/** The resource group and name of an API Management service id. */
export function parseServiceId(id: string): { resourceGroupName: string; serviceName: string } | undefined {
  const m = serviceIdPattern.exec(id);
  return m ? { resourceGroupName: m[1], serviceName: m[2] } : undefined;
}

const redisClusterName = /^(?!-)(?!.*--)[A-Za-z0-9-]{1,60}(?<!-)$/;

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
  if (args.tokenMetricsNamespace !== undefined && args.tokenMetricsNamespace !== false) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(args.tokenMetricsNamespace)) {
      problems.push(
        `tokenMetricsNamespace '${args.tokenMetricsNamespace}' must be 1–64 letters, digits, '.', '_' or '-'`,
      );
    }
  }
  const ai = args.applicationInsights;
  if (ai && (ai.connectionString === undefined) === (ai.instrumentationKey === undefined)) {
    problems.push("applicationInsights needs exactly one of connectionString or instrumentationKey");
  }
  const maxBytes = args.llmLogging?.maxMessageBytes;
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes >= 1 && maxBytes <= 262144)) {
    problems.push(`llmLogging.maxMessageBytes ${maxBytes} must be a whole number from 1 to 262144`);
  }
  const cache = args.semanticCache;
  if (cache) {
    const e = args.targets.find(
      (t) => t.account === cache.embeddings.account && t.deployment === cache.embeddings.deployment,
    );
    if (!e) {
      problems.push(
        `semanticCache.embeddings '${cache.embeddings.account}/${cache.embeddings.deployment}' is not among the gateway's deployments`,
      );
    } else if (!isEmbeddingsModel(e.model)) {
      problems.push(
        `semanticCache.embeddings '${e.account}/${e.deployment}' serves '${e.model}', not an embeddings model`,
      );
    }
    const threshold = cache.scoreThreshold ?? 0.05;
    if (!(threshold >= 0 && threshold <= 1)) {
      problems.push(`semanticCache.scoreThreshold ${threshold} must be between 0 and 1 (start near 0.05)`);
    }
    const ttl = cache.durationSeconds ?? 3600;
    if (!(Number.isInteger(ttl) && ttl >= 1)) {
      problems.push(`semanticCache.durationSeconds ${ttl} must be a whole number of seconds, at least 1`);
    }
    if (!redisClusterName.test(cache.redis.clusterName)) {
      problems.push(
        `semanticCache.redis.clusterName '${cache.redis.clusterName}' must be 1–60 letters, digits and single hyphens, not starting or ending with '-'`,
      );
    }
  }
  for (const [category, threshold] of Object.entries(args.contentSafety?.categories ?? {})) {
    if (!(Number.isInteger(threshold) && threshold >= 0 && threshold <= 7)) {
      problems.push(
        `contentSafety.categories.${category}: threshold ${threshold} must be a whole number from 0 to 7`,
      );
    }
  }
  return problems;
}

/** API version for the resources azure-native 3.x types without the needed properties (LLM logging, managed-identity backend credentials). */
export const apimPreviewApiVersion = "2024-06-01-preview";

/**
 * An AI gateway on Azure API Management in front of Foundry model deployments: one backend per
 * deployment with a circuit breaker, one priority/weight pool per model (provisioned first, its
 * spillover next, other regions after; canary candidates weighted against their stable version),
 * an OpenAI-compatible inference API that routes by requested model, authenticates to the models
 * with the gateway's managed identity and retries across the pool, and one product per team with
 * its model allow-list, tokens-per-minute limit and monthly token quota. Token metrics, LLM
 * request logs, a semantic cache and content safety are optional hooks.
 *
 * Secure by default: a new service has a system-assigned identity, TLS 1.0/1.1 and SSL 3.0
 * disabled toward clients and backends, https-only APIs and backends, subscriptions required,
 * no sample products and no keys toward the models.
 */
export class AiGateway extends pulumi.ComponentResource {
  /** Azure name of the service. */
  public readonly name: pulumi.Output<string>;
  /** ARM id of the service. */
  public readonly resourceId: pulumi.Output<string>;
  /** `https://<name>.azure-api.net`. */
  public readonly gatewayUrl: pulumi.Output<string>;
  /** The inference endpoint clients use: `<gatewayUrl>/<apiPath>`. */
  public readonly inferenceUrl: pulumi.Output<string>;
  /** Principal id of the service's system-assigned identity. */
  public readonly principalId: pulumi.Output<string>;
  /** The created service (undefined when an existing one is used). */
  public readonly service?: apimanagement.ApiManagementService;
  /** The inference API. */
  public readonly api: apimanagement.Api;
  /** The planned pools (one per model). */
  public readonly pools: readonly PoolPlan[];
  /** Requested name → model and pool. */
  public readonly routes: readonly GatewayRoute[];
  /** Product id of each team, by team name. */
  public readonly teamProductIds: Readonly<Record<string, string>>;
  private readonly scope: ServiceScope;
  private readonly apiPolicy: apimanagement.ApiPolicy;
  private applicationInsightsConnected = false;

  constructor(name: string, args: AiGatewayArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:gateway:AiGateway", name, {}, opts);

    const problems = gatewayArgsProblems(args);
    if (problems.length > 0) {
      throw new pulumi.ResourceError(`AiGateway '${name}': ${problems.join("; ")}`, this);
    }

    const tags = args.tags ?? {};
    const sku = args.sku ?? "StandardV2";
    let serviceName: pulumi.Input<string>;
    let resourceGroupName: pulumi.Input<string>;
    if (args.existingServiceId !== undefined) {
      const parsed = parseServiceId(args.existingServiceId) as {
        resourceGroupName: string;
        serviceName: string;
      };
      serviceName = parsed.serviceName;
      resourceGroupName = parsed.resourceGroupName;
      const existing = apimanagement.getApiManagementServiceOutput(parsed, { parent: this });
      this.name = pulumi.output(parsed.serviceName);
      this.resourceId = pulumi.output(args.existingServiceId);
      this.gatewayUrl = existing.apply((s) => s.gatewayUrl);
      this.principalId = existing.apply((s) => s.identity?.principalId ?? "");
    } else {
      const service = new apimanagement.ApiManagementService(
        `${name}-apim`,
        {
          resourceGroupName: args.resourceGroupName,
          serviceName: args.serviceName,
          location: args.location,
          sku: { name: sku, capacity: args.capacity ?? 1 },
          identity: { type: "SystemAssigned" },
          publisherEmail: args.publisherEmail as pulumi.Input<string>,
          publisherName: args.publisherName ?? "AI platform",
          customProperties: securityCustomProperties(sku),
          // Management calls with control-plane API versions before 2021-08-01 (retired) are refused.
          apiVersionConstraint: { minApiVersion: "2021-08-01" },
          tags,
        },
        { parent: this },
      );
      this.service = service;
      serviceName = service.name;
      resourceGroupName = args.resourceGroupName;
      this.name = service.name;
      this.resourceId = service.id;
      this.gatewayUrl = service.gatewayUrl;
      this.principalId = service.identity.apply((i) => i?.principalId ?? "");
    }
    const scope: ServiceScope = { name, parent: this, resourceGroupName, serviceName };

    // The gateway's identity may call every account it fronts (and nothing more).
    const accounts = new Map<string, GatewayModelTarget>();
    for (const t of args.targets) {
      if (!accounts.has(t.account)) {
        accounts.set(t.account, t);
      }
    }
    for (const [account, t] of accounts) {
      assignRole(
        `${name}-openai-user-${account}`,
        {
          scope: t.accountResourceId,
          principalId: this.principalId,
          principalType: "ServicePrincipal",
          roleDefinitionIdOrName: "Cognitive Services OpenAI User",
          description: `AI gateway ${name} calls the model deployments of account ${account}`,
        },
        { parent: this },
      );
    }

    this.pools = planPools(args.targets, args.primaryRegion ?? args.location);
    this.routes = routeTable(this.pools);
    declareBackendsAndPools(scope, this.pools, (args.circuitBreakerRules ?? [defaultCircuitBreakerRule])[0]);

    let embeddingsBackendId: string | undefined;
    const cache = args.semanticCache;
    if (cache) {
      embeddingsBackendId = this.declareSemanticCache(scope, args, cache, tags);
    }
    let contentSafetyBackendId: string | undefined;
    if (args.contentSafety) {
      contentSafetyBackendId = this.declareContentSafety(scope, args.contentSafety);
    }

    const apiPath = args.apiPath ?? "openai";
    this.api = new apimanagement.Api(
      `${name}-api`,
      {
        resourceGroupName,
        serviceName,
        apiId: "inference",
        displayName: "AI inference",
        description: "OpenAI-compatible inference through the AI gateway.",
        path: apiPath,
        protocols: ["https"],
        apiType: "http",
        subscriptionRequired: true,
        subscriptionKeyParameterNames: { header: "api-key", query: "subscription-key" },
        format: "openapi+json",
        value: JSON.stringify(inferenceApiDefinition()),
      },
      { parent: this },
    );
    this.inferenceUrl = pulumi.interpolate`${this.gatewayUrl}/${apiPath}`;

    const metricsNamespace =
      args.tokenMetricsNamespace === false ? undefined : (args.tokenMetricsNamespace ?? "ai-gateway");
    const apiPolicy = new apimanagement.ApiPolicy(
      `${name}-api-policy`,
      {
        resourceGroupName,
        serviceName,
        apiId: this.api.name,
        policyId: "policy",
        format: "xml",
        value: inferenceApiPolicy({
          routes: this.routes,
          retryCount: retryCountFor(this.pools),
          tokenMetricsNamespace: metricsNamespace,
          semanticCache:
            cache && embeddingsBackendId
              ? {
                  embeddingsBackendId,
                  scoreThreshold: cache.scoreThreshold ?? 0.05,
                  durationSeconds: cache.durationSeconds ?? 3600,
                }
              : undefined,
          contentSafety:
            args.contentSafety && contentSafetyBackendId
              ? {
                  backendId: contentSafetyBackendId,
                  shieldPrompt: args.contentSafety.shieldPrompt ?? true,
                  categories: args.contentSafety.categories ?? {
                    Hate: 4,
                    SelfHarm: 4,
                    Sexual: 4,
                    Violence: 4,
                  },
                  blocklists: args.contentSafety.blocklists,
                }
              : undefined,
        }),
      },
      { parent: this },
    );

    const teams = declareTeams(scope, this.api, args.teams, this.routes, args.estimatePromptTokens ?? true);
    this.teamProductIds = Object.fromEntries(Object.keys(teams).map((t) => [t, `team-${t}`]));

    this.scope = scope;
    this.apiPolicy = apiPolicy;
    if (args.applicationInsights) {
      this.connectApplicationInsights(args.applicationInsights);
    }
    this.declareLlmLogging(scope, args, apiPolicy);

    assignRoles(`${name}-apim`, this.resourceId, args.roleAssignments ?? [], { parent: this });
    declareDiagnosticSettings(`${name}-apim`, this.resourceId, args.diagnosticSettings ?? [], {
      parent: this,
    });
    declareLock(`${name}-apim`, this.resourceId, args.lock, { parent: this });

    this.registerOutputs({
      name: this.name,
      resourceId: this.resourceId,
      gatewayUrl: this.gatewayUrl,
      inferenceUrl: this.inferenceUrl,
      principalId: this.principalId,
    });
  }

  /** Azure Managed Redis with RediSearch as the external cache, and the embeddings backend. Returns the embeddings backend id. */
  private declareSemanticCache(
    scope: ServiceScope,
    args: AiGatewayArgs,
    cache: GatewaySemanticCache,
    tags: Tags,
  ): string {
    const name = scope.name;
    const cluster = new redisenterprise.RedisEnterprise(
      `${name}-redis`,
      {
        resourceGroupName: args.resourceGroupName,
        clusterName: cache.redis.clusterName,
        location: cache.redis.location ?? args.location,
        sku: { name: cache.redis.sku ?? "Balanced_B0" },
        minimumTlsVersion: "1.2",
        // The gateway reaches the cache over its public endpoint (TLS, access key) unless it is VNet-integrated.
        publicNetworkAccess: "Enabled",
        tags,
      },
      { parent: this },
    );
    const port = 10000;
    const database = new redisenterprise.Database(
      `${name}-redis-db`,
      {
        resourceGroupName: args.resourceGroupName,
        clusterName: cluster.name,
        databaseName: "default",
        clientProtocol: "Encrypted",
        port,
        // RediSearch requires the Enterprise clustering policy and no eviction.
        clusteringPolicy: "EnterpriseCluster",
        evictionPolicy: "NoEviction",
        modules: [{ name: "RediSearch" }],
        accessKeysAuthentication: "Enabled",
      },
      { parent: this },
    );
    const keys = redisenterprise.listDatabaseKeysOutput(
      { resourceGroupName: args.resourceGroupName, clusterName: cluster.name, databaseName: database.name },
      { parent: this },
    );
    new apimanagement.Cache(
      `${name}-cache`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        cacheId: "default",
        useFromLocation: "default",
        description: "Semantic cache (Azure Managed Redis with RediSearch)",
        connectionString: pulumi.secret(
          pulumi.interpolate`${cluster.hostName}:${port},password=${keys.primaryKey},ssl=True,abortConnect=False`,
        ),
      },
      { parent: this },
    );
    const target = args.targets.find(
      (t) => t.account === cache.embeddings.account && t.deployment === cache.embeddings.deployment,
    ) as GatewayModelTarget;
    const backendId = `embeddings-${targetBackendId(target)}`.slice(0, 80);
    new apimanagement.Backend(
      `${name}-backend-embeddings`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        backendId,
        type: "Single",
        protocol: "http",
        url: joinUrl(
          target.endpoint,
          `openai/deployments/${encodeURIComponent(target.deployment)}/embeddings`,
        ),
        title: `${target.account}/${target.deployment} (semantic cache embeddings)`,
        tls: { validateCertificateChain: true, validateCertificateName: true },
      },
      { parent: this },
    );
    return backendId;
  }

  /** The Content Safety backend (managed-identity credentials) and the identity's role on it. Returns the backend id. */
  private declareContentSafety(scope: ServiceScope, cs: GatewayContentSafety): string {
    const backendId = "content-safety";
    new resources.Resource(
      `${scope.name}-backend-content-safety`,
      {
        resourceGroupName: scope.resourceGroupName,
        resourceProviderNamespace: "Microsoft.ApiManagement",
        parentResourcePath: pulumi.interpolate`service/${scope.serviceName}`,
        resourceType: "backends",
        resourceName: backendId,
        apiVersion: apimPreviewApiVersion,
        properties: {
          url: joinUrl(cs.endpoint, ""),
          protocol: "http",
          description: "Azure AI Content Safety",
          tls: { validateCertificateChain: true, validateCertificateName: true },
          credentials: { managedIdentity: { resource: cognitiveServicesAudience } },
        },
      },
      { parent: this },
    );
    assignRole(
      `${scope.name}-content-safety-user`,
      {
        scope: cs.resourceId,
        principalId: this.principalId,
        principalType: "ServicePrincipal",
        roleDefinitionIdOrName: "Cognitive Services User",
        description: `AI gateway ${scope.name} screens prompts with Content Safety`,
      },
      { parent: this },
    );
    return backendId;
  }

  /**
   * Sends the gateway's telemetry and token metrics (custom metrics with dimensions) to Application
   * Insights: a logger and an API diagnostic. Same as the `applicationInsights` arg, for when the
   * Application Insights resource is created after the gateway (it may be connected once).
   */
  public connectApplicationInsights(ai: GatewayApplicationInsights): void {
    if (this.applicationInsightsConnected) {
      throw new pulumi.ResourceError("AiGateway: Application Insights is already connected", this);
    }
    this.applicationInsightsConnected = true;
    const scope = this.scope;
    const name = scope.name;
    const noBodies = { headers: [], body: { bytes: 0 } };
    const logger = new apimanagement.Logger(
      `${name}-appinsights-logger`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        loggerId: "appinsights",
        loggerType: "applicationInsights",
        description: "Application Insights: gateway telemetry and token metrics",
        resourceId: ai.resourceId,
        isBuffered: true,
        credentials: ai.connectionString
          ? { connectionString: pulumi.secret(ai.connectionString) }
          : { instrumentationKey: pulumi.secret(ai.instrumentationKey as pulumi.Input<string>) },
      },
      { parent: this },
    );
    new apimanagement.ApiDiagnostic(
      `${name}-appinsights-diagnostic`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        apiId: this.api.name,
        diagnosticId: "applicationinsights",
        loggerId: logger.id,
        // Custom metrics with dimensions: what llm-emit-token-metric needs.
        metrics: true,
        alwaysLog: "allErrors",
        httpCorrelationProtocol: "W3C",
        verbosity: "information",
        logClientIp: false,
        sampling: { samplingType: "fixed", percentage: 100 },
        frontend: { request: noBodies, response: noBodies },
        backend: { request: noBodies, response: noBodies },
      },
      { parent: this, dependsOn: [this.apiPolicy] },
    );
  }

  /** The LLM request logs (Azure Monitor logger and the API's LLM logging settings). */
  private declareLlmLogging(
    scope: ServiceScope,
    args: AiGatewayArgs,
    apiPolicy: apimanagement.ApiPolicy,
  ): void {
    const name = scope.name;
    const noBodies = { headers: [], body: { bytes: 0 } };
    const llm = { enabled: true, logMessages: false, maxMessageBytes: 32768, ...args.llmLogging };
    if (!llm.enabled) {
      return;
    }
    const monitorLogger = new apimanagement.Logger(
      `${name}-azuremonitor-logger`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        loggerId: "azuremonitor",
        loggerType: "azureMonitor",
        description:
          "Azure Monitor: gateway and LLM request logs (through the service's diagnostic settings)",
        isBuffered: true,
      },
      { parent: this },
    );
    const messages = llm.logMessages ? { messages: "all", maxSizeInBytes: llm.maxMessageBytes } : undefined;
    // azure-native 3.x types API diagnostics at 2024-05-01, which has no `largeLanguageModel`;
    // the generic resource writes it at the preview API version the AI-Gateway labs use.
    new resources.Resource(
      `${name}-llm-diagnostic`,
      {
        resourceGroupName: scope.resourceGroupName,
        resourceProviderNamespace: "Microsoft.ApiManagement",
        parentResourcePath: pulumi.interpolate`service/${scope.serviceName}/apis/${this.api.name}`,
        resourceType: "diagnostics",
        resourceName: "azuremonitor",
        apiVersion: apimPreviewApiVersion,
        properties: {
          loggerId: monitorLogger.id,
          alwaysLog: "allErrors",
          verbosity: "information",
          logClientIp: false,
          sampling: { samplingType: "fixed", percentage: 100 },
          frontend: { request: noBodies, response: noBodies },
          backend: { request: noBodies, response: noBodies },
          largeLanguageModel: {
            logs: "enabled",
            ...(messages ? { requests: messages, responses: messages } : {}),
          },
        },
      },
      { parent: this, dependsOn: [apiPolicy] },
    );
  }
}
