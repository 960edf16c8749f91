/**
 * The Azure Verified Modules interface (Azure/bicep-registry-modules `avm/utl/types/avm-common-types`):
 * the props platform teams expect on every resource component, with the same names and shapes.
 */
import * as pulumi from "@pulumi/pulumi";

export type PrincipalType = "ServicePrincipal" | "Group" | "User" | "ForeignGroup" | "Device";

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
  readonly logCategoriesAndGroups?: readonly {
    readonly category?: string;
    readonly categoryGroup?: string;
  }[];
  /**
   * Metric categories.
   * @default [{ category: "AllMetrics" }]
   */
  readonly metricCategories?: readonly { readonly category: string }[];
}

/** A management lock on the resource. */
export interface LockSpec {
  /**
   * @default "None" - no lock
   */
  readonly kind?: "CanNotDelete" | "ReadOnly" | "None";
  /**
   * @default "lock-<resource name>"
   */
  readonly name?: string;
  /**
   * @default - a note naming the platform
   */
  readonly notes?: string;
}

/** Managed identities of the resource. */
export interface ManagedIdentitiesSpec {
  /**
   * @default true
   */
  readonly systemAssigned?: boolean;
  /**
   * @default - none
   */
  readonly userAssignedResourceIds?: readonly pulumi.Input<string>[];
}

/** A private endpoint for the resource. */
export interface PrivateEndpointSpec {
  /** Subnet the endpoint's network interface is placed in. */
  readonly subnetResourceId: pulumi.Input<string>;
  /**
   * Private DNS zones to register the endpoint in (a DNS zone group).
   * @default - no DNS zone group
   */
  readonly privateDnsZoneResourceIds?: readonly pulumi.Input<string>[];
  /**
   * @default "pep-<resource name>"
   */
  readonly name?: string;
  /**
   * @default the resource's location
   */
  readonly location?: pulumi.Input<string>;
}

/** A customer-managed key in Key Vault for encryption at rest. */
export interface CustomerManagedKeySpec {
  readonly keyVaultResourceId: pulumi.Input<string>;
  readonly keyName: pulumi.Input<string>;
  /**
   * @default - the latest version, rotated automatically
   */
  readonly keyVersion?: pulumi.Input<string>;
  /**
   * User-assigned identity that reads the key.
   * @default - the system-assigned identity
   */
  readonly userAssignedIdentityResourceId?: pulumi.Input<string>;
}
