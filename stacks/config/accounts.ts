import { z } from "zod";
import { deploymentTypes, versionUpgradeOptions } from "../../components/catalog/deployment-types";
import { CustomModelSpec } from "../../components/catalog/custom";
import { findModel } from "../../components/catalog/lookup";
import { routingModes } from "../../components/catalog/validate";
import { builtInRoles } from "../../components/common/roles";
import { roleProblem } from "../../components/common/role-assignment";
import { nameRules } from "../../components/common/naming";
import { deploymentNameOf, deploymentProblems, spilloverTypeFor } from "../../components/foundry/deployments";
import { Environment } from "../../components/common/environment";
import { region, shortName } from "./primitives";
import { expectedTrafficConfig, ptuPricingConfig } from "./traffic";

const deploymentName = z
  .string()
  .min(nameRules.modelDeployment.minLength)
  .max(nameRules.modelDeployment.maxLength)
  .regex(nameRules.modelDeployment.pattern, { message: `allowed: ${nameRules.modelDeployment.allowed}` });

const projectName = z
  .string()
  .min(nameRules.aiProject.minLength)
  .max(nameRules.aiProject.maxLength)
  .regex(nameRules.aiProject.pattern, { message: `allowed: ${nameRules.aiProject.allowed}` });

const ipRule = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, {
  message: "must be an IPv4 address or CIDR range, for example 203.0.113.0/24",
});

/** An ARM resource id of a given type, for example `Microsoft.KeyVault/vaults`. */
function armId(type: string, example: string) {
  const [namespace, ...collections] = type.split("/");
  const path = collections.map((c) => `/${c}/[^/]+`).join("");
  return z
    .string()
    .regex(new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/${namespace}${path}$`, "i"), {
      message: `must be a ${type} resource id (${example})`,
    });
}

const subnetId = armId(
  "Microsoft.Network/virtualNetworks/subnets",
  "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<name>",
);
const privateDnsZoneId = armId(
  "Microsoft.Network/privateDnsZones",
  "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com",
);
const keyVaultId = armId(
  "Microsoft.KeyVault/vaults",
  "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>",
);
const userAssignedIdentityId = armId(
  "Microsoft.ManagedIdentity/userAssignedIdentities",
  "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>",
);
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: "must be an object id (GUID)",
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

/** Routing settings of a model-router deployment. */
export const routingConfig = z
  .strictObject({
    mode: z
      .enum(routingModes)
      .optional()
      .describe("How the router trades cost against quality. Default: balanced."),
    models: z
      .array(
        z.strictObject({
          model: z.string().min(1).describe("Model name, for example gpt-5-mini."),
          version: z.string().min(1).describe("Model version, for example 2025-08-07."),
          format: z
            .string()
            .min(1)
            .optional()
            .describe("Model format (OpenAI, Anthropic, ...). Default: as the router version lists it."),
        }),
      )
      .min(1)
      .optional()
      .describe(
        "The models the router may pick from (keep two or more for failover). Default: all it supports.",
      ),
  })
  .describe("model-router only (version 2025-11-18 or later): routing mode and model subset.");

/** One model deployment of an account. */
export const deploymentConfig = z
  .strictObject({
    name: deploymentName
      .optional()
      .describe("Deployment name, used by clients in the URL. Default: the model name."),
    model: z
      .string()
      .min(1)
      .describe(
        "Model name, for example gpt-5.4-mini; must be in the model catalog or declared under customModels.",
      ),
    version: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Model version, for example 2025-08-07. Required in staging and prod; in dev the default is the version Azure marks as default.",
      ),
    type: z.enum(deploymentTypes).describe("Deployment type (the SKU name); must be offered for the model."),
    capacity: z
      .number()
      .int()
      .min(1)
      .describe(
        "Thousands of tokens per minute for standard and batch types; PTUs for provisioned types (on the model's minimum and step).",
      ),
    versionUpgradeOption: z
      .enum(versionUpgradeOptions)
      .optional()
      .describe(
        "When Azure moves the deployment to a new model version. Default: OnceNewDefaultVersionAvailable in dev, OnceCurrentVersionExpired in staging and prod.",
      ),
    spillover: deploymentName
      .optional()
      .describe(
        "Provisioned types only: the standard deployment of the same account, with the same data scope and declared before this one, that takes requests over capacity.",
      ),
    raiPolicyName: z
      .string()
      .min(1)
      .optional()
      .describe("Content filter (RAI policy) name. Default: the account's strict policy."),
    routing: routingConfig.optional(),
    expectedTraffic: expectedTrafficConfig.optional(),
    pricing: ptuPricingConfig.optional(),
    protect: z
      .boolean()
      .optional()
      .describe("Protect from delete and replace. Default: true for provisioned types, false otherwise."),
  })
  .describe("A model deployment.");

/** A Foundry project of an account. */
export const projectConfig = z.strictObject({
  name: projectName.describe("Azure name of the project."),
  displayName: z.string().min(1).optional().describe("Name shown in the Foundry portal. Default: the name."),
  description: z.string().optional(),
});

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
      .describe("Model deployments, created one after another in this order."),
    projects: z
      .array(projectConfig)
      .optional()
      .describe("Foundry projects; giving any turns on project management. Default: none."),
    privateEndpoints: z
      .array(
        z.strictObject({
          subnetResourceId: subnetId.describe("Subnet the endpoint is placed in."),
          privateDnsZoneResourceIds: z
            .array(privateDnsZoneId)
            .optional()
            .describe(
              "Private DNS zones to register in: privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com, privatelink.services.ai.azure.com.",
            ),
          name: z.string().min(1).max(80).optional().describe("Azure name. Default: pep-<account name>."),
        }),
      )
      .optional()
      .describe("Private endpoints on the account. Default: none."),
    userAssignedIdentityResourceIds: z
      .array(userAssignedIdentityId)
      .optional()
      .describe("User-assigned identities, next to the system-assigned one. Default: none."),
    customerManagedKey: z
      .strictObject({
        keyVaultResourceId: keyVaultId,
        keyName: z.string().min(1),
        keyVersion: z
          .string()
          .min(1)
          .optional()
          .describe("Default: the latest version, rotated automatically."),
        userAssignedIdentityResourceId: userAssignedIdentityId.describe(
          "Identity that holds 'Key Vault Crypto Service Encryption User' on the vault.",
        ),
      })
      .optional()
      .describe("Encrypt data at rest with a key in Key Vault. Default: Microsoft-managed keys."),
    lock: z
      .strictObject({
        kind: z.enum(["CanNotDelete", "ReadOnly", "None"]),
        notes: z.string().max(512).optional(),
      })
      .optional()
      .describe(
        "Management lock on the account; it covers its deployments (CanNotDelete also blocks removing a deployment). Default: none.",
      ),
    roleAssignments: z
      .array(
        z.strictObject({
          roleDefinitionIdOrName: z
            .string()
            .min(1)
            .describe(`A built-in role name (${Object.keys(builtInRoles).join(", ")}), a role GUID or id.`),
          principalId: guid,
          principalType: z.enum(["ServicePrincipal", "Group", "User", "ForeignGroup", "Device"]).optional(),
          description: z.string().optional(),
        }),
      )
      .optional()
      .describe(
        "Role assignments on the account. Owner, Contributor and User Access Administrator are refused.",
      ),
  })
  .describe("A Foundry account (Microsoft.CognitiveServices/accounts, kind AIServices).");

export type DeploymentConfig = z.infer<typeof deploymentConfig>;
export type AccountConfig = z.infer<typeof accountConfig>;

/**
 * Checks the accounts against the model catalog on `on` and against the rules the schema alone
 * cannot express: known model, version and deployment type, PTU sizes, routing settings, spillover
 * within one account, pinned versions in staging and prod, unique project names, refused roles.
 * Every issue carries its full key path.
 */
export function refineAccounts(
  accounts: readonly AccountConfig[],
  environment: Environment,
  on: Date,
  ctx: z.RefinementCtx,
  customModels?: readonly CustomModelSpec[],
): void {
  const deploymentNames = accounts.map((a) => a.deployments.map(deploymentNameOf));
  accounts.forEach((account, i) => {
    const base = ["accounts", i] as const;
    for (const p of deploymentProblems(account.deployments, on, customModels)) {
      if (p.severity !== "error") {
        continue;
      }
      let message = p.message;
      if (p.code === "spillover-target-missing") {
        const other = deploymentNames.findIndex((names, k) => k !== i && names.includes(String(p.value)));
        if (other >= 0) {
          const expected = spilloverTypeFor(account.deployments[p.index].type) ?? "standard";
          message = `'${String(p.value)}' is a deployment of accounts[${other}] ('${accounts[other].name}'), not of this account; spillover never crosses accounts: declare a ${expected} deployment in this account and point to it`;
        }
      }
      ctx.addIssue({
        code: "custom",
        path: [...base, "deployments", p.index, ...p.path],
        ...(p.value === undefined ? { params: { missing: true } } : { input: p.value }),
        message,
      });
    }
    if (environment !== "dev") {
      account.deployments.forEach((d, j) => {
        if (d.version === undefined && findModel(d.model)) {
          ctx.addIssue({
            code: "custom",
            path: [...base, "deployments", j, "version"],
            params: { missing: true },
            message: `required in ${environment}: pin the model version so it changes only through a reviewed change; known: ${findModel(
              d.model,
            )
              ?.versions.map((v) => v.version)
              .join(", ")}`,
          });
        }
      });
    }
    const projects = new Map<string, number>();
    (account.projects ?? []).forEach((p, j) => {
      const first = projects.get(p.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [...base, "projects", j, "name"],
          input: p.name,
          message: `duplicate project name; projects[${first}] already uses it`,
        });
      }
      projects.set(p.name, j);
    });
    (account.roleAssignments ?? []).forEach((r, j) => {
      const problem = roleProblem(r.roleDefinitionIdOrName);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          path: [...base, "roleAssignments", j, "roleDefinitionIdOrName"],
          input: r.roleDefinitionIdOrName,
          message: problem,
        });
      }
    });
  });
}
