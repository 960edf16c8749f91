import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { CustomModelSpec } from "./catalog/custom";
import { ComponentArgsError } from "./common/args-error";
import { Environment } from "./common/environment";
import { nameProblems, nameRules, resourceAbbreviations, resourceName, NameParts } from "./common/naming";
import { AzureRegion } from "./common/regions";
import { mergeTags, RequiredTags, Tags } from "./common/tags";
import {
  CustomerManagedKeySpec,
  LockSpec,
  ManagedIdentitiesSpec,
  PrivateEndpointSpec,
  RoleAssignmentSpec,
} from "./common/avm";
import { AccountNetworkAcls, FoundryAccount, FoundryProjectSpec } from "./foundry/account";
import { AccessControl, AccessGroup, AccessGroupSpec } from "./access/access-control";
import { CostControls } from "./observability/cost";
import { MonitoredResource, Observability, ObservabilityArgs } from "./observability/observability";
import { GatewayMonitoring } from "./observability/gateway-monitoring";
import { deploymentNameOf, ModelDeploymentSpec } from "./foundry/deployments";
import { isProvisioned } from "./catalog/deployment-types";
import { AiNetwork, AiNetworkArgs } from "./network/network";
import { gatewayNetworkMode } from "./network/facts";
import {
  AiGateway,
  CanaryPlan,
  CircuitBreakerRuleSpec,
  GatewayApplicationInsights,
  GatewayContentSafety,
  GatewayLlmLogging,
  GatewayModelTarget,
  GatewaySku,
  GatewayTeam,
  planCanary,
  UpgradeSpec,
} from "./gateway";
import { allocateTraffic, TrafficDeployment } from "./gateway/traffic";
import { chargebackPrices } from "./cost/chargeback";
import { teamProductId } from "./gateway/products";
import { isRoutable } from "./gateway/targets";

/** One Foundry account of the platform. */
export interface PlatformAccountSpec {
  /** Short logical name; the account is named `aif-<workload>-<env>-<region>-<name>`. */
  readonly name: string;
  /**
   * Region of the account.
   * @default the platform's location
   */
  readonly location?: AzureRegion;
  /**
   * Allow API-key authentication on the account.
   * @default false
   */
  readonly allowLocalAuth?: boolean;
  /**
   * Network rules; without them public network access is disabled.
   * @default - public network access disabled
   */
  readonly networkAcls?: AccountNetworkAcls;
  /**
   * Model deployments, created one after another in this order.
   * @default - none
   */
  readonly deployments?: readonly ModelDeploymentSpec[];
  /**
   * Foundry projects.
   * @default - none
   */
  readonly projects?: readonly FoundryProjectSpec[];
  /**
   * Private endpoints on the account.
   * @default - none
   */
  readonly privateEndpoints?: readonly PrivateEndpointSpec[];
  /**
   * Customer-managed key for encryption at rest.
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: CustomerManagedKeySpec;
  /**
   * Managed identities.
   * @default { systemAssigned: true }
   */
  readonly managedIdentities?: ManagedIdentitiesSpec;
  /**
   * Management lock on the account.
   * @default - no lock
   */
  readonly lock?: LockSpec;
  /**
   * Role assignments on the account.
   * @default - none
   */
  readonly roleAssignments?: readonly RoleAssignmentSpec[];
}

/** Monitoring options of the platform (see {@link ObservabilityArgs}). */
export type PlatformObservabilitySpec = Pick<
  ObservabilityArgs,
  | "retentionInDays"
  | "dailyCapGb"
  | "logCategoryGroup"
  | "notifications"
  | "alerts"
  | "applicationInsightsLocalAuth"
>;

/** The platform's monthly budget. */
export interface PlatformBudgetSpec {
  /** Monthly amount in the subscription's billing currency. */
  readonly monthlyAmount: number;
  /**
   * First day the budget counts, `YYYY-MM-01`.
   * @default the first day of the month the budget is created in
   */
  readonly startDate?: string;
}

/** The platform's AI gateway (API Management) in front of its model deployments. */
export interface PlatformGatewaySpec {
  /**
   * Tier of the API Management service.
   * @default "StandardV2"
   */
  readonly sku?: GatewaySku;
  /**
   * Scale units.
   * @default 1
   */
  readonly capacity?: number;
  /**
   * Region of the gateway.
   * @default the platform's location
   */
  readonly location?: AzureRegion;
  /**
   * Publisher e-mail of a new service.
   * @default - none; required unless `existingServiceId` is given
   */
  readonly publisherEmail?: pulumi.Input<string>;
  /**
   * @default "AI platform"
   */
  readonly publisherName?: pulumi.Input<string>;
  /**
   * Use an existing API Management service instead of creating one.
   * @default - a new service named `apim-<workload>-<env>-<region>`
   */
  readonly existingServiceId?: string;
  /** Teams: one product (allow-list, token limit, monthly quota) and subscription each. */
  readonly teams: readonly GatewayTeam[];
  /**
   * Canary upgrade of one deployment: the platform adds the candidate deployment (same type and
   * capacity; the candidate version of the same model or of a successor model; named
   * `<deployment>-canary`) and the gateway weights it against the stable one, under the stable
   * deployment's route and pool. Remove it or set the weight to 0 to roll back.
   * @default - no upgrade in progress
   */
  readonly upgrade?: UpgradeSpec;
  /**
   * Semantic cache (Azure Managed Redis with RediSearch, named `redis-<workload>-<env>-<region>`).
   * @default - no cache
   */
  readonly semanticCache?: {
    /** Name of the embeddings deployment used to compare prompts. */
    readonly embeddingsDeployment: string;
    /** @default - the first account that has the deployment */
    readonly account?: string;
    /** @default 0.05 */
    readonly scoreThreshold?: number;
    /** @default 3600 */
    readonly durationSeconds?: number;
    /** @default "Balanced_B0" */
    readonly redisSku?: string;
  };
  /** @default - none */
  readonly contentSafety?: GatewayContentSafety;
  /** @default - no Application Insights logger */
  readonly applicationInsights?: GatewayApplicationInsights;
  /** @default { enabled: true, logMessages: false } */
  readonly llmLogging?: GatewayLlmLogging;
  /** @default - the gateway's default rule */
  readonly circuitBreaker?: CircuitBreakerRuleSpec;
}

/** The platform's private network path (see {@link AiNetwork}); the gateway joins it, every account gets a private endpoint in it. */
export type PlatformNetworkSpec = Pick<
  AiNetworkArgs,
  | "addressPrefixes"
  | "gatewaySubnetPrefix"
  | "privateEndpointSubnetPrefix"
  | "existingGatewaySubnetResourceId"
  | "existingPrivateEndpointSubnetResourceId"
  | "existingPrivateDnsZoneResourceIds"
>;

/** A workload identity (not a person) that may call the models directly, for example a batch pipeline. */
export interface AutomationIdentitySpec {
  /** Short logical name; part of the role assignment's logical name (keep it stable). */
  readonly name: string;
  /** Object (principal) id of the managed identity or service principal. */
  readonly principalId: pulumi.Input<string>;
}

export interface AiPlatformArgs {
  /** Which environment this is (`dev`, `staging`, `prod`); becomes the `environment` tag and part of names. */
  readonly environment: Environment;
  /** Accountable team or person; the `owner` tag. May be a secret. */
  readonly owner: pulumi.Input<string>;
  /** Cost center; the `costCenter` tag. May be a secret. */
  readonly costCenter: pulumi.Input<string>;
  /** Short workload name used in every resource name. */
  readonly workload: string;
  /** Default region. */
  readonly location: AzureRegion;
  /**
   * Extra tags for every taggable resource.
   * @default - none beyond environment, owner and costCenter
   */
  readonly tags?: Tags;
  /** The Foundry accounts. */
  readonly accounts: readonly PlatformAccountSpec[];
  /**
   * The day the model catalog judges deployments on (versions retiring soon or retired are logged
   * as warnings naming the successor; the policy pack's lifecycle rules block retired ones).
   * @default - the current date
   */
  readonly catalogDate?: Date;
  /**
   * Models the catalog does not hold (fine-tuned, partner, or newer than the catalog), declared with
   * the facts the checks need; every account may deploy them.
   * @default - none
   */
  readonly customModels?: readonly CustomModelSpec[];
  /**
   * Monitoring: Log Analytics, Application Insights, diagnostic settings, alerts and a workbook.
   * @default - 30 days of logs, `allLogs`, default alert thresholds, no notification receivers
   */
  readonly observability?: PlatformObservabilitySpec;
  /**
   * Monthly consumption budget on the platform's resource group, notifying the alert receivers.
   * @default - no budget
   */
  readonly budget?: PlatformBudgetSpec;
  /**
   * Entra ID groups of platform admins, AI developers and readers (created, or existing by object id).
   * @default - the three groups are created
   */
  readonly access?: Partial<Record<AccessGroup, AccessGroupSpec>>;
  /**
   * The AI gateway in front of every account's deployments.
   * @default - no gateway
   */
  readonly gateway?: PlatformGatewaySpec;
  /**
   * Private network path: a virtual network the gateway joins and a private endpoint per account
   * (registered in the AI Services private DNS zones linked to the network). Needed for a gateway
   * to reach accounts with public network access disabled.
   * @default - no network: accounts are reached over their public endpoints (as their networkAcls allow)
   */
  readonly network?: PlatformNetworkSpec;
  /**
   * Whether people may call the models directly (`direct`: the developers group gets data-plane
   * roles on the accounts and projects) or only through the gateway (`gatewayOnly`: no human group
   * gets a data-plane role on the accounts; the gateway's identity and `automationIdentities` do).
   * @default "direct" in dev, "gatewayOnly" in staging and prod
   */
  readonly humanDataAccess?: "direct" | "gatewayOnly";
  /**
   * Workload identities that call the models directly (Cognitive Services OpenAI User on every account).
   * @default - none
   */
  readonly automationIdentities?: readonly AutomationIdentitySpec[];
}

/**
 * The expected traffic of every deployment: its own, and the gateway teams' routed through the pools
 * (a canary candidate gets its weight of the pool share, never its stable deployment's own traffic).
 * Returns the spec with `expectedTraffic` and `trafficSources` set from the allocation.
 */
function platformTraffic(
  args: AiPlatformArgs,
  canaries: readonly CanaryPlan<ModelDeploymentSpec>[],
): (account: string, d: ModelDeploymentSpec) => ModelDeploymentSpec {
  const all: TrafficDeployment[] = args.accounts.flatMap((spec) => {
    const location = spec.location ?? args.location;
    const own = (spec.deployments ?? []).map((d) => ({ d, canary: undefined }));
    const candidates = canaries
      .filter((c) => c.account === spec.name)
      .map((c) => ({
        d: { ...c.candidate, expectedTraffic: undefined },
        canary: { stable: deploymentNameOf(c.stable), weightPercent: c.weightPercent },
      }));
    return [...own, ...candidates].map(({ d, canary }) => ({
      account: spec.name,
      location,
      deployment: deploymentNameOf(d),
      model: d.model,
      type: d.type,
      capacity: d.capacity,
      spillover: d.spillover,
      expectedTraffic: d.expectedTraffic,
      canary,
    }));
  });
  const allocated = allocateTraffic(
    all,
    args.gateway?.teams ?? [],
    args.location,
    args.gateway !== undefined,
  );
  return (account, d) => {
    const found = allocated.get(`${account}/${deploymentNameOf(d)}`);
    return { ...d, expectedTraffic: found?.traffic, trafficSources: found?.sources };
  };
}

/**
 * The whole AI platform of one environment: its resource group and Foundry accounts with their
 * model deployments, named and tagged consistently.
 */
export class AiPlatform extends pulumi.ComponentResource {
  /** Name of the platform's resource group. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** The Foundry accounts by logical name. */
  public readonly accounts: Readonly<Record<string, FoundryAccount>>;
  /** Logs, metrics, alerts and the workbook. */
  public readonly observability: Observability;
  /** The budget, when one is configured. */
  public readonly costControls?: CostControls;
  /** The access groups and their role assignments. */
  public readonly accessControl: AccessControl;
  /** The AI gateway, when configured. */
  public readonly gateway?: AiGateway;
  /** Diagnostic settings and alerts of the gateway, when there is one. */
  public readonly gatewayMonitoring?: GatewayMonitoring;
  /** The private network path, when configured. */
  public readonly network?: AiNetwork;

  constructor(name: string, args: AiPlatformArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:index:AiPlatform", name, {}, opts);

    const parts: NameParts = {
      workload: args.workload,
      environment: args.environment,
      region: args.location,
    };
    const tags: RequiredTags = {
      ...mergeTags(args.tags),
      environment: args.environment,
      owner: args.owner,
      costCenter: args.costCenter,
    };

    const groupName = resourceName(resourceAbbreviations.resourceGroup, parts);
    const problems = nameProblems(nameRules.resourceGroup, groupName);
    if (problems.length > 0) {
      throw new ComponentArgsError("AiPlatform", name, problems, this);
    }
    const group = new resources.ResourceGroup(
      `${name}-rg`,
      { resourceGroupName: groupName, location: args.location, tags },
      { parent: this },
    );
    this.resourceGroupName = group.name;

    // Canary upgrade: the candidate deployment joins its account's deployments.
    const canary = planCanary(args.accounts, args.gateway?.upgrade);
    if (canary.problems.length > 0) {
      throw new ComponentArgsError("AiPlatform", name, canary.problems, this);
    }
    const candidatesOf = (account: string): ModelDeploymentSpec[] =>
      canary.plans.filter((p) => p.account === account).map((p) => p.candidate);
    const withTraffic = platformTraffic(args, canary.plans);

    // ── Private network path: the gateway's subnet, the endpoints' subnet and the DNS zones ──────
    const gatewayLocation = args.gateway?.location ?? args.location;
    if (args.network) {
      this.network = new AiNetwork(
        `${name}-network`,
        {
          resourceGroupName: group.name,
          location: gatewayLocation,
          // The tier decides how the gateway joins (outbound integration on the v2 tiers, injection on Premium).
          gatewayMode: gatewayNetworkMode(args.gateway?.sku ?? "StandardV2") ?? "Integration",
          ...(args.network.existingGatewaySubnetResourceId === undefined
            ? { virtualNetworkName: resourceName("vnet", { ...parts, region: gatewayLocation }) }
            : {}),
          ...args.network,
          tags,
        },
        { parent: this },
      );
    }
    const network = this.network;

    const accounts: Record<string, FoundryAccount> = {};
    for (const spec of args.accounts) {
      const region = spec.location ?? args.location;
      accounts[spec.name] = new FoundryAccount(
        `${name}-${spec.name}`,
        {
          resourceGroupName: group.name,
          location: region,
          accountName: resourceName(resourceAbbreviations.aiAccount, { ...parts, region }, spec.name),
          allowLocalAuth: spec.allowLocalAuth,
          networkAcls: spec.networkAcls,
          deployments: [...(spec.deployments ?? []), ...candidatesOf(spec.name)].map((d) =>
            withTraffic(spec.name, d),
          ),
          projects: spec.projects,
          // Every account gets a private endpoint in the platform's network (group id `account`).
          privateEndpoints: network
            ? [...(spec.privateEndpoints ?? []), network.accountEndpoint()]
            : spec.privateEndpoints,
          customerManagedKey: spec.customerManagedKey,
          managedIdentities: spec.managedIdentities,
          lock: spec.lock,
          roleAssignments: spec.roleAssignments,
          // The platform's Observability declares every account's diagnostic settings.
          diagnosticSettings: [],
          catalogDate: args.catalogDate,
          customModels: args.customModels,
          tags,
        },
        { parent: this },
      );
    }
    this.accounts = accounts;

    // ── Monitoring first: the gateway sends its telemetry to the platform's Application Insights ──
    const monitored: MonitoredResource[] = args.accounts.map((spec) => ({
      name: spec.name,
      kind: "aiAccount",
      resourceId: accounts[spec.name].resourceId,
      deployments: [...(spec.deployments ?? []), ...candidatesOf(spec.name)].map((d) => ({
        name: deploymentNameOf(d),
        provisioned: isProvisioned(d.type),
        spillover: d.spillover !== undefined,
      })),
    }));
    this.observability = new Observability(
      `${name}-obs`,
      {
        resourceGroupName: group.name,
        naming: parts,
        monitoredResources: monitored,
        gatewayResourceId: args.gateway ? this.gatewayResourceIdOf(args.gateway, parts, group) : undefined,
        ...args.observability,
        // Each team's month-to-date spend at catalog prices, next to its quota.
        chargeback: args.gateway
          ? {
              prices: chargebackPrices(
                args.accounts.flatMap((a) =>
                  (a.deployments ?? []).filter(isRoutable).map((d) => ({ model: d.model, type: d.type })),
                ),
              ),
              teams: args.gateway.teams.map((t) => ({
                productId: teamProductId(t.name),
                monthlyTokenQuota: t.monthlyTokenQuota,
              })),
            }
          : undefined,
        tags,
      },
      { parent: this },
    );

    // ── AI gateway ────────────────────────────────────────────────────────────────────────────
    if (args.gateway) {
      this.gateway = this.declareGateway(name, args, args.gateway, parts, group.name, tags, canary.plans);
      // The gateway's logs feed the token-quota, error and tripped-backend alerts and the workbook.
      this.gatewayMonitoring = new GatewayMonitoring(
        `${name}-obs`,
        {
          resourceGroupName: group.name,
          naming: parts,
          gatewayResourceId: this.gateway.resourceId,
          workspaceResourceId: this.observability.workspaceResourceId,
          actionGroupResourceId: this.observability.actionGroupResourceId,
          logCategoryGroup: args.observability?.logCategoryGroup,
          alerts: args.observability?.alerts,
          tags,
          // These children were declared by Observability before it was created ahead of the gateway.
          previousParent: this.observability,
        },
        { parent: this },
      );
    }

    if (args.budget) {
      this.costControls = new CostControls(
        `${name}-cost`,
        {
          scope: group.id,
          naming: parts,
          monthlyAmount: args.budget.monthlyAmount,
          startDate: args.budget.startDate,
          // The action group already emails its receivers; no separate contact emails (no duplicates).
          actionGroupResourceId: this.observability.actionGroupResourceId,
        },
        { parent: this },
      );
    }

    this.accessControl = new AccessControl(
      `${name}-access`,
      {
        naming: parts,
        groups: args.access,
        aiAccounts: Object.entries(accounts).map(([accountName, account]) => ({
          name: accountName,
          resourceId: account.resourceId,
        })),
        humanDataAccess: args.humanDataAccess ?? (args.environment === "dev" ? "direct" : "gatewayOnly"),
        automationIdentities: args.automationIdentities,
        // Developers get Azure AI User on every Foundry project.
        projects: Object.entries(accounts).flatMap(([accountName, account]) =>
          Object.entries(account.projects).map(([projectName, project]) => ({
            name: `${accountName}-${projectName}`,
            resourceId: project.id,
          })),
        ),
        resourceGroupId: group.id,
        workspaceResourceId: this.observability.workspaceResourceId,
      },
      { parent: this },
    );

    this.registerOutputs({ resourceGroupName: this.resourceGroupName });
  }

  /** The ARM id the gateway will have: the workbook reads its logs before the gateway is declared. */
  private gatewayResourceIdOf(
    gw: PlatformGatewaySpec,
    parts: NameParts,
    group: resources.ResourceGroup,
  ): pulumi.Input<string> {
    if (gw.existingServiceId !== undefined) {
      return gw.existingServiceId;
    }
    const serviceName = this.gatewayServiceName(gw, parts);
    return pulumi.interpolate`${group.id}/providers/Microsoft.ApiManagement/service/${serviceName}`;
  }

  /** Azure name of a new gateway: `apim-<workload>-<env>-<region>`. */
  private gatewayServiceName(gw: PlatformGatewaySpec, parts: NameParts): string {
    return resourceName(resourceAbbreviations.apiManagement, {
      ...parts,
      region: gw.location ?? parts.region,
    });
  }

  /** The gateway's targets are the deployments the platform declares, with each account's id and endpoint. */
  private declareGateway(
    name: string,
    args: AiPlatformArgs,
    gw: PlatformGatewaySpec,
    parts: NameParts,
    resourceGroupName: pulumi.Output<string>,
    tags: RequiredTags,
    canaries: readonly CanaryPlan<ModelDeploymentSpec>[],
  ): AiGateway {
    const targets: GatewayModelTarget[] = [];
    for (const spec of args.accounts) {
      const account = this.accounts[spec.name];
      const location = spec.location ?? args.location;
      const candidates = canaries.filter((c) => c.account === spec.name);
      const declared = [...(spec.deployments ?? []), ...candidates.map((c) => c.candidate)];
      for (const d of declared) {
        const deployment = deploymentNameOf(d);
        const plan = candidates.find((c) => deploymentNameOf(c.candidate) === deployment);
        // A provisioned deployment that names this one as its spillover (`spilloverDeploymentName`).
        const spilloverOf = declared.find((p) => p.spillover === deployment);
        targets.push({
          account: spec.name,
          accountResourceId: account.resourceId,
          endpoint: account.endpoint,
          location,
          deployment,
          model: d.model,
          version: d.version,
          type: d.type,
          spilloverOf: spilloverOf ? deploymentNameOf(spilloverOf) : undefined,
          canary: plan
            ? { stable: deploymentNameOf(plan.stable), weightPercent: plan.weightPercent }
            : undefined,
        });
      }
    }
    const location = gw.location ?? args.location;
    const cache = gw.semanticCache;
    const cacheAccount =
      cache &&
      (cache.account ??
        args.accounts.find((a) =>
          (a.deployments ?? []).some((d) => deploymentNameOf(d) === cache.embeddingsDeployment),
        )?.name);
    return new AiGateway(
      `${name}-gateway`,
      {
        resourceGroupName,
        location,
        ...(gw.existingServiceId !== undefined
          ? { existingServiceId: gw.existingServiceId }
          : {
              serviceName: this.gatewayServiceName(gw, parts),
              sku: gw.sku,
              capacity: gw.capacity,
              publisherEmail: gw.publisherEmail,
              publisherName: gw.publisherName,
              virtualNetwork: this.network
                ? { subnetResourceId: this.network.gatewaySubnetResourceId }
                : undefined,
            }),
        primaryRegion: args.location,
        targets,
        teams: gw.teams,
        circuitBreakerRules: gw.circuitBreaker ? [gw.circuitBreaker] : undefined,
        semanticCache: cache
          ? {
              embeddings: { account: cacheAccount ?? "", deployment: cache.embeddingsDeployment },
              scoreThreshold: cache.scoreThreshold,
              durationSeconds: cache.durationSeconds,
              redis: {
                clusterName: resourceName(resourceAbbreviations.redis, { ...parts, region: location }),
                sku: cache.redisSku,
              },
            }
          : undefined,
        contentSafety: gw.contentSafety,
        // Telemetry and token metrics go to the platform's Application Insights unless another is given.
        applicationInsights: gw.applicationInsights ?? {
          resourceId: this.observability.applicationInsightsResourceId,
          connectionString: this.observability.applicationInsightsConnectionString,
        },
        llmLogging: gw.llmLogging,
        // The platform's Observability declares the service's diagnostic settings.
        diagnosticSettings: [],
        tags,
      },
      { parent: this },
    );
  }
}
