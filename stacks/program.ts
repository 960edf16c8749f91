/**
 * The Pulumi program: composes the platform's components from one validated configuration.
 * It only composes; every resource is declared by a component.
 */
import * as pulumi from "@pulumi/pulumi";
import { AiPlatform } from "../components/platform";
import { LoadedConfig } from "./config/load";
import { environmentDefaults, operationsDefaultsFor } from "./defaults";

/** Stack outputs of the platform. */
export interface PlatformOutputs {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly accountEndpoints: pulumi.Output<Record<string, string>>;
}

export function platformProgram(loaded: LoadedConfig): PlatformOutputs {
  const { config, secretKeys } = loaded;
  /** A config value as a resource input: secret when its key was set with `--secret`. */
  const input = (key: keyof typeof config, value: string): pulumi.Input<string> =>
    secretKeys.has(key) ? pulumi.secret(value) : value;
  const defaults = environmentDefaults(config.environment);
  const operations = operationsDefaultsFor(config.environment);
  const observability = config.observability ?? {};

  const platform = new AiPlatform("platform", {
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
    access: config.access,
  });

  return {
    resourceGroupName: platform.resourceGroupName,
    accountEndpoints: pulumi
      .all(Object.entries(platform.accounts).map(([n, a]) => a.endpoint.apply((e) => [n, e] as const)))
      .apply((pairs) => Object.fromEntries(pairs)),
  };
}
