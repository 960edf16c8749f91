import * as pulumi from "@pulumi/pulumi";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { DeploymentType, isProvisioned, VersionUpgradeOption } from "../catalog/deployment-types";
import { nameProblems, nameRules } from "../common/naming";
import { Tags } from "../common/tags";

/** A model deployment as a user declares it. */
export interface ModelDeploymentSpec {
  /**
   * Deployment name; clients put it in the URL.
   * @default the model name
   */
  readonly name?: string;
  /** Model name, for example `gpt-4.1-mini`. */
  readonly model: string;
  /**
   * Model version, for example `2025-04-14`.
   * @default - unset: Azure deploys the model's current default version
   */
  readonly version?: string;
  /** Deployment type (the SKU name), for example `GlobalStandard`. */
  readonly type: DeploymentType;
  /** Thousands of tokens per minute for standard and batch types; PTUs for provisioned types. */
  readonly capacity: number;
  /**
   * When Azure moves the deployment to a new model version.
   * @default "OnceCurrentVersionExpired" - versions change only when the pinned one retires
   */
  readonly versionUpgradeOption?: VersionUpgradeOption;
  /**
   * Protect the deployment from `pulumi destroy` and replacement.
   * @default true for provisioned types (capacity may not come back after a delete), false otherwise
   */
  readonly protect?: boolean;
}

/** The deployment name of a spec (its `name`, or the model name). */
export function deploymentNameOf(spec: ModelDeploymentSpec): string {
  return spec.name ?? spec.model;
}

/** Problems with a list of deployment specs, independent of the catalog: names and capacity. */
export function validateDeploymentSpecs(specs: readonly ModelDeploymentSpec[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const name = deploymentNameOf(spec);
    for (const p of nameProblems(nameRules.modelDeployment, name)) {
      problems.push(`deployment '${name}': ${p}`);
    }
    if (seen.has(name)) {
      problems.push(`deployment '${name}' is declared twice; deployment names must be unique in an account`);
    }
    seen.add(name);
    if (!Number.isInteger(spec.capacity) || spec.capacity < 1) {
      problems.push(`deployment '${name}': capacity ${spec.capacity} must be a whole number of at least 1`);
    }
  }
  return problems;
}

/** Where deployments are created: the account resource and its resource group. */
export interface DeploymentTarget {
  readonly account: cognitiveservices.Account;
  readonly accountName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly tags: Tags;
}

/**
 * Registers the deployments of one account, chained with `dependsOn` in declaration order
 * (ARM rejects concurrent deployment writes on one account). Each is a child of the account.
 */
export function declareDeployments(
  componentName: string,
  target: DeploymentTarget,
  specs: readonly ModelDeploymentSpec[],
): Record<string, cognitiveservices.Deployment> {
  const created: Record<string, cognitiveservices.Deployment> = {};
  let previous: cognitiveservices.Deployment | undefined;
  for (const spec of specs) {
    const name = deploymentNameOf(spec);
    const deployment = new cognitiveservices.Deployment(
      `${componentName}-${name}`,
      {
        resourceGroupName: target.resourceGroupName,
        accountName: target.accountName,
        deploymentName: name,
        sku: { name: spec.type, capacity: spec.capacity },
        properties: {
          model: { format: "OpenAI", name: spec.model, version: spec.version },
          versionUpgradeOption: spec.versionUpgradeOption ?? "OnceCurrentVersionExpired",
        },
        tags: target.tags,
      },
      {
        parent: target.account,
        dependsOn: previous ? [previous] : [],
        protect: spec.protect ?? isProvisioned(spec.type),
      },
    );
    created[name] = deployment;
    previous = deployment;
  }
  return created;
}
