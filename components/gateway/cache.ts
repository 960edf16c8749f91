/**
 * The semantic cache: Azure Managed Redis (RediSearch) as the service's external cache and the
 * embeddings backend that vectorises prompts (`llm-semantic-cache-lookup` / `-store`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as redisenterprise from "@pulumi/azure-native/redisenterprise";
import { Tags } from "../common/tags";
import { joinUrl, ServiceScope } from "./pools";
import { GatewayModelTarget, isEmbeddingsModel, targetBackendId } from "./targets";
import { InferenceApiPolicyOptions } from "./xml/documents";

/**
 * What the inference API policy needs of the cache.
 * @internal
 */
export type SemanticCacheOptions = NonNullable<InferenceApiPolicyOptions["semanticCache"]>;

/** Semantic cache: answers similar prompts from Azure Managed Redis (RediSearch) instead of the model. */
export interface GatewaySemanticCache {
  /** The embeddings deployment (among the targets) that vectorises prompts. */
  readonly embeddings: GatewayDeploymentRef;
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
  readonly redis: GatewayRedisSpec;
}

/** A deployment among the gateway's targets. */
export interface GatewayDeploymentRef {
  /** Logical name of the account that holds the deployment. */
  readonly account: string;
  /** Deployment name. */
  readonly deployment: string;
}

/** The Azure Managed Redis cluster of the semantic cache. */
export interface GatewayRedisSpec {
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
}

const redisClusterName = /^(?!-)(?!.*--)[A-Za-z0-9-]{1,60}(?<!-)$/;

/** The embeddings deployment the cache names, among the gateway's targets. */
function embeddingsTarget(
  cache: GatewaySemanticCache,
  targets: readonly GatewayModelTarget[],
): GatewayModelTarget | undefined {
  return targets.find(
    (t) => t.account === cache.embeddings.account && t.deployment === cache.embeddings.deployment,
  );
}

/**
 * Problems with the semantic cache arguments, as sentences naming what to fix.
 * @internal
 */
export function semanticCacheProblems(
  cache: GatewaySemanticCache | undefined,
  targets: readonly GatewayModelTarget[],
): string[] {
  const problems: string[] = [];
  if (!cache) {
    return problems;
  }
  const e = embeddingsTarget(cache, targets);
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
  return problems;
}

/**
 * Azure Managed Redis with RediSearch as the external cache, and the embeddings backend. Returns
 * what the inference API policy needs.
 * @internal
 */
export function declareSemanticCache(
  scope: ServiceScope,
  cache: GatewaySemanticCache,
  where: { readonly resourceGroupName: pulumi.Input<string>; readonly location: string },
  targets: readonly GatewayModelTarget[],
  tags: Tags,
): SemanticCacheOptions {
  const name = scope.name;
  const cluster = new redisenterprise.RedisEnterprise(
    `${name}-redis`,
    {
      resourceGroupName: where.resourceGroupName,
      clusterName: cache.redis.clusterName,
      location: cache.redis.location ?? where.location,
      sku: { name: cache.redis.sku ?? "Balanced_B0" },
      minimumTlsVersion: "1.2",
      // The gateway reaches the cache over its public endpoint (TLS, access key) unless it is VNet-integrated.
      publicNetworkAccess: "Enabled",
      tags,
    },
    { parent: scope.parent },
  );
  const port = 10000;
  const database = new redisenterprise.Database(
    `${name}-redis-db`,
    {
      resourceGroupName: where.resourceGroupName,
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
    { parent: scope.parent },
  );
  const keys = redisenterprise.listDatabaseKeysOutput(
    { resourceGroupName: where.resourceGroupName, clusterName: cluster.name, databaseName: database.name },
    { parent: scope.parent },
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
    { parent: scope.parent },
  );
  const target = embeddingsTarget(cache, targets);
  if (target === undefined) {
    throw new pulumi.ResourceError(
      `semanticCache.embeddings: no target is deployment '${cache.embeddings.deployment}' of account '${cache.embeddings.account}'`,
      scope.parent,
    );
  }
  const backendId = `embeddings-${targetBackendId(target)}`.slice(0, 80);
  new apimanagement.Backend(
    `${name}-backend-embeddings`,
    {
      resourceGroupName: scope.resourceGroupName,
      serviceName: scope.serviceName,
      backendId,
      type: "Single",
      protocol: "http",
      url: joinUrl(target.endpoint, `openai/deployments/${encodeURIComponent(target.deployment)}/embeddings`),
      title: `${target.account}/${target.deployment} (semantic cache embeddings)`,
      tls: { validateCertificateChain: true, validateCertificateName: true },
    },
    { parent: scope.parent },
  );
  return {
    embeddingsBackendId: backendId,
    scoreThreshold: cache.scoreThreshold ?? 0.05,
    durationSeconds: cache.durationSeconds ?? 3600,
  };
}
