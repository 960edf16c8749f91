import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import { ComponentArgsError } from "../common/args-error";
import { declareDiagnosticSettings } from "../common/diagnostics";
import { declareLock } from "../common/lock";
import { assignRole, assignRoles } from "../common/role-assignment";
import { AiGatewayArgs, gatewayArgsProblems, GatewayVirtualNetwork, parseServiceId } from "./args";
import { inferenceApiDefinition } from "./api-definition";
import { declareSemanticCache } from "./cache";
import { declareContentSafety } from "./content-safety";
import { declareBackendsAndPools, defaultCircuitBreakerRule, joinUrl, ServiceScope } from "./pools";
import { declareTeams } from "./products";
import {
  AccountRoute,
  GatewayModelTarget,
  planAccountRoutes,
  planPools,
  PoolPlan,
  retryCountFor,
  routeTable,
} from "./targets";
import { declareApplicationInsights, declareLlmLogging } from "./telemetry";
import { GatewayRoute, inferenceApiPolicy } from "./xml/documents";
import { GatewaySku } from "./sku";

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

/**
 * The service properties that join a virtual network. Outbound integration (v2 tiers) and External
 * injection (Premium) are both `virtualNetworkType: External` with the subnet in
 * `virtualNetworkConfiguration.subnetResourceId` (ARM `Microsoft.ApiManagement/service` 2024-05-01;
 * https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound).
 */
export function virtualNetworkProperties(
  vnet: GatewayVirtualNetwork | undefined,
): Pick<apimanagement.ApiManagementServiceArgs, "virtualNetworkType" | "virtualNetworkConfiguration"> {
  if (!vnet) {
    return {};
  }
  return {
    virtualNetworkType: vnet.type ?? "External",
    virtualNetworkConfiguration: { subnetResourceId: vnet.subnetResourceId },
  };
}

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

  constructor(name: string, args: AiGatewayArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:gateway:AiGateway", name, {}, opts);

    const problems = gatewayArgsProblems(args);
    if (problems.length > 0) {
      throw new ComponentArgsError("AiGateway", name, problems, this);
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
          ...virtualNetworkProperties(args.virtualNetwork),
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
    declareBackendsAndPools(
      scope,
      this.pools,
      (args.circuitBreakerRules ?? [defaultCircuitBreakerRule])[0],
      args.provisionedCircuitBreakerRule,
    );
    // The Responses API and the batch API are bound to one account each: its own v1 API.
    const accountRoutes = planAccountRoutes(args.targets, this.pools, args.primaryRegion ?? args.location);
    const bound = [accountRoutes.responses, accountRoutes.batch].filter(
      (r): r is AccountRoute => r !== undefined,
    );
    for (const route of new Map(bound.map((r) => [r.backendId, r])).values()) {
      declareAccountBackend(scope, route);
    }

    const semanticCache =
      args.semanticCache &&
      declareSemanticCache(
        scope,
        args.semanticCache,
        { resourceGroupName: args.resourceGroupName, location: args.location },
        args.targets,
        tags,
      );
    const contentSafety =
      args.contentSafety && declareContentSafety(scope, args.contentSafety, this.principalId);

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
        value: JSON.stringify(
          inferenceApiDefinition(undefined, { batch: accountRoutes.batch !== undefined }),
        ),
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
          responses: accountRoutes.responses
            ? {
                backendId: accountRoutes.responses.backendId,
                deployments: accountRoutes.responses.deployments,
              }
            : undefined,
          batchBackendId: accountRoutes.batch?.backendId,
          tokenMetricsNamespace: metricsNamespace,
          semanticCache,
          contentSafety,
        }),
      },
      { parent: this },
    );

    const teams = declareTeams(scope, this.api, args.teams, this.routes, args.estimatePromptTokens ?? true);
    this.teamProductIds = Object.fromEntries(Object.keys(teams).map((t) => [t, `team-${t}`]));

    // Application Insights is passed in, never connected later: every child exists before registerOutputs.
    if (args.applicationInsights) {
      declareApplicationInsights(scope, this.api, args.applicationInsights, apiPolicy);
    }
    declareLlmLogging(scope, this.api, args.llmLogging, apiPolicy);

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
}

/** The backend of an account's own v1 API (`<endpoint>/openai/v1`), for the operations bound to it. */
function declareAccountBackend(scope: ServiceScope, route: AccountRoute): apimanagement.Backend {
  return new apimanagement.Backend(
    `${scope.name}-backend-${route.backendId}`,
    {
      resourceGroupName: scope.resourceGroupName,
      serviceName: scope.serviceName,
      backendId: route.backendId,
      type: "Single",
      protocol: "http",
      url: joinUrl(route.target.endpoint, "openai/v1"),
      title: `${route.account} (v1 API)`,
      description: `Account ${route.account}: Responses API and batch API calls bound to it`,
      tls: { validateCertificateChain: true, validateCertificateName: true },
    },
    { parent: scope.parent },
  );
}
