import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { CustomModelSpec } from "./catalog/custom";
import { ComponentArgsError } from "./common/args-error";
import { Environment } from "./common/environment";
import { ComponentHandles } from "./common/handles";
import { catalogDayOf } from "./common/iso-day";
import { nameProblems, nameRules, resourceAbbreviations, resourceName, NameParts } from "./common/naming";
import { AzureRegion } from "./common/regions";
import { mergeTags, RequiredTags, Tags } from "./common/tags";
import { FoundryAccount, FoundryAccountOptions } from "./foundry/account";
import {
  AccessControl,
  AccessGroupsSpec,
  AutomationIdentitySpec,
  HumanDataAccess,
} from "./access/access-control";
import { CostControls } from "./observability/cost";
import { MonitoredResource, Observability, ObservabilityOptions } from "./observability/observability";
import { GatewayMonitoring } from "./observability/gateway-monitoring";
import { deploymentNameOf, ModelDeploymentSpec } from "./foundry/deployments";
import { isProvisioned } from "./catalog/deployment-types";
import { AiNetwork, AiNetworkOptions } from "./network/network";
import { gatewayNetworkMode } from "./network/facts";
import { AiGatewayOptions } from "./gateway/args";
import { CanaryPlan, planCanary, UpgradeSpec } from "./gateway/canary";
import { AiGateway } from "./gateway/gateway";
import { GatewayModelTarget } from "./gateway/targets";
import { allocateTraffic, TrafficDeployment } from "./gateway/traffic";
import { chargebackPrices } from "./cost/chargeback";
import { teamProductId } from "./gateway/products";
import { isRoutable } from "./gateway/targets";

/**
 * One Foundry account of the platform: a name and region, and the account settings of
 * {@link FoundryAccountOptions}, passed to its `FoundryAccount` as they are.
 */
export interface PlatformAccountSpec extends FoundryAccountOptions {
  /** Short logical name; the account is named `aif-<workload>-<env>-<region>-<name>`. */
  readonly name: string;
  /**
   * Region of the account.
   * @default the platform's location
   */
  readonly location?: AzureRegion;
}

/** Monitoring options of the platform: the settings of {@link ObservabilityOptions}, passed to its `Observability`. */
export type PlatformObservabilitySpec = ObservabilityOptions;

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

/** The platform's semantic cache: Azure Managed Redis with RediSearch, named `redis-<workload>-<env>-<region>`. */
export interface PlatformSemanticCacheSpec {
  /** Name of the embeddings deployment used to compare prompts. */
  readonly embeddingsDeployment: string;
  /**
   * Logical name of the account that holds the embeddings deployment.
   * @default - the first account that has the deployment
   */
  readonly account?: string;
  /**
   * Similarity threshold 0–1; smaller means only closer prompts hit.
   * @default 0.05
   */
  readonly scoreThreshold?: number;
  /**
   * Time to live of cached answers in seconds.
   * @default 3600
   */
  readonly durationSeconds?: number;
  /**
   * SKU of the Redis cluster.
   * @default "Balanced_B0"
   */
  readonly redisSku?: string;
}

/**
 * The platform's AI gateway (API Management) in front of its model deployments: the settings of
 * {@link AiGatewayOptions}, passed to its `AiGateway` as they are, and what the platform derives.
 */
export interface PlatformGatewaySpec extends AiGatewayOptions {
  /**
   * Region of the gateway.
   * @default the platform's location
   */
  readonly location?: AzureRegion;
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
  readonly semanticCache?: PlatformSemanticCacheSpec;
}

/**
 * The platform's private network path (see {@link AiNetwork}): the settings of {@link AiNetworkOptions},
 * passed to its `AiNetwork`; the gateway joins it, every account gets a private endpoint in it.
 */
export type PlatformNetworkSpec = AiNetworkOptions;

/** The arguments of `AiPlatform`. */
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
  readonly accounts: PlatformAccountSpec[];
  /**
   * The day (`YYYY-MM-DD`, UTC) the model catalog judges deployments on (versions retiring soon or
   * retired are logged as warnings naming the successor; the policy pack's lifecycle rules block
   * retired ones).
   * @default - the current date
   */
  readonly catalogDate?: string;
  /**
   * Models the catalog does not hold (fine-tuned, partner, or newer than the catalog), declared with
   * the facts the checks need; every account may deploy them.
   * @default - none
   */
  readonly customModels?: CustomModelSpec[];
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
  readonly access?: AccessGroupsSpec;
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
  readonly humanDataAccess?: HumanDataAccess;
  /**
   * Workload identities that call the models directly (Cognitive Services OpenAI User on every account).
   * @default - none
   */
  readonly automationIdentities?: AutomationIdentitySpec[];
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
    return { ...d, expectedTraffic: found?.traffic, trafficSources: found ? [...found.sources] : undefined };
  };
}

/**
 * The whole AI platform of one environment: its resource group and Foundry accounts with their
 * model deployments, named and tagged consistently.
 */
export class AiPlatform extends pulumi.ComponentResource {
  /** The type token: the component package's, `foundry-platform:index:AiPlatform`. */
  public static readonly typeToken = "foundry-platform:index:AiPlatform";

  /** Name of the platform's resource group. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** Endpoint of each Foundry account, by logical name. */
  public readonly accountEndpoints: pulumi.Output<Record<string, string>>;
  /** ARM id of each Foundry account, by logical name. */
  public readonly accountResourceIds: pulumi.Output<Record<string, string>>;
  /** ARM id of the platform's Log Analytics workspace. */
  public readonly workspaceResourceId: pulumi.Output<string>;
  /** The inference endpoint clients use (`https://<apim>.azure-api.net/openai`), when there is a gateway. */
  public readonly inferenceUrl?: pulumi.Output<string>;
  /** Product id of each gateway team, by team name, when there is a gateway. */
  public readonly teamProductIds?: Record<string, string>;

  /** The Foundry accounts by logical name (TypeScript only). */
  public get accounts(): Readonly<Record<string, FoundryAccount>> {
    return platformHandles.of(this).accounts;
  }
  /** Logs, metrics, alerts and the workbook (TypeScript only). */
  public get observability(): Observability {
    return platformHandles.of(this).observability;
  }
  /** The budget, when one is configured (TypeScript only). */
  public get costControls(): CostControls | undefined {
    return platformHandles.of(this).costControls;
  }
  /** The access groups and their role assignments (TypeScript only). */
  public get accessControl(): AccessControl {
    return platformHandles.of(this).accessControl;
  }
  /** The AI gateway, when configured (TypeScript only). */
  public get gateway(): AiGateway | undefined {
    return platformHandles.of(this).gateway;
  }
  /** The private network path, when configured (TypeScript only). */
  public get network(): AiNetwork | undefined {
    return platformHandles.of(this).network;
  }

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
    const problems = [
      ...nameProblems(nameRules.resourceGroup, groupName),
      ...catalogDayOf(args.catalogDate).problems,
    ];
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
    const network =
      args.network &&
      new AiNetwork(
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

    const accounts: Record<string, FoundryAccount> = {};
    for (const spec of args.accounts) {
      const region = spec.location ?? args.location;
      // Every account option reaches the account as given; the platform adds what it derives.
      const { name: accountName, location: _location, ...options } = spec;
      accounts[accountName] = new FoundryAccount(
        `${name}-${accountName}`,
        {
          ...options,
          resourceGroupName: group.name,
          location: region,
          accountName: resourceName(resourceAbbreviations.aiAccount, { ...parts, region }, accountName),
          deployments: [...(spec.deployments ?? []), ...candidatesOf(accountName)].map((d) =>
            withTraffic(accountName, d),
          ),
          // Every account gets a private endpoint in the platform's network (group id `account`).
          privateEndpoints: network
            ? [...(spec.privateEndpoints ?? []), network.accountEndpoint()]
            : spec.privateEndpoints,
          // The platform's Observability declares every account's diagnostic settings.
          diagnosticSettings: [],
          catalogDate: args.catalogDate,
          customModels: args.customModels,
          tags,
        },
        { parent: this },
      );
    }

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
    const observability = new Observability(
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
    const gateway =
      args.gateway &&
      this.declareGateway(name, args, args.gateway, {
        parts,
        resourceGroupName: group.name,
        tags,
        canaries: canary.plans,
        accounts,
        observability,
        network,
      });
    // The gateway's logs feed the token-quota, error and tripped-backend alerts and the workbook.
    if (gateway) {
      new GatewayMonitoring(
        `${name}-obs`,
        {
          resourceGroupName: group.name,
          naming: parts,
          gatewayResourceId: gateway.resourceId,
          workspaceResourceId: observability.workspaceResourceId,
          actionGroupResourceId: observability.actionGroupResourceId,
          logCategoryGroup: args.observability?.logCategoryGroup,
          alerts: args.observability?.alerts,
          tags,
          // These children were declared by Observability before it was created ahead of the gateway.
          previousParent: observability,
        },
        { parent: this },
      );
    }

    const costControls =
      args.budget &&
      new CostControls(
        `${name}-cost`,
        {
          scope: group.id,
          naming: parts,
          monthlyAmount: args.budget.monthlyAmount,
          startDate: args.budget.startDate,
          // The action group already emails its receivers; no separate contact emails (no duplicates).
          actionGroupResourceId: observability.actionGroupResourceId,
        },
        { parent: this },
      );

    const accessControl = new AccessControl(
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
        workspaceResourceId: observability.workspaceResourceId,
      },
      { parent: this },
    );
    platformHandles.set(this, {
      accounts,
      observability,
      costControls,
      accessControl,
      gateway,
      network,
    });

    this.accountEndpoints = outputMap(accounts, (a) => a.endpoint);
    this.accountResourceIds = outputMap(accounts, (a) => a.resourceId);
    this.workspaceResourceId = observability.workspaceResourceId;
    this.inferenceUrl = gateway?.inferenceUrl;
    this.teamProductIds = gateway?.teamProductIds;
    this.registerOutputs({
      resourceGroupName: this.resourceGroupName,
      accountEndpoints: this.accountEndpoints,
      accountResourceIds: this.accountResourceIds,
      workspaceResourceId: this.workspaceResourceId,
      inferenceUrl: this.inferenceUrl,
      teamProductIds: this.teamProductIds,
    });
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
    platform: {
      readonly parts: NameParts;
      readonly resourceGroupName: pulumi.Output<string>;
      readonly tags: RequiredTags;
      readonly canaries: readonly CanaryPlan<ModelDeploymentSpec>[];
      readonly accounts: Readonly<Record<string, FoundryAccount>>;
      readonly observability: Observability;
      readonly network?: AiNetwork;
    },
  ): AiGateway {
    const { parts, canaries } = platform;
    const targets: GatewayModelTarget[] = [];
    for (const spec of args.accounts) {
      const account = platform.accounts[spec.name];
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
    // Every gateway option reaches the gateway as given; the platform adds what it derives.
    const { location: _location, upgrade: _upgrade, semanticCache: _cache, ...options } = gw;
    return new AiGateway(
      `${name}-gateway`,
      {
        ...options,
        resourceGroupName: platform.resourceGroupName,
        location,
        ...(gw.existingServiceId === undefined
          ? {
              serviceName: this.gatewayServiceName(gw, parts),
              virtualNetwork: platform.network
                ? { subnetResourceId: platform.network.gatewaySubnetResourceId }
                : undefined,
            }
          : {}),
        primaryRegion: args.location,
        targets,
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
        // Telemetry and token metrics go to the platform's Application Insights unless another is given.
        applicationInsights: gw.applicationInsights ?? {
          resourceId: platform.observability.applicationInsightsResourceId,
          connectionString: platform.observability.applicationInsightsConnectionString,
        },
        // The platform's Observability declares the service's diagnostic settings.
        diagnosticSettings: [],
        tags: platform.tags,
      },
      { parent: this },
    );
  }
}

/** What an `AiPlatform` declared, for TypeScript programs (see `ComponentHandles`). */
interface AiPlatformHandles {
  readonly accounts: Readonly<Record<string, FoundryAccount>>;
  readonly observability: Observability;
  readonly costControls?: CostControls;
  readonly accessControl: AccessControl;
  readonly gateway?: AiGateway;
  readonly network?: AiNetwork;
}

const platformHandles = new ComponentHandles<AiPlatform, AiPlatformHandles>();

/** One output map from a string output of each component, by key. */
function outputMap<T>(
  components: Readonly<Record<string, T>>,
  valueOf: (component: T) => pulumi.Output<string>,
): pulumi.Output<Record<string, string>> {
  return pulumi
    .all(Object.entries(components).map(([key, c]) => valueOf(c).apply((v) => [key, v] as const)))
    .apply((pairs) => Object.fromEntries(pairs));
}
