import { strict as assert } from "node:assert";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as resources from "@pulumi/azure-native/resources";
import { types } from "../../policies/lib/types";
import { typeToken } from "../helpers/mocks";

describe("policy type tokens", () => {
  it("match the tokens of the azure-native SDK classes the components use", () => {
    const sdk: Record<keyof typeof types, object> = {
      aiAccount: cognitiveservices.Account,
      aiDeployment: cognitiveservices.Deployment,
      raiPolicy: cognitiveservices.RaiPolicy,
      resourceGroup: resources.ResourceGroup,
      apimService: apimanagement.ApiManagementService,
      apimApi: apimanagement.Api,
      apimBackend: apimanagement.Backend,
      diagnosticSetting: monitor.DiagnosticSetting,
      logAnalyticsWorkspace: operationalinsights.Workspace,
      genericResource: resources.Resource,
    };
    for (const [key, cls] of Object.entries(sdk)) {
      assert.equal(types[key as keyof typeof types], typeToken(cls), key);
    }
  });
});
