/**
 * Resource type tokens the rules judge. Rules match on these strings (not on SDK classes) so the
 * pack loads without the azure-native SDK.
 */
export const types = {
  aiAccount: "azure-native:cognitiveservices:Account",
  aiDeployment: "azure-native:cognitiveservices:Deployment",
  raiPolicy: "azure-native:cognitiveservices:RaiPolicy",
  resourceGroup: "azure-native:resources:ResourceGroup",

  // Rules 14-26 of issue 7 (APIM gateway, RBAC, tags, cost, lifecycle).
  aiProject: "azure-native:cognitiveservices:Project",
  aiRaiBlocklist: "azure-native:cognitiveservices:RaiBlocklist",
  aiCommitmentPlan: "azure-native:cognitiveservices:CommitmentPlan",
  apimService: "azure-native:apimanagement:ApiManagementService",
  apimApi: "azure-native:apimanagement:Api",
  apimApiOperation: "azure-native:apimanagement:ApiOperation",
  apimApiPolicy: "azure-native:apimanagement:ApiPolicy",
  apimApiOperationPolicy: "azure-native:apimanagement:ApiOperationPolicy",
  apimBackend: "azure-native:apimanagement:Backend",
  apimNamedValue: "azure-native:apimanagement:NamedValue",
  apimPolicy: "azure-native:apimanagement:Policy",
  apimProduct: "azure-native:apimanagement:Product",
  apimProductApi: "azure-native:apimanagement:ProductApi",
  apimProductApiLink: "azure-native:apimanagement:ProductApiLink",
  apimProductPolicy: "azure-native:apimanagement:ProductPolicy",
  roleAssignment: "azure-native:authorization:RoleAssignment",
  budget: "azure-native:consumption:Budget",
  costManagementBudget: "azure-native:costmanagement:Budget",
  logAnalyticsWorkspace: "azure-native:operationalinsights:Workspace",
  appInsights: "azure-native:applicationinsights:Component",
  workbook: "azure-native:applicationinsights:Workbook",
  actionGroup: "azure-native:monitor:ActionGroup",
  metricAlert: "azure-native:monitor:MetricAlert",
  scheduledQueryRule: "azure-native:monitor:ScheduledQueryRule",
  activityLogAlert: "azure-native:monitor:ActivityLogAlert",
  privateEndpoint: "azure-native:network:PrivateEndpoint",
  privateDnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
  virtualNetwork: "azure-native:network:VirtualNetwork",
  networkSecurityGroup: "azure-native:network:NetworkSecurityGroup",
  publicIpAddress: "azure-native:network:PublicIPAddress",
  privateDnsZone: "azure-native:privatedns:PrivateZone",
  privateDnsZoneLink: "azure-native:privatedns:VirtualNetworkLink",
  keyVault: "azure-native:keyvault:Vault",
  userAssignedIdentity: "azure-native:managedidentity:UserAssignedIdentity",
  storageAccount: "azure-native:storage:StorageAccount",
  searchService: "azure-native:search:Service",
  redisEnterprise: "azure-native:redisenterprise:RedisEnterprise",
  // Parity with PSRule and Azure Policy (issue 15).
  apimSubscription: "azure-native:apimanagement:Subscription",
  apiCollection: "azure-native:security:APICollectionByAzureApiManagementService",
  // Governance and API Management (rules 1–13).
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  /** The generic ARM resource (any provider, type and API version), e.g. Model Router deployments. */
  genericResource: "azure-native:resources:Resource",
} as const;

/**
 * Types whose Azure resource carries `tags` (a string map in the SDK args). The tag rule judges
 * these and nothing else; a test checks each against the azure-native SDK.
 */
export const taggableTypes: readonly string[] = [
  types.resourceGroup,
  types.aiAccount,
  types.aiDeployment,
  types.aiProject,
  types.raiPolicy,
  types.aiRaiBlocklist,
  types.aiCommitmentPlan,
  types.apimService,
  types.logAnalyticsWorkspace,
  types.appInsights,
  types.workbook,
  types.actionGroup,
  types.metricAlert,
  types.scheduledQueryRule,
  types.activityLogAlert,
  types.privateEndpoint,
  types.virtualNetwork,
  types.networkSecurityGroup,
  types.publicIpAddress,
  types.privateDnsZone,
  types.privateDnsZoneLink,
  types.keyVault,
  types.userAssignedIdentity,
  types.storageAccount,
  types.searchService,
  types.redisEnterprise,
];

/** The APIM policy resources (XML in `value`, its `format`), from the broadest scope to the narrowest. */
export const apimPolicyTypes: readonly string[] = [
  types.apimPolicy,
  types.apimProductPolicy,
  types.apimApiPolicy,
  types.apimApiOperationPolicy,
];
