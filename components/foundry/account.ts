import * as pulumi from "@pulumi/pulumi";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { nameProblems, nameRules } from "../common/naming";
import { Tags } from "../common/tags";
import { declareDeployments, ModelDeploymentSpec, validateDeploymentSpecs } from "./deployments";

/** Network rules of an account; giving them turns public network access on, filtered by the rules. */
export interface AccountNetworkAcls {
  /**
   * What happens to traffic no rule matches.
   * @default "Deny"
   */
  readonly defaultAction?: "Allow" | "Deny";
  /**
   * Public IPv4 addresses or CIDR ranges allowed through.
   * @default - none
   */
  readonly ipRules?: readonly string[];
  /**
   * Subnet resource ids allowed through.
   * @default - none
   */
  readonly virtualNetworkSubnetIds?: readonly string[];
  /**
   * Whether trusted Azure services bypass the rules.
   * @default "AzureServices"
   */
  readonly bypass?: "None" | "AzureServices";
}

export interface FoundryAccountArgs {
  /** Resource group of the account. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** Region of the account. */
  readonly location: pulumi.Input<string>;
  /**
   * Azure name of the account; it is also the custom subdomain (`https://<name>.cognitiveservices.azure.com`),
   * which must be globally unique and cannot change after creation.
   */
  readonly accountName: string;
  /**
   * SKU of the account.
   * @default "S0"
   */
  readonly sku?: string;
  /**
   * Allow API-key authentication. Keys bypass Entra ID, RBAC and audit by identity.
   * @default false - only Entra ID (managed identity, users, groups) can call the account
   */
  readonly allowLocalAuth?: boolean;
  /**
   * Network rules. Without them public network access is disabled (reach the account through a
   * private endpoint); with them it is enabled and filtered by the rules.
   * @default - public network access disabled
   */
  readonly networkAcls?: AccountNetworkAcls;
  /**
   * Model deployments, created one after another in this order.
   * @default - none
   */
  readonly deployments?: readonly ModelDeploymentSpec[];
  /**
   * Tags for the account and its children.
   * @default - none
   */
  readonly tags?: Tags;
}

/**
 * A Microsoft Foundry resource (`Microsoft.CognitiveServices/accounts`, kind `AIServices`), secure by
 * default: Entra ID only, system-assigned identity, custom subdomain, no public network access
 * unless network rules are given; with its model deployments.
 */
export class FoundryAccount extends pulumi.ComponentResource {
  /** Azure name of the account. */
  public readonly name: pulumi.Output<string>;
  /** ARM resource id of the account. */
  public readonly resourceId: pulumi.Output<string>;
  /** Endpoint, `https://<subdomain>.cognitiveservices.azure.com/`. */
  public readonly endpoint: pulumi.Output<string>;
  /** Principal id of the account's system-assigned identity. */
  public readonly principalId: pulumi.Output<string>;
  /** The account resource. */
  public readonly account: cognitiveservices.Account;
  /** Deployments by deployment name. */
  public readonly deployments: Readonly<Record<string, cognitiveservices.Deployment>>;

  constructor(name: string, args: FoundryAccountArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:foundry:FoundryAccount", name, {}, opts);

    const problems = [
      ...nameProblems(nameRules.aiAccount, args.accountName),
      ...nameProblems(nameRules.customSubDomain, args.accountName),
      ...validateDeploymentSpecs(args.deployments ?? []),
    ];
    if (problems.length > 0) {
      throw new pulumi.ResourceError(`FoundryAccount '${name}': ${problems.join("; ")}`, this);
    }

    const acls = args.networkAcls;
    this.account = new cognitiveservices.Account(
      name,
      {
        resourceGroupName: args.resourceGroupName,
        accountName: args.accountName,
        location: args.location,
        kind: "AIServices",
        sku: { name: args.sku ?? "S0" },
        identity: { type: "SystemAssigned" },
        properties: {
          customSubDomainName: args.accountName,
          disableLocalAuth: !(args.allowLocalAuth ?? false),
          publicNetworkAccess: acls ? "Enabled" : "Disabled",
          networkAcls: acls
            ? {
                defaultAction: acls.defaultAction ?? "Deny",
                bypass: acls.bypass ?? "AzureServices",
                ipRules: (acls.ipRules ?? []).map((value) => ({ value })),
                virtualNetworkRules: (acls.virtualNetworkSubnetIds ?? []).map((id) => ({ id })),
              }
            : { defaultAction: "Deny", bypass: "AzureServices" },
        },
        tags: args.tags,
      },
      { parent: this },
    );

    this.deployments = declareDeployments(
      name,
      {
        account: this.account,
        accountName: this.account.name,
        resourceGroupName: args.resourceGroupName,
        tags: args.tags ?? {},
      },
      args.deployments ?? [],
    );

    this.name = this.account.name;
    this.resourceId = this.account.id;
    this.endpoint = this.account.properties.apply((p) => p.endpoint ?? "");
    this.principalId = this.account.identity.apply((i) => i?.principalId ?? "");
    this.registerOutputs({
      name: this.name,
      resourceId: this.resourceId,
      endpoint: this.endpoint,
      principalId: this.principalId,
    });
  }
}
