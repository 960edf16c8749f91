/**
 * Deployment types (the `sku.name` of a `Microsoft.CognitiveServices/accounts/deployments`).
 * Source: Microsoft Learn, "Deployment types for Microsoft Foundry Models"
 * (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/deployment-types).
 */

/**
 * A deployment type (the SKU name of a model deployment); an enum in the component package's schema.
 * @enum
 */
export const DeploymentType = {
  Standard: "Standard",
  GlobalStandard: "GlobalStandard",
  DataZoneStandard: "DataZoneStandard",
  GlobalBatch: "GlobalBatch",
  DataZoneBatch: "DataZoneBatch",
  ProvisionedManaged: "ProvisionedManaged",
  GlobalProvisionedManaged: "GlobalProvisionedManaged",
  DataZoneProvisionedManaged: "DataZoneProvisionedManaged",
} as const;
export type DeploymentType = (typeof DeploymentType)[keyof typeof DeploymentType];
/** Every `DeploymentType` value. */
export const deploymentTypes: readonly DeploymentType[] = Object.values(DeploymentType);

/** Where a deployment may process data: anywhere, within a data zone (US/EU), or in its region. */
export type DataScope = "global" | "dataZone" | "regional";

/** How a deployment is billed and served. */
export type DeploymentFamily = "standard" | "batch" | "provisioned";

interface DeploymentTypeInfo {
  readonly scope: DataScope;
  readonly family: DeploymentFamily;
}

const info: Record<DeploymentType, DeploymentTypeInfo> = {
  Standard: { scope: "regional", family: "standard" },
  GlobalStandard: { scope: "global", family: "standard" },
  DataZoneStandard: { scope: "dataZone", family: "standard" },
  GlobalBatch: { scope: "global", family: "batch" },
  DataZoneBatch: { scope: "dataZone", family: "batch" },
  ProvisionedManaged: { scope: "regional", family: "provisioned" },
  GlobalProvisionedManaged: { scope: "global", family: "provisioned" },
  DataZoneProvisionedManaged: { scope: "dataZone", family: "provisioned" },
};

export function isDeploymentType(value: string): value is DeploymentType {
  return Object.prototype.hasOwnProperty.call(info, value);
}

/** The data-processing scope of a deployment type. */
export function dataScopeOf(type: DeploymentType): DataScope {
  return info[type].scope;
}

/** The billing family of a deployment type. */
export function familyOf(type: DeploymentType): DeploymentFamily {
  return info[type].family;
}

/** True for provisioned-throughput (PTU) types; their `sku.capacity` counts PTUs. */
export function isProvisioned(type: DeploymentType): boolean {
  return info[type].family === "provisioned";
}

/**
 * When Azure moves a deployment to a new model version (`versionUpgradeOption`). With
 * `NoAutoUpgrade` the deployment stops working when its version retires.
 * @enum
 */
export const VersionUpgradeOption = {
  OnceNewDefaultVersionAvailable: "OnceNewDefaultVersionAvailable",
  OnceCurrentVersionExpired: "OnceCurrentVersionExpired",
  NoAutoUpgrade: "NoAutoUpgrade",
} as const;
export type VersionUpgradeOption = (typeof VersionUpgradeOption)[keyof typeof VersionUpgradeOption];
/** Every `VersionUpgradeOption` value. */
export const versionUpgradeOptions: readonly VersionUpgradeOption[] = Object.values(VersionUpgradeOption);
