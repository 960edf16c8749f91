/**
 * Role assignments with deterministic names: the assignment's GUID is derived from its scope,
 * principal and role (as the Azure Verified Modules do with ARM's `guid()`), so the same config
 * gives the same assignment names in every plan and a re-deploy never duplicates an assignment.
 */
import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { v5 as uuidv5 } from "uuid";
import { PrincipalType, RoleAssignmentSpec } from "./avm";
import { builtInRoles, isPrivilegedRole, roleGuidOf } from "./roles";

/** Namespace of the name-based (v5) GUIDs of this library's role assignments. */
const roleAssignmentNamespace = "6f0c1d5e-3f2a-5b1c-9d7e-8a4b2c6d0e1f";

/** The deterministic assignment name for a scope, principal and role GUID. */
export function roleAssignmentName(scope: string, principalId: string, roleGuid: string): string {
  return uuidv5(
    `${scope.toLowerCase()}|${principalId.toLowerCase()}|${roleGuid.toLowerCase()}`,
    roleAssignmentNamespace,
  );
}

/** Why a role cannot be assigned, or undefined when it can. */
export function roleProblem(roleDefinitionIdOrName: string): string | undefined {
  if (isPrivilegedRole(roleDefinitionIdOrName)) {
    return `role '${roleDefinitionIdOrName}' is privileged (Owner, Contributor and User Access Administrator are never assigned by this library); use a data-plane or reader role`;
  }
  if (roleGuidOf(roleDefinitionIdOrName) === undefined) {
    return `role '${roleDefinitionIdOrName}' is neither a known built-in role (${Object.keys(builtInRoles).join(", ")}) nor a role GUID or id`;
  }
  return undefined;
}

/**
 * Declares one role assignment on `scope`, refusing privileged roles. `name` is the Pulumi logical
 * name: keep it stable (renaming it replaces the assignment).
 */
export function assignRole(
  name: string,
  args: {
    readonly scope: pulumi.Input<string>;
    readonly principalId: pulumi.Input<string>;
    readonly principalType?: PrincipalType;
    readonly roleDefinitionIdOrName: string;
    readonly description?: string;
    readonly condition?: string;
  },
  opts: pulumi.CustomResourceOptions,
): authorization.RoleAssignment {
  const problem = roleProblem(args.roleDefinitionIdOrName);
  if (problem) {
    throw new pulumi.ResourceError(problem, opts.parent);
  }
  const roleGuid = roleGuidOf(args.roleDefinitionIdOrName) as string;
  const client = authorization.getClientConfigOutput({ parent: opts.parent });
  return new authorization.RoleAssignment(
    name,
    {
      scope: args.scope,
      principalId: args.principalId,
      principalType: args.principalType,
      roleDefinitionId: pulumi.interpolate`/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
      roleAssignmentName: pulumi
        .all([args.scope, args.principalId])
        .apply(([scope, principal]) => roleAssignmentName(scope, principal, roleGuid)),
      description: args.description,
      condition: args.condition,
      conditionVersion: args.condition ? "2.0" : undefined,
    },
    opts,
  );
}

/** Declares the AVM `roleAssignments` of a resource, named `<name>-ra-<index>`. */
export function assignRoles(
  name: string,
  scope: pulumi.Input<string>,
  specs: readonly RoleAssignmentSpec[],
  opts: pulumi.CustomResourceOptions,
): authorization.RoleAssignment[] {
  return specs.map((spec, i) => assignRole(`${name}-ra-${i}`, { scope, ...spec }, opts));
}
