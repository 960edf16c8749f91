import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import {
  CustomerManagedKeySpec,
  DiagnosticSettingSpec,
  LockSpec,
  ManagedIdentitiesSpec,
  PrincipalType,
  PrivateEndpointSpec,
  RoleAssignmentSpec,
} from "../common/avm";
import { CustomModelSpec, customModelProblems } from "../catalog/custom";
import { ComponentArgsError } from "../common/args-error";
import { declareDiagnosticSettings } from "../common/diagnostics";
import { declareLock } from "../common/lock";
import { nameProblems, nameRules } from "../common/naming";
import { declarePrivateEndpoints } from "../common/private-endpoint";
import { assignRole, assignRoles, roleProblem } from "../common/role-assignment";
import { RequiredTags } from "../common/tags";
import {
  declareDeployments,
  defaultRaiPolicyName,
  DeployedModel,
  deployedModelOf,
  DeploymentResource,
  deploymentProblems,
  formatDeploymentProblem,
  ModelDeploymentSpec,
  validateDeploymentSpecs,
} from "./deployments";

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

/** A Foundry project (`Microsoft.CognitiveServices/accounts/projects`) of the account. */
export interface FoundryProjectSpec {
  /** Azure name of the project (2–64 letters, digits, '-', '_'). */
  readonly name: string;
  /**
   * Name shown in the Foundry portal.
   * @default the project name
   */
  readonly displayName?: string;
  /**
   * @default - none
   */
  readonly description?: string;
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
   * Model deployments, created one after another in this order and validated against the model
   * catalog before anything is registered.
   * @default - none
   */
  readonly deployments?: readonly ModelDeploymentSpec[];
  /**
   * Foundry projects. Giving any turns on `allowProjectManagement` on the account.
   * @default - none (project management left off)
   */
  readonly projects?: readonly FoundryProjectSpec[];
  /**
   * Name of the strict default content filter (RAI policy) the account gets and its deployments
   * use unless they name another: Hate, Sexual, Selfharm and Violence blocked from Medium severity
   * on prompts and completions, jailbreak (prompt shield) and protected material (text, code) blocked.
   * @default "platform-strict"
   */
  readonly defaultRaiPolicyName?: string;
  /**
   * Role assignments on the account (AVM `roleAssignments`). Owner, Contributor and User Access
   * Administrator are refused.
   * @default - none
   */
  readonly roleAssignments?: readonly RoleAssignmentSpec[];
  /**
   * Where the account's logs and metrics go (AVM `diagnosticSettings`). Required, because an AI
   * account without an audit trail fails the platform's diagnostic-logs policy: give at least one
   * Log Analytics workspace. Pass `[]` only when another component declares the account's
   * diagnostic settings (`AiPlatform` does, through its `Observability`).
   */
  readonly diagnosticSettings: readonly DiagnosticSettingSpec[];
  /**
   * Management lock on the account (AVM `lock`). It covers the deployments too: `CanNotDelete`
   * blocks deleting them in Azure, `ReadOnly` blocks every change.
   * @default - no lock
   */
  readonly lock?: LockSpec;
  /**
   * Managed identities (AVM `managedIdentities`). The customer-managed key's identity is added to
   * the user-assigned ones.
   * @default { systemAssigned: true }
   */
  readonly managedIdentities?: ManagedIdentitiesSpec;
  /**
   * Private endpoints (AVM `privateEndpoints`) on the account's `account` sub-resource. Give the
   * private DNS zones `privatelink.cognitiveservices.azure.com`, `privatelink.openai.azure.com` and
   * `privatelink.services.ai.azure.com` to register them.
   * @default - none
   */
  readonly privateEndpoints?: readonly PrivateEndpointSpec[];
  /**
   * Encrypt data at rest with a key in Key Vault (AVM `customerManagedKey`). Needs
   * `userAssignedIdentityResourceId`: an identity that already holds `Key Vault Crypto Service
   * Encryption User` on the vault (the system-assigned identity does not exist before the account).
   * The identity is read with `managedidentity.getUserAssignedIdentity`, so it must live in the
   * provider's subscription. Public-cloud vault URIs (`https://<vault>.vault.azure.net/`).
   * @default - Microsoft-managed keys
   */
  readonly customerManagedKey?: CustomerManagedKeySpec;
  /** Tags for the account and its children: `environment`, `owner` and `costCenter` at least. */
  readonly tags: RequiredTags;
  /**
   * The day the catalog judges model versions on: versions retiring soon or retired are logged as
   * warnings naming the successor (the policy pack's lifecycle rules block retired ones). Pass it to
   * keep a test independent of the clock.
   * @default - the current date
   */
  readonly catalogDate?: Date;
  /**
   * Models the catalog does not hold (fine-tuned, partner, or newer than the catalog), with the
   * facts the checks need: format, deployment types, PTU sizes for provisioned types.
   * @default - none: every deployment must use a catalog model
   */
  readonly customModels?: readonly CustomModelSpec[];
}

/** The built-in role `grantInference` assigns: call deployments, nothing else. */
export const inferenceRole = "Cognitive Services OpenAI User";

/** One content filter of an RAI policy. */
export interface ContentFilterSpec {
  readonly name: string;
  readonly source: "Prompt" | "Completion";
  readonly enabled: boolean;
  readonly blocking: boolean;
  readonly severityThreshold?: "Low" | "Medium" | "High";
}

/**
 * The strict default filters: harm categories blocked from Medium severity on both sides, prompt
 * shield for jailbreaks on prompts, protected material (text and code) on completions.
 */
export const strictContentFilters: readonly ContentFilterSpec[] = [
  ...(["Hate", "Sexual", "Selfharm", "Violence"] as const).flatMap((name) =>
    (["Prompt", "Completion"] as const).map((source): ContentFilterSpec => ({
      name,
      source,
      enabled: true,
      blocking: true,
      severityThreshold: "Medium",
    })),
  ),
  { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
  { name: "Protected Material Text", source: "Completion", enabled: true, blocking: true },
  { name: "Protected Material Code", source: "Completion", enabled: true, blocking: true },
];

/** Everything wrong with (errors) or worth knowing about (warnings) an account's arguments. */
export function foundryAccountProblems(
  args: FoundryAccountArgs,
  on: Date,
): { readonly errors: string[]; readonly warnings: string[] } {
  const errors = [
    ...nameProblems(nameRules.aiAccount, args.accountName),
    ...nameProblems(nameRules.customSubDomain, args.accountName),
  ];
  const warnings: string[] = [];
  const specs = args.deployments ?? [];
  errors.push(...validateDeploymentSpecs(specs));
  for (const p of customModelProblems(args.customModels ?? [])) {
    errors.push(
      `customModels${p.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("")}: ${p.message}`,
    );
  }
  for (const p of deploymentProblems(specs, on, args.customModels)) {
    (p.severity === "error" ? errors : warnings).push(formatDeploymentProblem(specs, p));
  }

  const projects = args.projects ?? [];
  const seen = new Set<string>();
  for (const project of projects) {
    for (const p of nameProblems(nameRules.aiProject, project.name)) {
      errors.push(`project '${project.name}': ${p}`);
    }
    if (seen.has(project.name)) {
      errors.push(`project '${project.name}' is declared twice; project names must be unique in an account`);
    }
    seen.add(project.name);
  }
  const identities = args.managedIdentities;
  const hasIdentity =
    (identities?.systemAssigned ?? true) ||
    (identities?.userAssignedResourceIds ?? []).length > 0 ||
    args.customerManagedKey !== undefined;
  if (projects.length > 0 && !hasIdentity) {
    errors.push(
      "projects need a managed identity on the account; keep managedIdentities.systemAssigned (the default) or add a user-assigned identity",
    );
  }
  if (args.customerManagedKey && args.customerManagedKey.userAssignedIdentityResourceId === undefined) {
    errors.push(
      "customerManagedKey needs userAssignedIdentityResourceId: the system-assigned identity does not exist before the account, so it cannot be granted the key first; create a user-assigned identity with 'Key Vault Crypto Service Encryption User' on the vault and name it here",
    );
  }
  (args.roleAssignments ?? []).forEach((r, i) => {
    const problem = roleProblem(r.roleDefinitionIdOrName);
    if (problem) {
      errors.push(`roleAssignments[${i}]: ${problem}`);
    }
  });
  return { errors, warnings };
}

/** The ARM identity block: system-assigned and/or user-assigned identities. */
function identityOf(args: FoundryAccountArgs): cognitiveservices.AccountArgs["identity"] {
  const system = args.managedIdentities?.systemAssigned ?? true;
  const userAssigned: pulumi.Input<string>[] = [...(args.managedIdentities?.userAssignedResourceIds ?? [])];
  const cmkIdentity = args.customerManagedKey?.userAssignedIdentityResourceId;
  if (cmkIdentity !== undefined && !userAssigned.includes(cmkIdentity)) {
    userAssigned.push(cmkIdentity);
  }
  if (userAssigned.length === 0) {
    return { type: system ? "SystemAssigned" : "None" };
  }
  return {
    type: system ? "SystemAssigned, UserAssigned" : "UserAssigned",
    userAssignedIdentities: userAssigned,
  };
}

/** `https://<vault>.vault.azure.net/` from a Key Vault resource id. */
function vaultUriOf(keyVaultResourceId: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi
    .output(keyVaultResourceId)
    .apply((id) => `https://${id.split("/").filter(Boolean).pop() ?? ""}.vault.azure.net/`);
}

/** The client id of a user-assigned identity, read from Azure by its resource id. */
function clientIdOf(
  identityResourceId: pulumi.Input<string>,
  parent: pulumi.Resource,
): pulumi.Output<string> {
  const parts = pulumi.output(identityResourceId).apply((id) => id.split("/"));
  const group = parts.apply((p) => p[p.findIndex((s) => s.toLowerCase() === "resourcegroups") + 1] ?? "");
  const identityName = parts.apply((p) => p[p.length - 1] ?? "");
  return managedidentity
    .getUserAssignedIdentityOutput({ resourceGroupName: group, resourceName: identityName }, { parent })
    .apply((identity) => identity.clientId);
}

/**
 * A Microsoft Foundry resource (`Microsoft.CognitiveServices/accounts`, kind `AIServices`), secure by
 * default: Entra ID only, system-assigned identity, custom subdomain, no public network access
 * unless network rules are given, a strict content filter; with its model deployments (validated
 * against the model catalog and created one after another), optional projects, private endpoints,
 * customer-managed key, role assignments, diagnostic settings and lock.
 */
export class FoundryAccount extends pulumi.ComponentResource {
  /** Azure name of the account. */
  public readonly name: pulumi.Output<string>;
  /** ARM resource id of the account. */
  public readonly resourceId: pulumi.Output<string>;
  /** Endpoint, `https://<subdomain>.cognitiveservices.azure.com/`. */
  public readonly endpoint: pulumi.Output<string>;
  /** Principal id of the account's system-assigned identity (empty without one). */
  public readonly principalId: pulumi.Output<string>;
  /** The account resource. */
  public readonly account: cognitiveservices.Account;
  /** The strict default content filter. */
  public readonly raiPolicy: cognitiveservices.RaiPolicy;
  /** Deployments by deployment name. */
  public readonly deployments: Readonly<Record<string, DeploymentResource>>;
  /** What the account deploys, as plain data (names, models, versions, types, capacities, spillover). */
  public readonly deploymentSpecs: readonly DeployedModel[];
  /** Foundry projects by project name. */
  public readonly projects: Readonly<Record<string, cognitiveservices.Project>>;

  private readonly componentName: string;

  constructor(name: string, args: FoundryAccountArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:foundry:FoundryAccount", name, {}, opts);
    this.componentName = name;

    const problems = foundryAccountProblems(args, args.catalogDate ?? new Date());
    if (problems.errors.length > 0) {
      throw new ComponentArgsError("FoundryAccount", name, problems.errors, this);
    }
    for (const warning of problems.warnings) {
      void pulumi.log.warn(`FoundryAccount '${name}': ${warning}`, this);
    }

    const acls = args.networkAcls;
    const cmk = args.customerManagedKey;
    const projects = args.projects ?? [];
    const tags = args.tags ?? {};
    this.account = new cognitiveservices.Account(
      name,
      {
        resourceGroupName: args.resourceGroupName,
        accountName: args.accountName,
        location: args.location,
        kind: "AIServices",
        sku: { name: args.sku ?? "S0" },
        identity: identityOf(args),
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
          ...(projects.length > 0 ? { allowProjectManagement: true } : {}),
          ...(cmk
            ? {
                encryption: {
                  keySource: "Microsoft.KeyVault",
                  keyVaultProperties: {
                    keyName: cmk.keyName,
                    keyVersion: cmk.keyVersion,
                    keyVaultUri: vaultUriOf(cmk.keyVaultResourceId),
                    identityClientId: clientIdOf(
                      cmk.userAssignedIdentityResourceId as pulumi.Input<string>,
                      this,
                    ),
                  },
                },
              }
            : {}),
        },
        tags,
      },
      { parent: this },
    );

    // Account children are written one at a time: content filter, deployments, then projects.
    const raiPolicyName = args.defaultRaiPolicyName ?? defaultRaiPolicyName;
    this.raiPolicy = new cognitiveservices.RaiPolicy(
      `${name}-rai`,
      {
        resourceGroupName: args.resourceGroupName,
        accountName: this.account.name,
        raiPolicyName,
        properties: {
          basePolicyName: "Microsoft.DefaultV2",
          // Synchronous filtering: content is checked before it is returned (never Asynchronous_filter).
          mode: "Default",
          contentFilters: strictContentFilters.map((f) => ({ ...f })),
        },
        tags,
      },
      { parent: this.account },
    );

    const specs = args.deployments ?? [];
    this.deployments = declareDeployments(
      name,
      {
        account: this.account,
        accountName: this.account.name,
        resourceGroupName: args.resourceGroupName,
        tags,
        defaultRaiPolicyName: raiPolicyName,
        after: [this.raiPolicy],
        customModels: args.customModels,
      },
      specs,
    );
    this.deploymentSpecs = specs.map((s) => deployedModelOf(s, raiPolicyName, args.customModels));

    const created: pulumi.Resource[] = [this.raiPolicy, ...Object.values(this.deployments)];
    const projectResources: Record<string, cognitiveservices.Project> = {};
    let previous: pulumi.Resource = created[created.length - 1];
    for (const project of projects) {
      const resource = new cognitiveservices.Project(
        `${name}-project-${project.name}`,
        {
          resourceGroupName: args.resourceGroupName,
          accountName: this.account.name,
          projectName: project.name,
          location: args.location,
          identity: { type: "SystemAssigned" },
          properties: {
            displayName: project.displayName ?? project.name,
            description: project.description,
          },
          tags,
        },
        { parent: this.account, dependsOn: [previous] },
      );
      projectResources[project.name] = resource;
      created.push(resource);
      previous = resource;
    }
    this.projects = projectResources;

    for (const pe of declarePrivateEndpoints(
      name,
      {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        resourceId: this.account.id,
        resourceName: args.accountName,
        groupIds: ["account"],
        tags,
      },
      args.privateEndpoints ?? [],
      { parent: this },
    )) {
      created.push(pe.endpoint, ...(pe.dnsZoneGroup ? [pe.dnsZoneGroup] : []));
    }
    created.push(...assignRoles(name, this.account.id, args.roleAssignments ?? [], { parent: this }));
    created.push(
      ...declareDiagnosticSettings(name, this.account.id, args.diagnosticSettings ?? [], { parent: this }),
    );
    // Last, so that a ReadOnly lock does not block the writes above.
    declareLock(name, this.account.id, args.lock, { parent: this, dependsOn: created });

    this.name = this.account.name;
    this.resourceId = this.account.id;
    this.endpoint = this.account.properties.apply((p) => p.endpoint ?? "");
    this.principalId = this.account.identity.apply((i) => i?.principalId ?? "");
    this.registerOutputs({
      name: this.name,
      resourceId: this.resourceId,
      endpoint: this.endpoint,
      principalId: this.principalId,
      deploymentSpecs: this.deploymentSpecs,
    });
  }

  /**
   * Lets a principal call the account's deployments: assigns `Cognitive Services OpenAI User` on
   * the account. The assignment is named `<component>-inference-<grantName or principalId>`; pass
   * `grantName` when the principal id is an output (a logical name cannot wait for it), and keep it
   * stable: renaming replaces the assignment.
   */
  public grantInference(
    principalId: pulumi.Input<string>,
    principalType: PrincipalType,
    grantName?: string,
  ): authorization.RoleAssignment {
    const key = grantName ?? (typeof principalId === "string" ? principalId : undefined);
    if (key === undefined) {
      throw new pulumi.ResourceError(
        `FoundryAccount '${this.componentName}': grantInference needs a grantName when the principal id is an output, for example grantInference(gateway.principalId, "ServicePrincipal", "gateway")`,
        this,
      );
    }
    return assignRole(
      `${this.componentName}-inference-${key}`,
      {
        scope: this.account.id,
        principalId,
        principalType,
        roleDefinitionIdOrName: inferenceRole,
        description: `Inference on ${this.componentName}'s deployments`,
      },
      { parent: this },
    );
  }
}
