/**
 * Defaults that depend on the environment: cheap and convenient in dev, strict in prod.
 * Every value here can be overridden in the stack's config.
 */
import { VersionUpgradeOption } from "../components/catalog/deployment-types";
import { Environment } from "../components/common/environment";

export interface EnvironmentDefaults {
  /** How deployments follow new model versions when the config does not say. */
  readonly versionUpgradeOption: VersionUpgradeOption;
}

const defaults: Record<Environment, EnvironmentDefaults> = {
  // dev follows new default versions so teams try them early.
  dev: { versionUpgradeOption: "OnceNewDefaultVersionAvailable" },
  // staging and prod change versions only through an explicit, evaluated change.
  staging: { versionUpgradeOption: "OnceCurrentVersionExpired" },
  prod: { versionUpgradeOption: "OnceCurrentVersionExpired" },
};

export function environmentDefaults(environment: Environment): EnvironmentDefaults {
  return defaults[environment];
}
