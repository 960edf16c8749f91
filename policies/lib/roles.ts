/**
 * Role facts for the RBAC rules, by GUID, from the catalog (`components/catalog/roles.ts`) that the
 * components assign roles from.
 */
import {
  aiDataPlaneRoleNames,
  builtInRoles,
  privilegedRoles as privilegedByName,
} from "../../components/catalog/roles";
import { asString, lastSegment } from "./values";

/** GUID → display name. */
function byGuid(entries: readonly (readonly [string, string])[]): Readonly<Record<string, string>> {
  return Object.fromEntries(entries.map(([name, guid]) => [guid, name]));
}

/** Roles that grant control of access or of everything in their scope. */
export const privilegedRoles = byGuid(Object.entries(privilegedByName));

/** Roles that call AI models or read and write AI data (data actions on Cognitive Services / Foundry). */
export const aiDataPlaneRoles = byGuid(
  aiDataPlaneRoleNames.map((name) => [name, builtInRoles[name]] as const),
);

/** The role GUID of a role assignment (last segment of `roleDefinitionId`, lower case). */
export function roleGuidOf(props: Record<string, unknown>): string | undefined {
  const id = asString(props.roleDefinitionId);
  return id ? lastSegment(id).toLowerCase() : undefined;
}

/** "Owner (8e3af657-...)" for a known GUID, else the GUID. */
export function roleLabel(guid: string, names: Readonly<Record<string, string>>): string {
  return Object.prototype.hasOwnProperty.call(names, guid) ? `${names[guid]} (${guid})` : guid;
}

/** The AI data-plane role GUID a role assignment grants, or undefined when it grants another role. */
export function aiDataPlaneGrant(props: Record<string, unknown>): string | undefined {
  const guid = roleGuidOf(props);
  return guid !== undefined && Object.prototype.hasOwnProperty.call(aiDataPlaneRoles, guid)
    ? guid
    : undefined;
}

/** The config schema of a rule that says which principal types may hold AI data-plane roles. */
export function allowedPrincipalTypesSchema(defaults: readonly string[]) {
  return {
    properties: {
      allowedPrincipalTypes: {
        type: "array" as const,
        items: {
          type: "string" as const,
          enum: ["Group", "ServicePrincipal", "User", "ForeignGroup", "Device"],
        },
        default: [...defaults],
        description: "Principal types that may hold AI data-plane roles.",
      },
    },
  };
}
