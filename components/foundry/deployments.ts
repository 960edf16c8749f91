/**
 * Model deployments of a Foundry account: how they are declared, validated against the model
 * catalog, and registered one after another.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as resources from "@pulumi/azure-native/resources";
import {
  DeploymentType,
  isDeploymentType,
  isProvisioned,
  VersionUpgradeOption,
} from "../catalog/deployment-types";
import { findVersion } from "../catalog/lookup";
import { CustomModelSpec } from "../catalog/custom";
import { catalogProblems, modelFormatOf, RoutingMode } from "../catalog/validate";
import { nameProblems, nameRules } from "../common/naming";
import { mergeTags, Tags } from "../common/tags";
import {
  ExpectedTraffic,
  expectedTrafficTag,
  PtuPricing,
  ptuPricingTag,
  trafficProblems,
  trafficTagValue,
} from "../cost/traffic";

/** One model of a model-router subset. */
export interface RoutedModelSpec {
  /** Model name, for example `gpt-5-mini`. */
  readonly model: string;
  /** Model version, for example `2025-08-07`. */
  readonly version: string;
  /**
   * Model format (publisher namespace), for example `OpenAI` or `Anthropic`.
   * @default the format the catalog lists for this model in the router version
   */
  readonly format?: string;
}

/**
 * Routing settings of a `model-router` deployment (model-router 2025-11-18 or later). Setting them
 * deploys through the generic ARM resource on API version `2025-10-01-preview`, because
 * `cognitiveservices.Deployment` of `@pulumi/azure-native` 3.x (API 2025-06-01) has no `routing`.
 */
export interface ModelRoutingSpec {
  /**
   * How the router trades cost against quality.
   * @default "balanced" - Azure's default
   */
  readonly mode?: RoutingMode;
  /**
   * The models the router may pick from; keep two or more so the router can fail over.
   * @default - every model the router version supports
   */
  readonly models?: RoutedModelSpec[];
}

/** A model deployment as a user declares it. */
export interface ModelDeploymentSpec {
  /**
   * Deployment name; clients put it in the URL.
   * @default the model name
   */
  readonly name?: string;
  /** Model name, for example `gpt-5-mini`. */
  readonly model: string;
  /**
   * Model version, for example `2025-08-07`. Pin it in staging and prod.
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
  /**
   * Provisioned types only: the deployment that serves requests this one would throttle
   * (`spilloverDeploymentName`). It must be a standard deployment of the same account, with the same
   * data-processing scope (GlobalProvisionedManaged → GlobalStandard, DataZoneProvisionedManaged →
   * DataZoneStandard, ProvisionedManaged → Standard), declared before this one.
   * @default - no spillover: requests over capacity get 429
   */
  readonly spillover?: string;
  /**
   * Content filter (RAI policy) of the deployment.
   * @default the account's strict default policy
   */
  readonly raiPolicyName?: string;
  /**
   * `model-router` only: routing mode and model subset.
   * @default - Azure's defaults: balanced mode across every supported model
   */
  readonly routing?: ModelRoutingSpec;
  /**
   * The traffic the deployment is expected to serve, averaged over a month. Plans price standard and
   * batch deployments from it (at catalog token prices) and show the load of provisioned ones; it is
   * recorded in the deployment's `expectedTraffic` tag, where the policy pack reads it too.
   * @default - none: plans list a standard or batch deployment as unpriced
   */
  readonly expectedTraffic?: ExpectedTraffic;
  /**
   * Where `expectedTraffic` comes from, recorded in the tag (for example `team assistants`).
   * @default ["declared"] when `expectedTraffic` is given
   */
  readonly trafficSources?: string[];
  /**
   * Provisioned types only: how the PTUs are billed, recorded in the `ptuPricing` tag that plans and
   * the budget rule price the deployment by. A reservation is bought separately in the Azure portal
   * (per deployment type, region and scope), after the deployment exists.
   * @default "hourly"
   */
  readonly pricing?: PtuPricing;
  /**
   * Tags of this deployment on top of the account's (a canary candidate's evidence, for example).
   * `Microsoft.CognitiveServices/accounts/deployments` takes resource tags: azure-native 3.28's
   * `cognitiveservices.Deployment` (API 2025-06-01) has `tags`, as does the ARM SDK's Deployment
   * (https://learn.microsoft.com/javascript/api/@azure/arm-cognitiveservices/deployment).
   * @default - the account's tags only
   */
  readonly tags?: Tags;
}

/** Plain data about a declared deployment, for gateways and reports. */
export interface DeployedModel {
  /** Deployment name (what clients put in the URL). */
  readonly name: string;
  /** Model name. */
  readonly model: string;
  /** Model format, for example `OpenAI`. */
  readonly format: string;
  /** Pinned version; absent when Azure picks the default version. */
  readonly version?: string;
  /** Deployment type (the SKU name). */
  readonly type: DeploymentType;
  /** Thousands of tokens per minute, or PTUs for provisioned types. */
  readonly capacity: number;
  /** When Azure moves the deployment to a new model version. */
  readonly versionUpgradeOption: VersionUpgradeOption;
  /** Name of the deployment that takes this one's overflow, if any. */
  readonly spillover?: string;
  /** Content filter (RAI policy) of the deployment. */
  readonly raiPolicyName: string;
  /** Routing settings of a model-router deployment. */
  readonly routing?: DeployedRouting;
}

/** The routing settings a model-router deployment is declared with. */
export interface DeployedRouting {
  /** How the router trades cost against quality. */
  readonly mode: RoutingMode;
  /** The models the router may pick from; absent when it may pick any it supports. */
  readonly models?: DeployedRoutedModel[];
}

/** One model a model-router deployment may pick. */
export interface DeployedRoutedModel {
  /** Model format, for example `OpenAI`. */
  readonly format: string;
  /** Model name. */
  readonly model: string;
  /** Model version. */
  readonly version: string;
}

/**
 * REST API version used for deployments with routing settings. The Learn how-to deploys model
 * router with `routing {mode, models}` on `2025-10-01-preview`
 * (https://learn.microsoft.com/azure/foundry/openai/how-to/model-router).
 * @internal
 */
export const routingApiVersion = "2025-10-01-preview";

/** Name of the strict content filter (RAI policy) `FoundryAccount` creates by default. */
export const defaultRaiPolicyName = "platform-strict";

/**
 * The deployment name of a spec (its `name`, or the model name).
 * @internal
 */
export function deploymentNameOf(spec: ModelDeploymentSpec): string {
  return spec.name ?? spec.model;
}

/**
 * Problems with a list of deployment specs, independent of the catalog: names and capacity.
 * @internal
 */
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

/**
 * One problem with the deployment at `index` of an account's list.
 * @internal
 */
export interface DeploymentProblem {
  readonly index: number;
  /** Where, relative to the deployment: `["version"]`, `["routing", "models", 1]`, ... */
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly message: string;
  readonly severity: "error" | "warning";
  /** Set when the spillover target is not a deployment of the account (callers may look further). */
  readonly code?: "spillover-target-missing";
}

const spilloverTypes: Partial<Record<DeploymentType, DeploymentType>> = {
  GlobalProvisionedManaged: "GlobalStandard",
  DataZoneProvisionedManaged: "DataZoneStandard",
  ProvisionedManaged: "Standard",
};

/**
 * The standard type a provisioned type may spill over to (same data-processing scope).
 * @internal
 */
export function spilloverTypeFor(type: DeploymentType): DeploymentType | undefined {
  return spilloverTypes[type];
}

/**
 * Spillover mistakes in one account's deployments: wrong source, missing target, scope mismatch, order.
 * @internal
 */
export function spilloverProblems(specs: readonly ModelDeploymentSpec[]): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  const names = specs.map(deploymentNameOf);
  specs.forEach((spec, index) => {
    const target = spec.spillover;
    if (target === undefined) {
      return;
    }
    const fail = (message: string, code?: DeploymentProblem["code"]) =>
      problems.push({ index, path: ["spillover"], value: target, message, severity: "error", code });
    const expected = spilloverTypeFor(spec.type);
    if (!expected) {
      fail(
        `only provisioned deployments spill over, and ${spec.type} is not provisioned; remove 'spillover' or use a provisioned type`,
      );
      return;
    }
    const t = names.indexOf(target);
    if (t < 0) {
      fail(
        `'${target}' is not a deployment of this account; spillover goes to a ${expected} deployment of the same account: declare it there, before this one`,
        "spillover-target-missing",
      );
      return;
    }
    if (t === index) {
      fail(`a deployment cannot spill over to itself; name a ${expected} deployment of this account`);
      return;
    }
    const targetType = specs[t].type;
    if (targetType !== expected) {
      fail(
        `'${target}' is ${targetType}, but ${spec.type} spills over only to ${expected} (the same data-processing scope); point it at a ${expected} deployment`,
      );
      return;
    }
    if (t > index) {
      fail(
        `declare '${target}' before this deployment: deployments are created in declaration order and the spillover target must exist first`,
      );
    }
  });
  return problems;
}

/**
 * Cost settings that cannot hold: PTU pricing on a pay-per-token type, impossible traffic numbers.
 * @internal
 */
export function costSettingProblems(specs: readonly ModelDeploymentSpec[]): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  specs.forEach((spec, index) => {
    if (spec.pricing !== undefined && isDeploymentType(spec.type) && !isProvisioned(spec.type)) {
      problems.push({
        index,
        path: ["pricing"],
        value: spec.pricing,
        severity: "error",
        message: `only provisioned deployments have a PTU pricing, and ${spec.type} bills per token; remove 'pricing'`,
      });
    }
    for (const p of spec.expectedTraffic ? trafficProblems(spec.expectedTraffic) : []) {
      problems.push({
        index,
        path: ["expectedTraffic", p.field],
        value: p.value,
        severity: "error",
        message: p.message,
      });
    }
  });
  return problems;
}

/**
 * Every problem with one account's deployments, judged on `on`: the catalog's (model, version,
 * type, PTU size, routing; custom models against their declaration), the spillover rules and the
 * cost settings.
 * @internal
 */
export function deploymentProblems(
  specs: readonly ModelDeploymentSpec[],
  on: Date,
  customModels?: readonly CustomModelSpec[],
): DeploymentProblem[] {
  const problems: DeploymentProblem[] = [];
  specs.forEach((spec, index) => {
    for (const p of catalogProblems(spec, on, customModels)) {
      problems.push({ index, ...p });
    }
  });
  return [...problems, ...spilloverProblems(specs), ...costSettingProblems(specs)];
}

/**
 * The cost tags of a deployment: its expected traffic and, when provisioned, how its PTUs are billed.
 * @internal
 */
export function costTagsOf(spec: ModelDeploymentSpec): Record<string, string> {
  const tags: Record<string, string> = {};
  if (spec.expectedTraffic) {
    tags[expectedTrafficTag] = trafficTagValue(spec.expectedTraffic, spec.trafficSources ?? ["declared"]);
  }
  if (isDeploymentType(spec.type) && isProvisioned(spec.type)) {
    tags[ptuPricingTag] = spec.pricing ?? "hourly";
  }
  return tags;
}

function showValue(value: unknown): string {
  return value === undefined ? "" : ` (got ${JSON.stringify(value)})`;
}

/**
 * One line for a problem: `deployment 'gpt-5' version (got "2024-01-01"): not a known version ...`.
 * @internal
 */
export function formatDeploymentProblem(specs: readonly ModelDeploymentSpec[], p: DeploymentProblem): string {
  const where = p.path
    .map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${s}`))
    .join("");
  return `deployment '${deploymentNameOf(specs[p.index])}' ${where}${showValue(p.value)}: ${p.message}`;
}

/**
 * The plain data of a spec once defaults are applied.
 * @internal
 */
export function deployedModelOf(
  spec: ModelDeploymentSpec,
  defaultRaiPolicyName: string,
  customModels?: readonly CustomModelSpec[],
): DeployedModel {
  const routing = spec.routing;
  return {
    name: deploymentNameOf(spec),
    model: spec.model,
    format: modelFormatOf(spec.model, customModels),
    version: spec.version,
    type: spec.type,
    capacity: spec.capacity,
    versionUpgradeOption: spec.versionUpgradeOption ?? "OnceCurrentVersionExpired",
    ...(spec.spillover !== undefined ? { spillover: spec.spillover } : {}),
    raiPolicyName: spec.raiPolicyName ?? defaultRaiPolicyName,
    ...(routing
      ? {
          routing: {
            mode: routing.mode ?? "balanced",
            ...(routing.models
              ? {
                  models: routing.models.map((m) => ({
                    format: m.format ?? routedFormat(spec, m),
                    model: m.model,
                    version: m.version,
                  })),
                }
              : {}),
          },
        }
      : {}),
  };
}

/** The format of a routed model as the router version lists it, else the catalog's, else OpenAI. */
function routedFormat(spec: ModelDeploymentSpec, m: RoutedModelSpec): string {
  const routes = spec.version ? findVersion(spec.model, spec.version)?.routes?.value : undefined;
  return routes?.find((r) => r.name === m.model && r.version === m.version)?.format ?? modelFormatOf(m.model);
}

/**
 * Where deployments are created: the account resource and its resource group.
 * @internal
 */
export interface DeploymentTarget {
  readonly account: cognitiveservices.Account;
  readonly accountName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly tags: Tags;
  /**
   * Name of the account's default content filter (RAI policy), used by deployments that name none.
   * @default "platform-strict" - the policy `FoundryAccount` creates
   */
  readonly defaultRaiPolicyName?: string;
  /** Resources the first deployment waits for (for example the RAI policy it uses). */
  readonly after?: readonly pulumi.Resource[];
  /**
   * Models the catalog does not hold, with their declared facts (format, deployment types, PTU sizes).
   * @default - none
   */
  readonly customModels?: readonly CustomModelSpec[];
}

/** A registered deployment: the typed resource, or the generic one for routing settings. */
export type DeploymentResource = cognitiveservices.Deployment | resources.Resource;

/**
 * Registers the deployments of one account, chained with `dependsOn` in declaration order
 * (ARM rejects concurrent deployment writes on one account). Each is a child of the account and
 * is named `<componentName>-<deploymentName>`. Call the validation functions first.
 * @internal
 */
export function declareDeployments(
  componentName: string,
  target: DeploymentTarget,
  specs: readonly ModelDeploymentSpec[],
): Record<string, DeploymentResource> {
  const created: Record<string, DeploymentResource> = {};
  let previous: readonly pulumi.Resource[] = target.after ?? [];
  for (const spec of specs) {
    const data = deployedModelOf(
      spec,
      target.defaultRaiPolicyName ?? defaultRaiPolicyName,
      target.customModels,
    );
    const opts: pulumi.CustomResourceOptions = {
      parent: target.account,
      dependsOn: [...previous],
      protect: spec.protect ?? (isDeploymentType(spec.type) && isProvisioned(spec.type)),
    };
    const model = { format: data.format, name: spec.model, version: spec.version };
    const tags = mergeTags(target.tags, spec.tags, costTagsOf(spec));
    const deployment: DeploymentResource = data.routing
      ? new resources.Resource(
          `${componentName}-${data.name}`,
          {
            resourceGroupName: target.resourceGroupName,
            resourceProviderNamespace: "Microsoft.CognitiveServices",
            parentResourcePath: pulumi.interpolate`accounts/${target.accountName}`,
            resourceType: "deployments",
            resourceName: data.name,
            apiVersion: routingApiVersion,
            sku: { name: spec.type, capacity: spec.capacity },
            properties: {
              model,
              versionUpgradeOption: data.versionUpgradeOption,
              raiPolicyName: data.raiPolicyName,
              routing: {
                mode: data.routing.mode,
                ...(data.routing.models
                  ? {
                      models: data.routing.models.map((m) => ({
                        format: m.format,
                        name: m.model,
                        version: m.version,
                      })),
                    }
                  : {}),
              },
            },
            tags,
          },
          opts,
        )
      : new cognitiveservices.Deployment(
          `${componentName}-${data.name}`,
          {
            resourceGroupName: target.resourceGroupName,
            accountName: target.accountName,
            deploymentName: data.name,
            sku: { name: spec.type, capacity: spec.capacity },
            properties: {
              model,
              versionUpgradeOption: data.versionUpgradeOption,
              raiPolicyName: data.raiPolicyName,
              spilloverDeploymentName: data.spillover,
            },
            tags,
          },
          opts,
        );
    created[data.name] = deployment;
    previous = [deployment];
  }
  return created;
}
