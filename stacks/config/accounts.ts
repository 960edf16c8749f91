import { z } from "zod";
import { deploymentTypes, versionUpgradeOptions } from "../../components/catalog/deployment-types";
import { nameRules } from "../../components/common/naming";
import { region, shortName } from "./primitives";

const deploymentName = z
  .string()
  .min(nameRules.modelDeployment.minLength)
  .max(nameRules.modelDeployment.maxLength)
  .regex(nameRules.modelDeployment.pattern, { message: `allowed: ${nameRules.modelDeployment.allowed}` });

const ipRule = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, {
  message: "must be an IPv4 address or CIDR range, for example 203.0.113.0/24",
});

/** Network rules of an account. */
export const networkAclsConfig = z.strictObject({
  defaultAction: z.enum(["Allow", "Deny"]).optional().describe("Traffic no rule matches. Default: Deny."),
  ipRules: z.array(ipRule).optional().describe("Allowed public IPv4 addresses or CIDR ranges."),
  virtualNetworkSubnetIds: z
    .array(
      z.string().regex(/^\/subscriptions\/.+\/subnets\/[^/]+$/i, {
        message: "must be a subnet resource id (/subscriptions/.../subnets/<name>)",
      }),
    )
    .optional()
    .describe("Allowed subnet resource ids."),
  bypass: z
    .enum(["None", "AzureServices"])
    .optional()
    .describe("Whether trusted Azure services bypass the rules. Default: AzureServices."),
});

/** One model deployment of an account. */
export const deploymentConfig = z
  .strictObject({
    name: deploymentName
      .optional()
      .describe("Deployment name, used by clients in the URL. Default: the model name."),
    model: z.string().min(1).describe("Model name, for example gpt-4.1-mini."),
    version: z
      .string()
      .min(1)
      .optional()
      .describe("Model version, for example 2025-04-14. Default: the version Azure marks as default."),
    type: z.enum(deploymentTypes).describe("Deployment type (the SKU name)."),
    capacity: z
      .number()
      .int()
      .min(1)
      .describe("Thousands of tokens per minute for standard and batch types; PTUs for provisioned types."),
    versionUpgradeOption: z
      .enum(versionUpgradeOptions)
      .optional()
      .describe(
        "When Azure moves the deployment to a new model version. Default: OnceNewDefaultVersionAvailable in dev, OnceCurrentVersionExpired in staging and prod.",
      ),
  })
  .describe("A model deployment.");

/** One Foundry (AI Services) account and what it deploys. */
export const accountConfig = z
  .strictObject({
    name: shortName.describe(
      "Short logical name; part of the account's resource name (aif-<workload>-<env>-<region>-<name>).",
    ),
    location: region.optional().describe("Region of the account. Default: the stack's location."),
    allowLocalAuth: z
      .boolean()
      .optional()
      .describe(
        "Allow API-key authentication. Default: false (Entra ID only). The policy pack blocks true in every environment.",
      ),
    networkAcls: networkAclsConfig
      .optional()
      .describe(
        "Network rules; giving them enables public network access filtered by them. Default: public network access disabled.",
      ),
    deployments: z
      .array(deploymentConfig)
      .default([])
      .describe("Model deployments, created one after another."),
  })
  .describe("A Foundry account (Microsoft.CognitiveServices/accounts, kind AIServices).");

export type DeploymentConfig = z.infer<typeof deploymentConfig>;
export type AccountConfig = z.infer<typeof accountConfig>;
