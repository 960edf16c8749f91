/**
 * Defaults that depend on the environment: cheap and convenient in dev, strict in prod.
 * Every value here can be overridden in the stack's config.
 */
import { VersionUpgradeOption } from "../components/catalog/deployment-types";
import { Environment } from "../components/common/environment";
import { GatewaySku } from "../components/gateway/sku";

export interface EnvironmentDefaults {
  /** How deployments follow new model versions when the config does not say. */
  readonly versionUpgradeOption: VersionUpgradeOption;
  /** Whether a `gateway` section deploys the gateway when it does not say `enabled`. */
  readonly gatewayEnabled: boolean;
  /** API Management tier of the gateway when the config does not say. */
  readonly gatewaySku: GatewaySku;
  /**
   * Whether the accounts are reached over a private network (gateway joined to a VNet, a private
   * endpoint per account) when the config does not say. Dev keeps public access with Entra ID only.
   */
  readonly privateNetwork: boolean;
  /** Whether people (Entra groups) may call the models directly, or only through the gateway. */
  readonly humanDataAccess: "direct" | "gatewayOnly";
}

const defaults: Record<Environment, EnvironmentDefaults> = {
  // dev follows new default versions so teams try them early.
  // The gateway is off in dev unless asked for, and then on the cheapest v2 tier.
  dev: {
    versionUpgradeOption: "OnceNewDefaultVersionAvailable",
    gatewayEnabled: false,
    gatewaySku: "BasicV2",
    privateNetwork: false,
    humanDataAccess: "direct",
  },
  // staging and prod change versions only through an explicit, evaluated change.
  staging: {
    versionUpgradeOption: "OnceCurrentVersionExpired",
    gatewayEnabled: true,
    gatewaySku: "StandardV2",
    privateNetwork: true,
    humanDataAccess: "gatewayOnly",
  },
  // prod: people reach models only through the gateway, over the private network path.
  prod: {
    versionUpgradeOption: "OnceCurrentVersionExpired",
    gatewayEnabled: true,
    gatewaySku: "StandardV2",
    privateNetwork: true,
    humanDataAccess: "gatewayOnly",
  },
};

export function environmentDefaults(environment: Environment): EnvironmentDefaults {
  return defaults[environment];
}

/** Defaults of the operations parts (monitoring and budget) per environment. */
export interface OperationsDefaults {
  /** Days the Log Analytics workspace keeps data. */
  readonly logRetentionDays: number;
  /** Monthly budget of the stack's resource group, in the billing currency. */
  readonly monthlyBudget: number;
}

const operationsDefaults: Record<Environment, OperationsDefaults> = {
  // dev keeps logs for the free 30 days and has a small budget.
  dev: { logRetentionDays: 30, monthlyBudget: 200 },
  staging: { logRetentionDays: 60, monthlyBudget: 2000 },
  // prod keeps 90 days of logs for investigations and audits.
  prod: { logRetentionDays: 90, monthlyBudget: 10000 },
};

export function operationsDefaultsFor(environment: Environment): OperationsDefaults {
  return operationsDefaults[environment];
}
