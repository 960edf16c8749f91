/**
 * Built-in Azure role definitions the RBAC rules know, by GUID. The pack keeps its own copy
 * (policies import nothing of the components but the catalog).
 * Source: "Azure built-in roles" (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
 */
import { asString, lastSegment } from "./values";

/** Roles that grant control of access or of everything in their scope. */
export const privilegedRoles: Readonly<Record<string, string>> = {
  "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
  "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
  "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
};

/** Roles that call AI models or read and write AI data (data actions on Cognitive Services / Foundry). */
export const aiDataPlaneRoles: Readonly<Record<string, string>> = {
  "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd": "Cognitive Services OpenAI User",
  "a001fd3d-188f-4b5d-821b-7da978bf7442": "Cognitive Services OpenAI Contributor",
  "a97b65f3-24c7-4388-baec-2e87135dc908": "Cognitive Services User",
  "64702f94-c441-49e6-a78b-ef80e0188fee": "Azure AI Developer",
  "53ca6127-db72-4b80-b1b0-d745d6d5456d": "Azure AI User",
  "eadc314b-1a2d-4efa-be10-5d325db5065e": "Azure AI Project Manager",
};

/** The role GUID of a role assignment (last segment of `roleDefinitionId`, lower case). */
export function roleGuidOf(props: Record<string, unknown>): string | undefined {
  const id = asString(props.roleDefinitionId);
  return id ? lastSegment(id).toLowerCase() : undefined;
}

/** "Owner (8e3af657-...)" for a known GUID, else the GUID. */
export function roleLabel(guid: string, names: Readonly<Record<string, string>>): string {
  return Object.prototype.hasOwnProperty.call(names, guid) ? `${names[guid]} (${guid})` : guid;
}
