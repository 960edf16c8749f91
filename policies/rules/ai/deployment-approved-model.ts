import { models } from "../../../components/catalog";
import { aiDeploymentView } from "../../lib/azure";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface ApprovedModelConfig {
  /** Model name → approved versions. */
  readonly approvedModels?: Readonly<Record<string, readonly string[]>>;
  /** Whether a deployment must name its version (prod: true). */
  readonly requireExplicitVersion?: boolean;
}

/** Without an environment list, every model version of the library's catalog is approved. */
function catalogApproved(): Record<string, readonly string[]> {
  return Object.fromEntries(models.map((m) => [m.name, m.versions.map((v) => v.version)]));
}

/** Deployments use only models and versions the environment approved; prod pins the version. */
export const aiDeploymentApprovedModel = resourceRule({
  name: "ai-deployment-approved-model",
  description:
    "Model deployments (including Model Router deployments declared as generic resources) may only use a model name and version from the environment's approved list, so every model in use has passed evaluation and review. Where the environment requires it (prod), the version must be explicit: without one Azure deploys whatever version is the default that day.",
  severity: "high",
  remediationSteps:
    "Deploy a model and version listed in `approvedModels` of this rule in `policies/config/<env>.json` and set `version` on the deployment; to adopt a new model or version, evaluate it and add it to the list in the same pull request.",
  references: {
    azurePolicy: ["aafe3651-cb78-4f68-9f81-e7e41509110f"],
    waf: "Security",
    note: "Judges model name and version; the built-in judges the publisher and asset id of registry models on the data plane.",
  },
  resourceTypes: [types.aiDeployment, types.genericResource],
  configSchema: {
    properties: {
      approvedModels: {
        type: "object",
        description:
          "Approved models: model name → list of approved versions. Default: every model version in the library's model catalog.",
        additionalProperties: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
      },
      requireExplicitVersion: {
        type: "boolean",
        description: "Whether a deployment must state its model version.",
        default: false,
      },
    },
  },
  validate: (props, args, report) => {
    const deployment = aiDeploymentView(args.type, props);
    if (!deployment) {
      return;
    }
    const config = args.getConfig<ApprovedModelConfig>();
    const approved = config.approvedModels ?? catalogApproved();
    const names = Object.keys(approved).sort();
    const model = deployment.modelName;
    if (model === undefined) {
      report(`properties.model.name is not set; approved models: ${names.join(", ") || "none"}.`);
      return;
    }
    const entry = names.find((n) => n.toLowerCase() === model.toLowerCase());
    if (entry === undefined) {
      report(
        `model '${model}' is not approved in this environment; approved models: ${names.join(", ") || "none"}.`,
      );
      return;
    }
    const versions = approved[entry];
    const version = deployment.modelVersion;
    if (version === undefined) {
      if (config.requireExplicitVersion === true) {
        report(
          `model '${model}' has no version: Azure would deploy its current default version, which changes without review. Pin one of: ${versions.join(", ")}.`,
        );
      }
      return;
    }
    if (!versions.includes(version)) {
      report(
        `version '${version}' of model '${model}' is not approved in this environment; approved versions: ${versions.join(", ")}.`,
      );
    }
  },
});
