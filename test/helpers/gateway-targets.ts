/** Gateway targets for tests: a deployment of account `main` (swedencentral) or `second` (eastus2). */
import { GatewayModelTarget } from "../../components/gateway";

export function modelTarget(
  account: string,
  deployment: string,
  rest: Partial<GatewayModelTarget> = {},
): GatewayModelTarget {
  return {
    account,
    accountResourceId: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/aif-${account}`,
    endpoint: `https://aif-${account}.cognitiveservices.azure.com/`,
    location: account === "second" ? "eastus2" : "swedencentral",
    deployment,
    model: "gpt-5",
    type: "GlobalStandard",
    ...rest,
  };
}
