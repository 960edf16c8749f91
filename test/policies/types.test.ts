import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as consumption from "@pulumi/azure-native/consumption";
import * as costmanagement from "@pulumi/azure-native/costmanagement";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as monitor from "@pulumi/azure-native/monitor";
import * as network from "@pulumi/azure-native/network";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as redisenterprise from "@pulumi/azure-native/redisenterprise";
import * as resources from "@pulumi/azure-native/resources";
import * as search from "@pulumi/azure-native/search";
import * as security from "@pulumi/azure-native/security";
import * as storage from "@pulumi/azure-native/storage";
import { taggableTypes, types } from "../../policies/lib/types";
import { typeToken } from "../helpers/mocks";

describe("policy type tokens", () => {
  it("match the tokens of the azure-native SDK classes the components use", () => {
    const sdk: Record<keyof typeof types, object> = {
      aiAccount: cognitiveservices.Account,
      aiDeployment: cognitiveservices.Deployment,
      raiPolicy: cognitiveservices.RaiPolicy,
      resourceGroup: resources.ResourceGroup,

      aiProject: cognitiveservices.Project,
      aiRaiBlocklist: cognitiveservices.RaiBlocklist,
      aiCommitmentPlan: cognitiveservices.CommitmentPlan,
      apimService: apimanagement.ApiManagementService,
      apimApi: apimanagement.Api,
      apimApiOperation: apimanagement.ApiOperation,
      apimApiPolicy: apimanagement.ApiPolicy,
      apimApiOperationPolicy: apimanagement.ApiOperationPolicy,
      apimBackend: apimanagement.Backend,
      apimNamedValue: apimanagement.NamedValue,
      apimPolicy: apimanagement.Policy,
      apimProduct: apimanagement.Product,
      apimProductApi: apimanagement.ProductApi,
      apimProductApiLink: apimanagement.ProductApiLink,
      apimProductPolicy: apimanagement.ProductPolicy,
      apimSubscription: apimanagement.Subscription,
      apiCollection: security.APICollectionByAzureApiManagementService,
      privateDnsZoneGroup: network.PrivateDnsZoneGroup,
      roleAssignment: authorization.RoleAssignment,
      budget: consumption.Budget,
      costManagementBudget: costmanagement.Budget,
      logAnalyticsWorkspace: operationalinsights.Workspace,
      appInsights: applicationinsights.Component,
      workbook: applicationinsights.Workbook,
      actionGroup: monitor.ActionGroup,
      metricAlert: monitor.MetricAlert,
      scheduledQueryRule: monitor.ScheduledQueryRule,
      activityLogAlert: monitor.ActivityLogAlert,
      privateEndpoint: network.PrivateEndpoint,
      virtualNetwork: network.VirtualNetwork,
      networkSecurityGroup: network.NetworkSecurityGroup,
      publicIpAddress: network.PublicIPAddress,
      privateDnsZone: privatedns.PrivateZone,
      privateDnsZoneLink: privatedns.VirtualNetworkLink,
      keyVault: keyvault.Vault,
      userAssignedIdentity: managedidentity.UserAssignedIdentity,
      storageAccount: storage.StorageAccount,
      searchService: search.Service,
      redisEnterprise: redisenterprise.RedisEnterprise,
      diagnosticSetting: monitor.DiagnosticSetting,
      genericResource: resources.Resource,
    };
    for (const [key, cls] of Object.entries(sdk)) {
      assert.equal(types[key as keyof typeof types], typeToken(cls), key);
    }
  });

  it("list as taggable exactly types whose SDK args take a tags map", () => {
    const sdkRoot = path.dirname(require.resolve("@pulumi/azure-native/package.json"));
    for (const token of taggableTypes) {
      const [, mod, cls] = token.split(":");
      const file = path.join(sdkRoot, mod, `${cls.charAt(0).toLowerCase()}${cls.slice(1)}.d.ts`);
      const text = fs.readFileSync(file, "utf8");
      const args = text.slice(text.indexOf(`export interface ${cls}Args {`));
      const body = args.slice(0, args.indexOf("\n}"));
      assert.match(body, /\n {4}tags\?: pulumi\.Input<\{/, `${token} has no tags map in its args`);
    }
  });
});
