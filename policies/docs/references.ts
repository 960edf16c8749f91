/**
 * What the coverage table of docs/policy-pack.md is measured against: every PSRule for Azure rule for
 * AI services (`Azure.AI.*`, formerly `Azure.Cognitive.*`) and API Management (`Azure.APIM.*`), and
 * every Azure Policy built-in for Cognitive Services / Azure AI services and API Management
 * (including the Monitoring, Resilience and Security Center built-ins that target them).
 *
 * Sources, read for this list (no id is typed from memory):
 * - PSRule: Azure/PSRule.Rules.Azure, `src/PSRule.Rules.Azure/rules/Azure.{AI,Cognitive,APIM}.Rule.{yaml,ps1}`
 *   and `docs/en/rules/Azure.{AI,APIM}.*.md` (controls from the rules' `Azure.MCSB.v1/control` labels).
 * - Azure Policy: Azure/azure-policy, `built-in-policies/policyDefinitions/{Cognitive Services,
 *   Azure Ai Services,API Management}/*.json` and the files of Monitoring, Resilience and Security
 *   Center that target `Microsoft.CognitiveServices/accounts` or `Microsoft.ApiManagement/service`;
 *   `id` is each definition's `name`, `name` its `displayName`.
 *
 * An entry no rule references must say here why it is not applicable; a test keeps both lists honest.
 */

export interface PsRuleRule {
  /** Rule name, for example `Azure.AI.PublicAccess`. */
  readonly name: string;
  /** Older names PSRule keeps as aliases. */
  readonly aliases?: readonly string[];
}

export interface AzurePolicyBuiltIn {
  /** Definition id: the GUID `name` of the built-in definition. */
  readonly id: string;
  /** The definition's `displayName`. */
  readonly name: string;
  /** Folder of azure-policy's `built-in-policies/policyDefinitions` it lives in. */
  readonly service: string;
  readonly deprecated: boolean;
}

export const psruleRules: readonly PsRuleRule[] = [
  { name: "Azure.AI.PublicAccess", aliases: ["Azure.Cognitive.PublicAccess"] },
  { name: "Azure.AI.ManagedIdentity", aliases: ["Azure.Cognitive.ManagedIdentity"] },
  { name: "Azure.AI.DisableLocalAuth", aliases: ["Azure.Cognitive.DisableLocalAuth"] },
  { name: "Azure.AI.PrivateEndpoints", aliases: ["Azure.Cognitive.PrivateEndpoints"] },
  { name: "Azure.AI.Naming" },
  { name: "Azure.AI.FoundryNaming" },
  { name: "Azure.APIM.HTTPEndpoint" },
  { name: "Azure.APIM.APIDescriptors" },
  { name: "Azure.APIM.HTTPBackend" },
  { name: "Azure.APIM.EncryptValues" },
  { name: "Azure.APIM.ProductSubscription" },
  { name: "Azure.APIM.ProductApproval" },
  { name: "Azure.APIM.SampleProducts" },
  { name: "Azure.APIM.ProductDescriptors" },
  { name: "Azure.APIM.ProductTerms" },
  { name: "Azure.APIM.CertificateExpiry" },
  { name: "Azure.APIM.AvailabilityZone" },
  { name: "Azure.APIM.AvailabilityZone.Units" },
  { name: "Azure.APIM.ManagedIdentity" },
  { name: "Azure.APIM.Protocols" },
  { name: "Azure.APIM.Ciphers" },
  { name: "Azure.APIM.Name" },
  { name: "Azure.APIM.MinAPIVersion" },
  { name: "Azure.APIM.MultiRegion" },
  { name: "Azure.APIM.MultiRegionGateway" },
  { name: "Azure.APIM.CORSPolicy" },
  { name: "Azure.APIM.PolicyBase" },
  { name: "Azure.APIM.DefenderCloud" },
];

export const azurePolicyBuiltIns: readonly AzurePolicyBuiltIn[] = [
  {
    id: "3aa03346-d8c5-4994-a5bc-7652c2a2aef1",
    name: "API Management subscriptions should not be scoped to all APIs",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "73ef9241-5d81-4cd4-b483-8443d1730fe5",
    name: "API Management service should use a SKU that supports virtual networks",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "c15dcc82-b93c-4dcb-9332-fbf121685b54",
    name: "API Management calls to API backends should be authenticated",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "92bb331d-ac71-416a-8c91-02f2cb734ce4",
    name: "API Management calls to API backends should not bypass certificate thumbprint or name validation",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "d5448c98-e503-4fdd-bcd2-784960c00d04",
    name: "API Management policies should inherit parent scope policies using <base />",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "1b0d74ac-4b43-4c39-a15f-594385adc38d",
    name: "Modify API Management to disable username and password authentication",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "ffe25541-3853-4f4e-b71d-064422294b11",
    name: "API Management should have username and password authentication disabled",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "b741306c-968e-4b67-b916-5675e5c709f4",
    name: "API Management direct management endpoint should not be enabled",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "ee7495e7-3ba7-40b6-bfee-c29e22cc75d4",
    name: "API Management APIs should use only encrypted protocols",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "549814b6-3212-4203-bdc8-1548d342fb67",
    name: "[Deprecated]: API Management minimum API version should be set to 2019-12-01 or higher",
    service: "API Management",
    deprecated: true,
  },
  {
    id: "f1cc7827-022c-473e-836e-5a51cae0b249",
    name: "API Management secret named values should be stored in Azure Key Vault",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "1dc2fc00-2245-4143-99f4-874c937f13ef",
    name: "Azure API Management platform version should be stv2",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "df73bd95-24da-4a4f-96b9-4e8b94b402bd",
    name: "API Management should disable public network access to the service configuration endpoints",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "7ca8c8ac-3a6e-493d-99ba-c5fa35347ff2",
    name: "Configure API Management services to disable access to API Management public service configuration endpoints",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "ef619a2c-cc4d-4d03-b2ba-8c94a834d85b",
    name: "API Management services should use a virtual network",
    service: "API Management",
    deprecated: false,
  },
  {
    id: "1b4d1c4e-934c-4703-944c-27c82c06bebb",
    name: "Diagnostic logs in Azure AI services resources should be enabled",
    service: "Azure Ai Services",
    deprecated: false,
  },
  {
    id: "71ef260a-8f18-47b7-abcb-62d0673d94dc",
    name: "Azure AI Services resources should have key access disabled (disable local authentication)",
    service: "Azure Ai Services",
    deprecated: false,
  },
  {
    id: "55eff01b-f2bd-4c32-9203-db285f709d30",
    name: "Configure Azure AI Services resources to disable local key access (disable local authentication)",
    service: "Azure Ai Services",
    deprecated: false,
  },
  {
    id: "d45520cb-31ca-44ba-8da2-fcf914608544",
    name: "Configure Azure AI Services resources  to disable local key access (disable local authentication)",
    service: "Azure Ai Services",
    deprecated: false,
  },
  {
    id: "d6759c02-b87f-42b7-892e-71b3f471d782",
    name: "Azure AI Services resources should use Azure Private Link",
    service: "Azure Ai Services",
    deprecated: false,
  },
  {
    id: "037eea7a-bd0a-46c5-9a66-03aea78705d3",
    name: "Azure AI Services resources should restrict network access",
    service: "Azure Ai Services",
    deprecated: false,
  },
  {
    id: "c1ad46c6-37f8-4af0-9c71-c208375c87dd",
    name: "[Preview]: Cognitive Services Deployments Should Only Use Allowed Control Mode",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "aafe3651-cb78-4f68-9f81-e7e41509110f",
    name: "Cognitive Services Deployments should only use approved Registry Models",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "af253d37-136a-42f8-a1fc-30010c083d41",
    name: "[Preview]: Cognitive Services Deployments should only use allowed completion content filtering",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "930f48f9-f07e-427c-9494-52603581c6a9",
    name: "[Preview]: Cognitive Services Deployments should only use allowed control",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "f3a9c2e0-7b4d-4d8f-9c3a-2e1f6b9a8d4e",
    name: "[Preview]: Cognitive Services Deployments should only use allowed prompt content filtering",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "11566b39-f7f7-4b82-ab06-68d8700eb0a4",
    name: "[Deprecated]: Cognitive Services accounts should use customer owned storage or enable data encryption.",
    service: "Cognitive Services",
    deprecated: true,
  },
  {
    id: "67121cc7-ff39-4ab8-b7e3-95b84dab487d",
    name: "Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK)",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "14de9e63-1b31-492e-a5a3-c3f7fd57f555",
    name: "Configure Cognitive Services accounts to disable local authentication methods",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "0725b4dd-7e76-479c-a735-68e7ee23d5ca",
    name: "[Deprecated]: Cognitive Services accounts should disable public network access",
    service: "Cognitive Services",
    deprecated: true,
  },
  {
    id: "47ba1dd7-28d9-4b07-a8d5-9813bed64e0c",
    name: "Configure Cognitive Services accounts to disable public network access",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "cddd188c-4b82-4c48-a19d-ddf74ee66a01",
    name: "[Deprecated]: Cognitive Services should use private link",
    service: "Cognitive Services",
    deprecated: true,
  },
  {
    id: "db630ad5-52e9-4f4d-9c44-53912fe40053",
    name: "Configure Cognitive Services accounts with private endpoints",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "2bdd0062-9d75-436e-89df-487dd8e4b3c7",
    name: "[Deprecated]: Cognitive Services accounts should enable data encryption",
    service: "Cognitive Services",
    deprecated: true,
  },
  {
    id: "fe3fd216-4f83-4fc1-8984-2bbec80a3418",
    name: "Cognitive Services accounts should use a managed identity",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "c4bc6f10-cb41-49eb-b000-d5ab82e2a091",
    name: "Configure Cognitive Services accounts to use private DNS zones",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "46aa9b05-0e60-4eae-a88b-1e9d374fa515",
    name: "Cognitive Services accounts should use customer owned storage",
    service: "Cognitive Services",
    deprecated: false,
  },
  {
    id: "567c93f7-3661-494f-a30f-0a94d9bfebf8",
    name: "Enable logging by category group for API Management services (microsoft.apimanagement/service) to Log Analytics",
    service: "Monitoring",
    deprecated: false,
  },
  {
    id: "55d1f543-d1b0-4811-9663-d6d0dbc6326d",
    name: "Enable logging by category group for Cognitive Services (microsoft.cognitiveservices/accounts) to Log Analytics",
    service: "Monitoring",
    deprecated: false,
  },
  {
    id: "3a8ff864-d881-44ce-bed3-0c63ede634cb",
    name: "Enable logging by category group for API Management services (microsoft.apimanagement/service) to Event Hub",
    service: "Monitoring",
    deprecated: false,
  },
  {
    id: "0628b917-d4b4-4af5-bc2b-b4f87cd173ab",
    name: "Enable logging by category group for Cognitive Services (microsoft.cognitiveservices/accounts) to Event Hub",
    service: "Monitoring",
    deprecated: false,
  },
  {
    id: "6f3f5778-f809-4755-9d8f-bd5a5a7add85",
    name: "Enable logging by category group for API Management services (microsoft.apimanagement/service) to Storage",
    service: "Monitoring",
    deprecated: false,
  },
  {
    id: "14e81583-c89c-47db-af0d-f9ddddcccd9f",
    name: "Enable logging by category group for Cognitive Services (microsoft.cognitiveservices/accounts) to Storage",
    service: "Monitoring",
    deprecated: false,
  },
  {
    id: "42daa904-5969-47ef-92cb-b75df946195a",
    name: "[Preview]: API Management Service should be Zone Redundant",
    service: "Resilience",
    deprecated: false,
  },
  {
    id: "8ac833bd-f505-48d5-887e-c993a1d3eea0",
    name: "API endpoints in Azure API Management should be authenticated",
    service: "Security Center",
    deprecated: false,
  },
  {
    id: "c8acafaf-3d23-44d1-9624-978ef0f8652c",
    name: "API endpoints that are unused should be disabled and removed from the Azure API Management service",
    service: "Security Center",
    deprecated: false,
  },
];

const noTenantResource =
  "Set through the service's `tenant` access settings, which azure-native does not model as a resource (it only lists their secrets): the resources a Pulumi program declares cannot switch it on, so there is nothing to judge; audit the deployed service with the built-in.";
const noPortalConfigResource =
  "Set through the service's `portalconfigs`, which azure-native does not model as a resource: the resources a Pulumi program declares cannot change it; audit the deployed service with the built-in.";
const encryptionDeprecated =
  "Deprecated by Azure Policy: Cognitive Services always encrypt data at rest. Customer-managed keys are judged by `ai-account-customer-managed-key`.";

/** References no rule covers, each with the reason. */
export const notApplicable: Readonly<Record<string, string>> = {
  "Azure.APIM.ProductTerms":
    "Deprecated by PSRule for Azure (v1.41.0; not evaluated unless enabled). Terms are shown when a developer subscribes in the developer portal; the AI gateway issues each team's subscription itself.",
  "b741306c-968e-4b67-b916-5675e5c709f4": noTenantResource,
  "df73bd95-24da-4a4f-96b9-4e8b94b402bd": noTenantResource,
  "7ca8c8ac-3a6e-493d-99ba-c5fa35347ff2": noTenantResource,
  "ffe25541-3853-4f4e-b71d-064422294b11": noPortalConfigResource,
  "1b0d74ac-4b43-4c39-a15f-594385adc38d": noPortalConfigResource,
  "c8acafaf-3d23-44d1-9624-978ef0f8652c":
    "Needs 30 days of traffic (Defender for APIs' runtime data): nothing in a program or a stack export says whether an API is used.",
  "11566b39-f7f7-4b82-ab06-68d8700eb0a4": encryptionDeprecated,
  "2bdd0062-9d75-436e-89df-487dd8e4b3c7": encryptionDeprecated,
  "d45520cb-31ca-44ba-8da2-fcf914608544":
    "Targets Azure AI Search services (`Microsoft.Search/searchServices`), which foundry-platform does not deploy.",
};
