/**
 * The Azure Verified Modules interface (Azure/bicep-registry-modules `avm/utl/types/avm-common-types`):
 * the props platform teams expect on every resource component, with the same names and shapes.
 */
import * as pulumi from "@pulumi/pulumi";

/**
 * What kind of Entra ID principal a role is assigned to.
 * @enum
 */
export const PrincipalType = {
  ServicePrincipal: "ServicePrincipal",
  Group: "Group",
  User: "User",
  ForeignGroup: "ForeignGroup",
  Device: "Device",
} as const;
export type PrincipalType = (typeof PrincipalType)[keyof typeof PrincipalType];

/** A role assignment on the component's main resource. */
export interface RoleAssignmentSpec {
  /** A built-in role display name, a role GUID or a full role definition id. Owner, Contributor and User Access Administrator are refused. */
  readonly roleDefinitionIdOrName: string;
  /** Object id of the user, group or service principal. */
  readonly principalId: pulumi.Input<string>;
  /**
   * Type of the principal; set it to avoid replication-delay failures for new principals.
   * @default - Azure infers it
   */
  readonly principalType?: PrincipalType;
  /**
   * Why the assignment exists.
   * @default - none
   */
  readonly description?: string;
  /**
   * ABAC condition.
   * @default - none
   */
  readonly condition?: string;
}

/** A diagnostic setting that sends the resource's logs and metrics to Log Analytics. */
export interface DiagnosticSettingSpec {
  /**
   * Name of the setting.
   * @default "diag-<resource name>"
   */
  readonly name?: string;
  /** Resource id of the Log Analytics workspace. */
  readonly workspaceResourceId: pulumi.Input<string>;
  /**
   * Log categories or category groups.
   * @default [{ categoryGroup: "allLogs" }]
   */
  readonly logCategoriesAndGroups?: LogCategorySpec[];
  /**
   * Metric categories.
   * @default [{ category: "AllMetrics" }]
   */
  readonly metricCategories?: MetricCategorySpec[];
}

/** A log category or a category group of a diagnostic setting; give one of the two. */
export interface LogCategorySpec {
  /**
   * A log category, for example `Audit`.
   * @default - none; give `categoryGroup` instead
   */
  readonly category?: string;
  /**
   * A category group: `allLogs` or `audit`.
   * @default - none; give `category` instead
   */
  readonly categoryGroup?: string;
}

/** A metric category of a diagnostic setting. */
export interface MetricCategorySpec {
  /** The metric category, for example `AllMetrics`. */
  readonly category: string;
}

/**
 * The kind of a management lock.
 * @enum
 */
export const LockKind = { CanNotDelete: "CanNotDelete", ReadOnly: "ReadOnly", None: "None" } as const;
export type LockKind = (typeof LockKind)[keyof typeof LockKind];

/** A management lock on the resource. */
export interface LockSpec {
  /**
   * `CanNotDelete` blocks deletes, `ReadOnly` blocks every change, `None` takes the lock away.
   * @default "None" - no lock
   */
  readonly kind?: LockKind;
  /**
   * Name of the lock.
   * @default "lock-<resource name>"
   */
  readonly name?: string;
  /**
   * Why the lock is there, shown to whoever meets it.
   * @default - a note naming the platform
   */
  readonly notes?: string;
}

/** Managed identities of the resource. */
export interface ManagedIdentitiesSpec {
  /**
   * Give the resource a system-assigned identity.
   * @default true
   */
  readonly systemAssigned?: boolean;
  /**
   * ARM ids of user-assigned identities to attach.
   * @default - none
   */
  readonly userAssignedResourceIds?: pulumi.Input<string>[];
}

/** A private endpoint for the resource. */
export interface PrivateEndpointSpec {
  /** Subnet the endpoint's network interface is placed in. */
  readonly subnetResourceId: pulumi.Input<string>;
  /**
   * Private DNS zones to register the endpoint in (a DNS zone group).
   * @default - no DNS zone group
   */
  readonly privateDnsZoneResourceIds?: pulumi.Input<string>[];
  /**
   * Azure name of the endpoint.
   * @default "pep-<resource name>"
   */
  readonly name?: string;
  /**
   * Region of the endpoint.
   * @default the resource's location
   */
  readonly location?: pulumi.Input<string>;
}

/** A customer-managed key in Key Vault for encryption at rest. */
export interface CustomerManagedKeySpec {
  /** ARM id of the Key Vault that holds the key. */
  readonly keyVaultResourceId: pulumi.Input<string>;
  /** Name of the key in the vault. */
  readonly keyName: pulumi.Input<string>;
  /**
   * Version of the key.
   * @default - the latest version, rotated automatically
   */
  readonly keyVersion?: pulumi.Input<string>;
  /**
   * User-assigned identity that reads the key.
   * @default - the system-assigned identity
   */
  readonly userAssignedIdentityResourceId?: pulumi.Input<string>;
}
