/**
 * Resource type tokens the rules judge. Rules match on these strings (not on SDK classes) so the
 * pack loads without the azure-native SDK.
 */
export const types = {
  aiAccount: "azure-native:cognitiveservices:Account",
  aiDeployment: "azure-native:cognitiveservices:Deployment",
  raiPolicy: "azure-native:cognitiveservices:RaiPolicy",
  resourceGroup: "azure-native:resources:ResourceGroup",
} as const;
