/**
 * Models the catalog does not hold: a fine-tuned or custom model, a partner model of Azure
 * Marketplace, or a model released after the catalog was last updated. The platform team declares
 * the facts the checks need (format, deployment types, PTU sizes for provisioned types); the
 * deployment then plans with an advisory finding that its facts are declared, not sourced.
 */
import { DeploymentType, deploymentTypes, isDeploymentType, isProvisioned } from "./deployment-types";
import { findModel } from "./lookup";
import { Capability, ProvisionedType, PtuSizing } from "./types";

/** A model the catalog does not hold, with the facts the checks need. */
export interface CustomModelSpec {
  /** Model name as deployments spell it (`properties.model.name`); must not be a catalog model. */
  readonly name: string;
  /**
   * Model format (`properties.model.format`): `OpenAI` for Azure OpenAI and fine-tuned models, the
   * publisher otherwise (`DeepSeek`, `Meta`, `Microsoft`, `Mistral AI`, `xAI`, `Cohere`, ...).
   */
  readonly format: string;
  /**
   * Versions a deployment may pin.
   * @default - any version (versions are not checked)
   */
  readonly versions?: string[];
  /** Deployment types (SKU names) the model is offered on. */
  readonly deploymentTypes: DeploymentType[];
  /**
   * PTU sizing per provisioned type: required for every provisioned type in `deploymentTypes`.
   * @default - none (no provisioned type may be listed)
   */
  readonly ptu?: CustomModelPtu;
  /**
   * What the model can do (chat, embeddings, ...); the gateway reads `embeddings`.
   * @default - none declared
   */
  readonly capabilities?: Capability[];
  /**
   * Retirement date (YYYY-MM-DD) when the publisher states one, for the lifecycle report.
   * @default - none known
   */
  readonly retirementDate?: string;
  /**
   * Where the facts come from: a URL or a note.
   * @default - "declared by the platform team"
   */
  readonly source?: string;
}

/** PTU sizing of a custom model, per provisioned deployment type it is offered on. */
export interface CustomModelPtu {
  /**
   * Sizing of `GlobalProvisionedManaged` deployments.
   * @default - none: required when the type is listed
   */
  readonly GlobalProvisionedManaged?: PtuSizing;
  /**
   * Sizing of `DataZoneProvisionedManaged` deployments.
   * @default - none: required when the type is listed
   */
  readonly DataZoneProvisionedManaged?: PtuSizing;
  /**
   * Sizing of `ProvisionedManaged` (regional) deployments.
   * @default - none: required when the type is listed
   */
  readonly ProvisionedManaged?: PtuSizing;
}

/** One problem with the custom model declarations, at a path relative to the list. */
export interface CustomModelProblem {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  readonly message: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Everything wrong with a list of custom model declarations. */
export function customModelProblems(specs: readonly CustomModelSpec[]): CustomModelProblem[] {
  const problems: CustomModelProblem[] = [];
  const seen = new Map<string, number>();
  specs.forEach((m, i) => {
    const at = (...path: (string | number)[]) => [i, ...path];
    if (findModel(m.name)) {
      problems.push({
        path: at("name"),
        value: m.name,
        message:
          "is a model in the catalog already; deploy it directly (a version the catalog lacks needs a catalog update)",
      });
    }
    const first = seen.get(m.name);
    if (first !== undefined) {
      problems.push({
        path: at("name"),
        value: m.name,
        message: `declared twice; customModels[${first}] already declares it`,
      });
    }
    seen.set(m.name, i);
    if (m.deploymentTypes.length === 0) {
      problems.push({
        path: at("deploymentTypes"),
        value: m.deploymentTypes,
        message: `list at least one deployment type; known: ${deploymentTypes.join(", ")}`,
      });
    }
    m.deploymentTypes.forEach((type, j) => {
      if (!isDeploymentType(type)) {
        problems.push({
          path: at("deploymentTypes", j),
          value: type,
          message: `not a deployment type; known: ${deploymentTypes.join(", ")}`,
        });
      } else if (isProvisioned(type) && !m.ptu?.[type as ProvisionedType]) {
        problems.push({
          path: at("ptu", type),
          value: undefined,
          message: `required: ${type} is listed, so give its PTU sizing { min, step } from the publisher`,
        });
      }
    });
    for (const [type, sizing] of Object.entries(m.ptu ?? {}) as [ProvisionedType, PtuSizing][]) {
      if (!m.deploymentTypes.includes(type)) {
        problems.push({
          path: at("ptu", type),
          value: sizing,
          message: `${type} is not in deploymentTypes; add it there or remove this sizing`,
        });
      }
      for (const key of ["min", "step"] as const) {
        if (!(Number.isInteger(sizing[key]) && sizing[key] >= 1)) {
          problems.push({
            path: at("ptu", type, key),
            value: sizing[key],
            message: "must be a whole number of PTUs, at least 1",
          });
        }
      }
    }
    if (
      m.retirementDate !== undefined &&
      !(isoDate.test(m.retirementDate) && !Number.isNaN(Date.parse(m.retirementDate)))
    ) {
      problems.push({
        path: at("retirementDate"),
        value: m.retirementDate,
        message: "must be a date YYYY-MM-DD",
      });
    }
  });
  return problems;
}

/** The custom model of a name, if declared. */
export function findCustomModel(
  custom: readonly CustomModelSpec[] | undefined,
  name: string,
): CustomModelSpec | undefined {
  return custom?.find((m) => m.name === name);
}
