/**
 * The platform's stack configuration: one zod schema for every key under the
 * `foundry-platform:` namespace of `stacks/Pulumi.<stack>.yaml`.
 */
import { z } from "zod";
import { environments } from "../../components/common/environment";
import { accountConfig, refineAccounts } from "./accounts";
import { accessConfig } from "./access";
import { budgetConfig } from "./budget";
import { observabilityConfig } from "./observability";
import { gatewayConfig, gatewayConfigIssues } from "./gateway";
import { networkConfig } from "./network";
import { canaryCatalogIssues } from "./canary-catalog";
import { componentIssues } from "./component-issues";
import { customModelsConfig, customModelsIssues, customModelSpecs } from "./custom-models";
import { region, shortName } from "./primitives";
import { workloadsConfig, workloadsIssues } from "./workloads";

export { configNamespace } from "./namespace";

const tagMap = z
  .record(z.string().min(1).max(512), z.string().max(256))
  .describe("Extra tags for every taggable resource.");

export const platformConfig = z
  .strictObject({
    environment: z
      .enum(environments)
      .describe("Which environment this stack is; picks the defaults (dev cheap, prod strict)."),
    owner: z.string().min(1).describe("Accountable team or person; becomes the `owner` tag."),
    costCenter: z
      .string()
      .min(1)
      .describe("Cost center charged for the stack; becomes the `costCenter` tag."),
    workload: shortName.describe("Short workload name used in every resource name, for example contoso."),
    location: region.describe("Default region for the stack's resources."),
    tags: tagMap.optional(),
    accounts: z
      .array(accountConfig)
      .min(1)
      .default([])
      .describe(
        "Foundry accounts; each holds its model deployments. Required unless workloads derive them (a workloads-only stack).",
      ),
    observability: observabilityConfig.optional(),
    budget: budgetConfig.optional(),
    access: accessConfig.optional(),
    gateway: gatewayConfig.optional(),
    network: networkConfig.optional(),
    customModels: customModelsConfig,
    workloads: workloadsConfig,
  })
  .superRefine((config, ctx) => {
    if (config.accounts.length === 0 && (config.workloads ?? []).length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["accounts"],
        params: { missing: true },
        message: "required: declare at least one account, or workloads to derive them from",
      });
    }
    workloadsIssues(config.workloads, ctx);
    const seen = new Map<string, number>();
    config.accounts.forEach((account, i) => {
      const first = seen.get(account.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["accounts", i, "name"],
          input: account.name,
          message: `duplicate account name; accounts[${first}] already uses it; give each account its own name`,
        });
      }
      seen.set(account.name, i);
      const names = new Map<string, number>();
      account.deployments.forEach((deployment, j) => {
        const name = deployment.name ?? deployment.model;
        const firstDeployment = names.get(name);
        if (firstDeployment !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["accounts", i, "deployments", j, deployment.name === undefined ? "model" : "name"],
            input: name,
            message: `duplicate deployment name '${name}' in account '${account.name}'; deployments[${firstDeployment}] already uses it; set a distinct 'name'`,
          });
        }
        names.set(name, j);
      });
    });
    gatewayConfigIssues(config, ctx);
    customModelsIssues(config.customModels, ctx);
  });

/** The validated configuration, as written (defaults that depend on the environment not yet applied). */
export type PlatformConfig = z.infer<typeof platformConfig>;

/**
 * The schema plus the checks that depend on the model catalog and the date it judges on (unknown
 * models and versions, types, PTU sizes; a retired version is not a config error: the policy
 * pack's lifecycle rule reports it). The program and the offline plan use the current date unless
 * told another (`plan --as-of`); tests pass a fixed one.
 */
export function platformConfigOn(on: Date) {
  return platformConfig.superRefine((config, ctx) => {
    const custom = customModelSpecs(config.customModels);
    refineAccounts(config.accounts, config.environment, on, ctx, custom);
    canaryCatalogIssues(config, on, ctx, custom);
    componentIssues(config, platformConfig, ctx);
  });
}
