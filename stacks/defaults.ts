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
}

const defaults: Record<Environment, EnvironmentDefaults> = {
  // dev follows new default versions so teams try them early.
  // The gateway is off in dev unless asked for, and then on the cheapest v2 tier.
  dev: {
    versionUpgradeOption: "OnceNewDefaultVersionAvailable",
    gatewayEnabled: false,
    gatewaySku: "BasicV2",
  },
  // staging and prod change versions only through an explicit, evaluated change.
  staging: {
    versionUpgradeOption: "OnceCurrentVersionExpired",
    gatewayEnabled: true,
    gatewaySku: "StandardV2",
  },
  prod: { versionUpgradeOption: "OnceCurrentVersionExpired", gatewayEnabled: true, gatewaySku: "StandardV2" },
};

export function environmentDefaults(environment: Environment): EnvironmentDefaults {
  return defaults[environment];
}
