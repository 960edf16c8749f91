/**
 * The Pulumi program: composes the platform's components from one validated configuration.
 * It only composes; every resource is declared by a component.
 */
import * as pulumi from "@pulumi/pulumi";
import { AiPlatform, PlatformGatewaySpec } from "../components/platform";
import { platformName } from "./config/component-problems";
import { customModelSpecs } from "./config/custom-models";
import { GatewayConfig } from "./config/gateway";
import { LoadedConfig } from "./config/load";
import { EnvironmentDefaults, environmentDefaults, operationsDefaultsFor } from "./defaults";
import { networkArgs } from "./network-args";

/** Stack outputs of the platform. */
export interface PlatformOutputs {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly accountEndpoints: pulumi.Output<Record<string, string>>;
  /** The gateway's inference endpoint (`https://<apim>.azure-api.net/openai`), when the gateway is deployed. */
  readonly gatewayUrl?: pulumi.Output<string>;
}

/** What the program reads besides the config. */
export interface ProgramInputs {
  /**
   * Evaluation evidence for the canary candidate (stacks/evaluation.ts).
   * @default - none: a candidate carries no evaluation evidence
   */
  readonly evidenceTags?: Readonly<Record<string, string>>;
}

export function platformProgram(loaded: LoadedConfig, inputs: ProgramInputs = {}): PlatformOutputs {
  const { config, secretKeys } = loaded;
  /** A config value as a resource input: secret when its key was set with `--secret`. */
  const input = (key: keyof typeof config, value: string): pulumi.Input<string> =>
    secretKeys.has(key) ? pulumi.secret(value) : value;
  const defaults = environmentDefaults(config.environment);
  const operations = operationsDefaultsFor(config.environment);
  const observability = config.observability ?? {};

  const platform = new AiPlatform(platformName, {
    environment: config.environment,
    owner: input("owner", config.owner),
    costCenter: input("costCenter", config.costCenter),
    workload: config.workload,
    location: config.location,
    tags: config.tags,
    accounts: config.accounts.map((account) => ({
      name: account.name,
      location: account.location,
      allowLocalAuth: account.allowLocalAuth,
      networkAcls: account.networkAcls,
      deployments: account.deployments.map((d) => ({
        ...d,
        versionUpgradeOption: d.versionUpgradeOption ?? defaults.versionUpgradeOption,
      })),
      projects: account.projects,
      privateEndpoints: account.privateEndpoints,
      customerManagedKey: account.customerManagedKey,
      managedIdentities: account.userAssignedIdentityResourceIds
        ? { userAssignedResourceIds: account.userAssignedIdentityResourceIds }
        : undefined,
      lock: account.lock,
      roleAssignments: account.roleAssignments,
    })),
    catalogDate: loaded.catalogDate,
    customModels: customModelSpecs(config.customModels),
    observability: {
      retentionInDays: observability.retentionDays ?? operations.logRetentionDays,
      dailyCapGb: observability.dailyCapGb,
      logCategoryGroup: observability.logCategoryGroup,
      notifications: {
        // Secret when any value under the key was set with `--secret`; webhook URLs always are.
        emails: (observability.notifications?.emails ?? []).map((e) => input("observability", e)),
        webhooks: (observability.notifications?.webhooks ?? []).map((w) => ({
          name: w.name,
          serviceUri: pulumi.secret(w.url),
        })),
      },
      alerts: observability.alerts,
    },
    budget: {
      monthlyAmount: config.budget?.monthlyAmount ?? operations.monthlyBudget,
      startDate: config.budget?.startDate,
    },
    access: config.access && {
      admins: config.access.admins,
      developers: config.access.developers,
      readers: config.access.readers,
    },
    automationIdentities: config.access?.automationIdentities,
    gateway: gatewayArgs(config.gateway, defaults, inputs.evidenceTags),
    network: networkArgs(config.network, defaults),
    humanDataAccess: defaults.humanDataAccess,
  });

  return {
    resourceGroupName: platform.resourceGroupName,
    accountEndpoints: pulumi
      .all(Object.entries(platform.accounts).map(([n, a]) => a.endpoint.apply((e) => [n, e] as const)))
      .apply((pairs) => Object.fromEntries(pairs)),
    gatewayUrl: platform.gateway?.inferenceUrl,
  };
}

/**
 * The gateway section as platform args, or undefined when the gateway is off (absent, or not
 * enabled in an environment where it is off by default). Application Insights comes from the
 * platform's observability.
 */
function gatewayArgs(
  gw: GatewayConfig | undefined,
  defaults: EnvironmentDefaults,
  evidenceTags: Readonly<Record<string, string>> | undefined,
): PlatformGatewaySpec | undefined {
  if (!gw || !(gw.enabled ?? defaults.gatewayEnabled)) {
    return undefined;
  }
  return {
    sku: gw.existingServiceId ? undefined : (gw.sku ?? defaults.gatewaySku),
    capacity: gw.capacity,
    location: gw.location,
    publisherEmail: gw.publisherEmail,
    publisherName: gw.publisherName,
    existingServiceId: gw.existingServiceId,
    teams: gw.teams,
    upgrade: gw.upgrade && {
      deployment: gw.upgrade.deployment,
      account: gw.upgrade.account,
      candidateModel: gw.upgrade.candidateModel,
      candidateVersion: gw.upgrade.candidateVersion,
      weightPercent: gw.upgrade.weightPercent,
      candidateTags: evidenceTags,
    },
    semanticCache: gw.semanticCache,
    llmLogging: gw.llmLogging,
  };
}
