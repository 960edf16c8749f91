/**
 * The assistants team's Foundry platform for one environment, from the foundry-platform library's
 * public API only (`import ... from "foundry-platform"`), configured under this project's own
 * namespace (`contoso-assistants:`). `npx foundry-platform plan --stack dev` plans it offline.
 */
import * as pulumi from "@pulumi/pulumi";
import { AiPlatform, Environment, ModelDeploymentSpec, environments, isAzureRegion } from "foundry-platform";

const config = new pulumi.Config();

function isEnvironment(value: string): value is Environment {
  return (environments as readonly string[]).includes(value);
}

const environment = config.require("environment");
const location = config.require("location");
if (!isEnvironment(environment)) {
  throw new Error(
    `contoso-assistants:environment: '${environment}' is not one of ${environments.join(", ")}`,
  );
}
if (!isAzureRegion(location)) {
  throw new Error(
    `contoso-assistants:location: '${location}' is not an Azure region name such as swedencentral`,
  );
}
const allowedRanges = config.getObject<string[]>("allowedRanges");

const platform = new AiPlatform("assistants", {
  environment,
  owner: config.require("owner"),
  costCenter: config.require("costCenter"),
  workload: config.require("workload"),
  location,
  accounts: [
    {
      name: "main",
      deployments: config.requireObject<ModelDeploymentSpec[]>("deployments"),
      ...(allowedRanges ? { networkAcls: { defaultAction: "Deny", ipRules: allowedRanges } } : {}),
    },
  ],
  budget: { monthlyAmount: config.requireNumber("monthlyBudget") },
});

export const resourceGroupName = platform.resourceGroupName;
export const accountEndpoints = Object.fromEntries(
  Object.entries(platform.accounts).map(([name, account]) => [name, account.endpoint]),
);
