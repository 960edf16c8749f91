/**
 * Least-privilege access to the platform with Entra ID groups: per environment, a group of platform
 * admins, one of AI developers and one of readers (created here, or existing groups given by object
 * id), each granted a fixed set of data-plane or reader roles. No configuration can produce Owner,
 * Contributor or User Access Administrator: the roles come from a fixed table, and `assignRole`
 * refuses privileged roles anyway.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as azuread from "@pulumi/azuread";
import { ComponentArgsError } from "../common/args-error";
import { NameParts } from "../common/naming";
import { assignRole } from "../common/role-assignment";
import { BuiltInRoleName } from "../common/roles";

/** The access groups of an environment. */
export const accessGroups = ["admins", "developers", "readers"] as const;
export type AccessGroup = (typeof accessGroups)[number];

/** Where a role is granted. */
export type AccessScopeKind = "aiAccount" | "project" | "resourceGroup" | "workspace";

/** The roles each group gets, and on what. This table is the whole of what the component grants. */
export const groupRoles: Readonly<
  Record<AccessGroup, readonly { readonly role: BuiltInRoleName; readonly on: AccessScopeKind }[]>
> = {
  // Manage the accounts (deployments, network rules, keys policy) — never Owner or Contributor.
  admins: [{ role: "Cognitive Services Contributor", on: "aiAccount" }],
  // Call the models with Entra ID, and build in Foundry projects.
  developers: [
    { role: "Cognitive Services OpenAI User", on: "aiAccount" },
    { role: "Azure AI User", on: "project" },
  ],
  // Read metrics, alerts and logs.
  readers: [
    { role: "Monitoring Reader", on: "resourceGroup" },
    { role: "Log Analytics Reader", on: "workspace" },
  ],
};

/**
 * Roles that call the models or read and write AI data. With `humanDataAccess: "gatewayOnly"` no
 * group gets them: people reach the models through the AI gateway, whose identity holds the role.
 */
export const humanDataPlaneGrants: readonly BuiltInRoleName[] = [
  "Cognitive Services OpenAI User",
  "Azure AI User",
];

/** Short, stable slugs of the roles, used in logical names. */
const roleSlugs: Partial<Record<BuiltInRoleName, string>> = {
  "Cognitive Services Contributor": "cs-contributor",
  "Cognitive Services OpenAI User": "openai-user",
  "Azure AI User": "ai-user",
  "Monitoring Reader": "monitoring-reader",
  "Log Analytics Reader": "log-reader",
};

/** One access group: created here, or an existing group. */
export interface AccessGroupSpec {
  /**
   * Object id of an existing Entra ID group to grant the roles to, instead of creating one.
   * Mutually exclusive with `members`.
   * @default - a security group `grp-<workload>-<env>-ai-<group>` is created
   */
  readonly objectId?: string;
  /**
   * Object ids of users, groups or service principals to put in the created group.
   * @default - none (manage membership in Entra ID)
   */
  readonly members?: readonly string[];
}

/** A scope the groups get roles on. */
export interface AccessTarget {
  /** Short logical name, unique within its kind; part of the assignment's logical name. */
  readonly name: string;
  readonly resourceId: pulumi.Input<string>;
}

export interface AccessControlArgs {
  /** Naming parts; the groups are named `grp-<workload>-<env>-ai-<group>`. */
  readonly naming: Pick<NameParts, "workload" | "environment">;
  /**
   * The groups, each created or existing.
   * @default - all three groups are created
   */
  readonly groups?: Partial<Record<AccessGroup, AccessGroupSpec>>;
  /** AI accounts: admins get Cognitive Services Contributor, developers Cognitive Services OpenAI User. */
  readonly aiAccounts: readonly AccessTarget[];
  /**
   * Foundry projects: developers get Azure AI User.
   * @default - none
   */
  readonly projects?: readonly AccessTarget[];
  /** ARM id of the platform's resource group: readers get Monitoring Reader. */
  readonly resourceGroupId: pulumi.Input<string>;
  /** ARM id of the Log Analytics workspace: readers get Log Analytics Reader. */
  readonly workspaceResourceId: pulumi.Input<string>;
  /**
   * `direct`: developers call the models with their own Entra ID (data-plane roles on the accounts
   * and projects). `gatewayOnly`: no group gets a data-plane role; people go through the gateway.
   * @default "gatewayOnly" - secure by default; `AiPlatform` passes "direct" in dev
   */
  readonly humanDataAccess?: "direct" | "gatewayOnly";
  /**
   * Workload identities (managed identities, service principals) that call the models directly:
   * Cognitive Services OpenAI User on every account, as `ServicePrincipal`.
   * @default - none
   */
  readonly automationIdentities?: readonly {
    readonly name: string;
    readonly principalId: pulumi.Input<string>;
  }[];
}

/** One role assignment the component will make, as data. */
export interface PlannedAssignment {
  /** Logical-name suffix, stable for the same group, scope and role. */
  readonly key: string;
  readonly group: AccessGroup;
  readonly role: BuiltInRoleName;
  readonly scope: { readonly kind: AccessScopeKind; readonly name: string };
}

/** Every role assignment for these accounts and projects, in a stable order. */
export function accessPlan(
  targets: {
    readonly aiAccounts: readonly string[];
    readonly projects: readonly string[];
  },
  humanDataAccess: "direct" | "gatewayOnly" = "gatewayOnly",
): PlannedAssignment[] {
  const scopesOf = (kind: AccessScopeKind): string[] => {
    switch (kind) {
      case "aiAccount":
        return [...targets.aiAccounts];
      case "project":
        return [...targets.projects];
      case "resourceGroup":
        return ["rg"];
      case "workspace":
        return ["log"];
    }
  };
  const plan: PlannedAssignment[] = [];
  for (const group of accessGroups) {
    for (const { role, on } of groupRoles[group]) {
      if (humanDataAccess === "gatewayOnly" && humanDataPlaneGrants.includes(role)) {
        continue;
      }
      for (const scopeName of scopesOf(on)) {
        const label = on === "project" ? `project-${scopeName}` : scopeName;
        plan.push({
          key: `${group}-${label}-${roleSlugs[role] ?? role}`,
          group,
          role,
          scope: { kind: on, name: scopeName },
        });
      }
    }
  }
  return plan;
}

/** The display name of a created group. */
export function accessGroupDisplayName(
  naming: Pick<NameParts, "workload" | "environment">,
  group: AccessGroup,
): string {
  return `grp-${naming.workload}-${naming.environment}-ai-${group}`;
}

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every problem with the arguments, as sentences; empty when they are valid. */
export function accessControlProblems(
  args: Pick<AccessControlArgs, "groups" | "automationIdentities" | "aiAccounts" | "projects">,
): string[] {
  const problems: string[] = [];
  for (const group of accessGroups) {
    const spec = args.groups?.[group];
    if (spec?.objectId !== undefined && !guidPattern.test(spec.objectId)) {
      problems.push(`groups.${group}.objectId '${spec.objectId}' is not an object id (a GUID)`);
    }
    if (spec?.objectId !== undefined && spec.members !== undefined) {
      problems.push(
        `groups.${group} has both objectId and members; members apply only to a group created here — manage the existing group's members in Entra ID`,
      );
    }
    for (const member of spec?.members ?? []) {
      if (!guidPattern.test(member)) {
        problems.push(`groups.${group}.members: '${member}' is not an object id (a GUID)`);
      }
    }
  }
  const automation = new Set<string>();
  for (const a of args.automationIdentities ?? []) {
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(a.name)) {
      problems.push(
        `automation identity name '${a.name}' must be 1 to 40 lower-case letters, digits or '-', starting with a letter or digit`,
      );
    }
    if (automation.has(a.name)) {
      problems.push(`automation identity '${a.name}' is listed twice; give each its own name`);
    }
    automation.add(a.name);
  }
  for (const [what, targets] of [
    ["AI account", args.aiAccounts],
    ["project", args.projects ?? []],
  ] as const) {
    const seen = new Set<string>();
    for (const t of targets) {
      if (seen.has(t.name)) {
        problems.push(`${what} '${t.name}' is listed twice; give each its own name`);
      }
      seen.add(t.name);
    }
  }
  return problems;
}

/**
 * Entra ID groups for platform admins, AI developers and readers, and their role assignments:
 * developers → Cognitive Services OpenAI User on the accounts and Azure AI User on the projects;
 * admins → Cognitive Services Contributor on the accounts; readers → Monitoring Reader on the
 * resource group and Log Analytics Reader on the workspace. Assignment names are GUIDs derived from
 * scope, principal and role, so plans are stable.
 */
export class AccessControl extends pulumi.ComponentResource {
  /** Object id of each group (created or given). */
  public readonly groupObjectIds: Readonly<Record<AccessGroup, pulumi.Output<string>>>;
  /** The groups created here (absent for groups given by object id). */
  public readonly groups: Readonly<Partial<Record<AccessGroup, azuread.Group>>>;
  /** Role assignments by their key (see {@link accessPlan}). */
  public readonly roleAssignments: Readonly<Record<string, authorization.RoleAssignment>>;

  constructor(name: string, args: AccessControlArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:access:AccessControl", name, {}, opts);

    const problems = accessControlProblems(args);
    if (problems.length > 0) {
      throw new ComponentArgsError("AccessControl", name, problems, this);
    }

    const client = azuread.getClientConfigOutput({ parent: this });
    const groups: Partial<Record<AccessGroup, azuread.Group>> = {};
    const objectIds = {} as Record<AccessGroup, pulumi.Output<string>>;
    for (const group of accessGroups) {
      const spec = args.groups?.[group];
      if (spec?.objectId !== undefined) {
        objectIds[group] = pulumi.output(spec.objectId);
        continue;
      }
      const created = new azuread.Group(
        `${name}-${group}`,
        {
          displayName: accessGroupDisplayName(args.naming, group),
          description: `${group} of the AI platform ${args.naming.workload} ${args.naming.environment}: ${groupRoles[group].map((r) => r.role).join(", ")}. Managed by foundry-platform.`,
          securityEnabled: true,
          mailEnabled: false,
          preventDuplicateNames: true,
          // The deploying identity owns the group, so later runs can still manage it, and the
          // least Graph permission suffices: an app with Group.Create may make itself owner, and an
          // owner manages its group (https://learn.microsoft.com/graph/api/group-post-groups;
          // azuread Group docs, "API Permissions"). Listed users or service principals as members
          // also need User.Read.All / Application.Read.All (docs/deploy.md).
          owners: [client.objectId],
          members: spec?.members ? [...spec.members] : undefined,
        },
        { parent: this },
      );
      groups[group] = created;
      objectIds[group] = created.objectId;
    }
    this.groups = groups;
    this.groupObjectIds = objectIds;

    const scopeIds: Record<AccessScopeKind, Map<string, pulumi.Input<string>>> = {
      aiAccount: new Map(args.aiAccounts.map((a) => [a.name, a.resourceId])),
      project: new Map((args.projects ?? []).map((p) => [p.name, p.resourceId])),
      resourceGroup: new Map([["rg", args.resourceGroupId]]),
      workspace: new Map([["log", args.workspaceResourceId]]),
    };
    const plan = accessPlan(
      {
        aiAccounts: args.aiAccounts.map((a) => a.name),
        projects: (args.projects ?? []).map((p) => p.name),
      },
      args.humanDataAccess,
    );
    const assignments: Record<string, authorization.RoleAssignment> = {};
    for (const p of plan) {
      assignments[p.key] = assignRole(
        `${name}-${p.key}`,
        {
          scope: scopeIds[p.scope.kind].get(p.scope.name) as pulumi.Input<string>,
          principalId: objectIds[p.group],
          principalType: "Group",
          roleDefinitionIdOrName: p.role,
          description: `foundry-platform: ${p.group} of ${args.naming.workload} ${args.naming.environment}`,
        },
        { parent: this },
      );
    }
    // Named workload identities keep direct access: pipelines that call the models themselves.
    for (const identity of args.automationIdentities ?? []) {
      for (const account of args.aiAccounts) {
        const key = `automation-${identity.name}-${account.name}-openai-user`;
        assignments[key] = assignRole(
          `${name}-${key}`,
          {
            scope: account.resourceId,
            principalId: identity.principalId,
            principalType: "ServicePrincipal",
            roleDefinitionIdOrName: "Cognitive Services OpenAI User",
            description: `foundry-platform: automation identity ${identity.name} of ${args.naming.workload} ${args.naming.environment}`,
          },
          { parent: this },
        );
      }
    }
    this.roleAssignments = assignments;

    this.registerOutputs({ groupObjectIds: objectIds });
  }
}
