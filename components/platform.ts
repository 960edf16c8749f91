import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { Environment } from "./common/environment";
import { nameProblems, nameRules, resourceAbbreviations, resourceName, NameParts } from "./common/naming";
import { AzureRegion } from "./common/regions";
import { mergeTags, Tags } from "./common/tags";
import {
  CustomerManagedKeySpec,
  LockSpec,
  ManagedIdentitiesSpec,
  PrivateEndpointSpec,
  RoleAssignmentSpec,
} from "./common/avm";
import { AccountNetworkAcls, FoundryAccount, FoundryProjectSpec } from "./foundry/account";
import { ModelDeploymentSpec } from "./foundry/deployments";

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

  constructor(name: string, args: AiPlatformArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:index:AiPlatform", name, {}, opts);

    const parts: NameParts = {
      workload: args.workload,
      environment: args.environment,
      region: args.location,
    };
    const tags = mergeTags(args.tags, {
      environment: args.environment,
      owner: args.owner,
      costCenter: args.costCenter,
    });

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
          deployments: spec.deployments,
          projects: spec.projects,
          privateEndpoints: spec.privateEndpoints,
          customerManagedKey: spec.customerManagedKey,
          managedIdentities: spec.managedIdentities,
          lock: spec.lock,
          roleAssignments: spec.roleAssignments,
          // Diagnostic settings are created centrally by the platform's observability, not per account.
          catalogDate: args.catalogDate,
          tags,
        },
        { parent: this },
      );
    }
    this.accounts = accounts;

    this.registerOutputs({ resourceGroupName: this.resourceGroupName });
  }
}
