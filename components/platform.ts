import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
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
import { deploymentNameOf, ModelDeploymentSpec } from "./foundry/deployments";
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
   * Canary upgrade of one deployment: the platform adds the candidate deployment (same model, type
   * and capacity; the candidate version; named `<deployment>-canary`) and the gateway weights it
   * against the stable one. Remove it or set the weight to 0 to roll back.
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
   * The day the model catalog judges deployments on (retired versions are refused).
   * @default - the current date
   */
  readonly catalogDate?: Date;
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
      throw new pulumi.ResourceError(`AiPlatform '${name}': ${problems.join("; ")}`, this);
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
      throw new pulumi.ResourceError(`AiPlatform '${name}': ${canary.problems.join("; ")}`, this);
    }
    const candidatesOf = (account: string): ModelDeploymentSpec[] =>
      canary.plans.filter((p) => p.account === account).map((p) => p.candidate);
    const withTraffic = platformTraffic(args, canary.plans);

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
          privateEndpoints: spec.privateEndpoints,
          customerManagedKey: spec.customerManagedKey,
          managedIdentities: spec.managedIdentities,
          lock: spec.lock,
          roleAssignments: spec.roleAssignments,
          // The platform's Observability declares every account's diagnostic settings.
          diagnosticSettings: [],
          catalogDate: args.catalogDate,
          tags,
        },
        { parent: this },
      );
    }
    this.accounts = accounts;

    // ── AI gateway ────────────────────────────────────────────────────────────────────────────
    if (args.gateway) {
      this.gateway = this.declareGateway(name, args, args.gateway, parts, group.name, tags, canary.plans);
    }

    // ── Operations: monitoring, budget and access ──────────────────────────────────────────────
    const monitored: MonitoredResource[] = Object.entries(accounts).map(([accountName, account]) => ({
      name: accountName,
      kind: "aiAccount",
      resourceId: account.resourceId,
    }));
    if (this.gateway) {
      // The gateway's logs feed the token-quota alert and the per-team workbook panels.
      monitored.push({ name: "gateway", kind: "apiManagement", resourceId: this.gateway.resourceId });
    }
    this.observability = new Observability(
      `${name}-obs`,
      {
        resourceGroupName: group.name,
        naming: parts,
        monitoredResources: monitored,
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

    // The gateway's telemetry and token metrics go to the platform's Application Insights.
    this.gateway?.connectApplicationInsights({
      resourceId: this.observability.applicationInsightsResourceId,
      connectionString: this.observability.applicationInsightsConnectionString,
    });

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
              serviceName: resourceName(resourceAbbreviations.apiManagement, { ...parts, region: location }),
              sku: gw.sku,
              capacity: gw.capacity,
              publisherEmail: gw.publisherEmail,
              publisherName: gw.publisherName,
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
        applicationInsights: gw.applicationInsights,
        llmLogging: gw.llmLogging,
        // The platform's Observability declares the service's diagnostic settings.
        diagnosticSettings: [],
        tags,
      },
      { parent: this },
    );
  }
}
