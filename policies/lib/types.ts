/**
 * Resource type tokens the rules judge. Rules match on these strings (not on SDK classes) so the
 * pack loads without the azure-native SDK.
 */
export const types = {
  aiAccount: "azure-native:cognitiveservices:Account",
  aiDeployment: "azure-native:cognitiveservices:Deployment",
  raiPolicy: "azure-native:cognitiveservices:RaiPolicy",
  resourceGroup: "azure-native:resources:ResourceGroup",
  // Governance and API Management (rules 1–13).
  apimService: "azure-native:apimanagement:ApiManagementService",
  apimApi: "azure-native:apimanagement:Api",
  apimBackend: "azure-native:apimanagement:Backend",
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  logAnalyticsWorkspace: "azure-native:operationalinsights:Workspace",
  /** The generic ARM resource (any provider, type and API version), e.g. Model Router deployments. */
  genericResource: "azure-native:resources:Resource",
} as const;
