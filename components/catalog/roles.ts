/**
 * Azure built-in role definitions the platform assigns or refuses, by display name and GUID: one
 * source of truth for the components (which assign roles) and the policy pack (which judges them).
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

/** Roles that grant control of access or of everything in their scope; never assigned by the platform. */
export const privilegedRoles = {
  Owner: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
  Contributor: "b24988ac-6180-42a0-ab88-20f7382dd24c",
  "User Access Administrator": "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
} as const;

/** Roles with data actions on AI accounts and projects: they call models or read and write AI data. */
export const aiDataPlaneRoleNames: readonly BuiltInRoleName[] = [
  "Cognitive Services OpenAI User",
  "Cognitive Services OpenAI Contributor",
  "Cognitive Services User",
  "Azure AI Developer",
  "Azure AI User",
  "Azure AI Project Manager",
];
