/**
 * Azure built-in role definitions used by the platform, by display name and GUID.
 * Source: "Azure built-in roles" (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
 */
export const builtInRoles = {
  "Cognitive Services OpenAI User": "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  "Cognitive Services OpenAI Contributor": "a001fd3d-188f-4b5d-821b-7da978bf7442",
  "Cognitive Services User": "a97b65f3-24c7-4388-baec-2e87135dc908",
  "Cognitive Services Contributor": "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68",
  "Azure AI Developer": "64702f94-c441-49e6-a78b-ef80e0188fee",
  "Azure AI User": "53ca6127-db72-4b80-b1b0-d745d6d5456d",
  "Azure AI Project Manager": "eadc314b-1a2d-4efa-be10-5d325db5065e",
  "Monitoring Reader": "43d0d8ad-25c7-4714-9337-8ba259a9fe05",
  "Log Analytics Reader": "73c42c96-874c-492b-b04d-ab87d138a893",
  "API Management Service Reader Role": "71522526-b88f-4d52-b57f-d31fc3546d0d",
} as const;

export type BuiltInRoleName = keyof typeof builtInRoles;

/**
 * Roles the platform's components never assign: they grant control of access or of everything.
 * The RBAC policy rule blocks them too.
 */
export const privilegedRoles = {
  Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
} as const;

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
