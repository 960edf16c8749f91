/**
 * Role lookups for the components: a role given by display name, GUID or full id. The role facts
 * themselves live in the catalog (`components/catalog/roles.ts`), shared with the policy pack.
 */
import { builtInRoles, BuiltInRoleName, privilegedRoles } from "../catalog/roles";

export { builtInRoles, privilegedRoles };
export type { BuiltInRoleName };

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The GUID of a role given by display name, GUID or full role definition id. */
export function roleGuidOf(roleDefinitionIdOrName: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(builtInRoles, roleDefinitionIdOrName)) {
    return builtInRoles[roleDefinitionIdOrName as BuiltInRoleName];
  }
  if (Object.prototype.hasOwnProperty.call(privilegedRoles, roleDefinitionIdOrName)) {
    return privilegedRoles[roleDefinitionIdOrName as keyof typeof privilegedRoles];
  }
  const last = roleDefinitionIdOrName.split("/").pop() ?? "";
  return guidPattern.test(last) ? last.toLowerCase() : undefined;
}

/** True for Owner, Contributor and User Access Administrator, however they are named. */
export function isPrivilegedRole(roleDefinitionIdOrName: string): boolean {
  const guid = roleGuidOf(roleDefinitionIdOrName);
  return guid !== undefined && (Object.values(privilegedRoles) as string[]).includes(guid);
}
