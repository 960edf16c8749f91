/**
 * Checks a model deployment against the catalog: known model and version, version still serving on
 * a given date, deployment type offered, PTU capacity on the model's size grid, and model-router
 * routing settings. Pure: the caller passes the date it judges on; nothing here reads the clock.
 *
 * Both the `FoundryAccount` component and the stack config schema use it, so a mistake reads the
 * same in `pulumi up`, in the offline plan and in a unit test.
 */
import { CustomModelSpec, findCustomModel } from "./custom";
import { DeploymentType, deploymentTypes, isDeploymentType, isProvisioned } from "./deployment-types";
import {
  activeVersions,
  describeSuccessor,
  findModel,
  modelNames,
  ptuSizing,
  ResolvedSuccessor,
  versionStatus,
} from "./lookup";
import { ModelVersion, ProvisionedType, PtuSizing, RoutableModel } from "./types";

/** Name of the model-router model. */
export const modelRouterName = "model-router";

/**
 * Routing modes of a model-router deployment (`properties.routing.mode`).
 * @enum
 */
export const RoutingMode = { balanced: "balanced", cost: "cost", quality: "quality" } as const;
export type RoutingMode = (typeof RoutingMode)[keyof typeof RoutingMode];
/** Every `RoutingMode` value. */
export const routingModes: readonly RoutingMode[] = Object.values(RoutingMode);

/** Days before a retirement from which a deployment of the version gets a warning. */
export const retirementWarningDays = 90;

/** What the catalog needs to know about a deployment. */
export interface CatalogDeploymentSpec {
  readonly model: string;
  readonly version?: string;
  readonly type: string;
  readonly capacity: number;
  readonly routing?: {
    readonly mode?: string;
    readonly models?: readonly { readonly model: string; readonly version: string }[];
  };
}

/** One thing wrong (error) or worth knowing (warning) about a deployment. */
export interface CatalogProblem {
  /** Where, relative to the deployment: `["version"]`, `["routing", "models", 1]`, ... */
  readonly path: readonly (string | number)[];
  /** The value at `path` that is wrong. */
  readonly value: unknown;
  /** What is wrong and what is allowed instead. */
  readonly message: string;
  readonly severity: "error" | "warning";
}

function error(path: readonly (string | number)[], value: unknown, message: string): CatalogProblem {
  return { path, value, message, severity: "error" };
}

function warning(path: readonly (string | number)[], value: unknown, message: string): CatalogProblem {
  return { path, value, message, severity: "warning" };
}

/**
 * The sizes a provisioned deployment may take: `min`, then `min + step`, `min + 2 × step`, ...
 * (for every model in the catalog the minimum is itself a multiple of the step).
 */
export function ptuSizeProblem(capacity: number, sizing: PtuSizing): string | undefined {
  const grid = `allowed: ${sizing.min}, ${sizing.min + sizing.step}, ${sizing.min + 2 * sizing.step}, … (steps of ${sizing.step} from ${sizing.min})`;
  if (capacity < sizing.min) {
    return `below the minimum of ${sizing.min} PTUs; ${grid}`;
  }
  const offset = (capacity - sizing.min) % sizing.step;
  if (offset !== 0) {
    const below = capacity - offset;
    return `not a deployable size; ${grid}; nearest: ${below} or ${below + sizing.step}`;
  }
  return undefined;
}

function lastRetirement(versions: readonly ModelVersion[]): string | undefined {
  return versions
    .map((v) => v.retirementDate?.value)
    .filter((d): d is string => d !== undefined)
    .sort()
    .pop();
}

/** "; move to gpt-5.4 2026-03-05 (...)", or the fallback advice when no successor is known. */
function moveTo(successor: ResolvedSuccessor | undefined, fallback?: string): string {
  if (successor) {
    return `; successor: ${describeSuccessor(successor)}`;
  }
  return fallback ? `; ${fallback}` : "";
}

function versionProblems(spec: CatalogDeploymentSpec, on: Date): CatalogProblem[] {
  const info = findModel(spec.model);
  if (!info) {
    return [];
  }
  const problems: CatalogProblem[] = [];
  if (spec.version === undefined) {
    if (activeVersions(spec.model, on).length === 0) {
      problems.push(
        warning(
          ["model"],
          spec.model,
          `every catalog version of ${spec.model} has retired (the last on ${lastRetirement(info.versions) ?? "an unpublished date"}); deploy another model`,
        ),
      );
    }
    return problems;
  }
  const status = versionStatus(spec.model, spec.version, on);
  switch (status.status) {
    case "unknown-version":
      problems.push(
        error(
          ["version"],
          spec.version,
          `not a known version of ${spec.model}; known: ${status.known.join(", ")}`,
        ),
      );
      break;
    case "retired": {
      // A warning, not an error: the plan completes and the mandatory lifecycle rule of the policy
      // pack blocks it, in every report, naming the successor.
      const active = activeVersions(spec.model, on);
      problems.push(
        warning(
          ["version"],
          spec.version,
          `${spec.model} version ${spec.version} retired on ${status.retirementDate} and no longer serves; ${
            status.successor
              ? `move to ${describeSuccessor(status.successor)}`
              : active.length > 0
                ? `use one of: ${active.join(", ")}`
                : `no version of ${spec.model} still serves and no replacement is known: deploy another model`
          }`,
        ),
      );
      break;
    }
    case "active":
      if (status.deprecated) {
        problems.push(
          warning(
            ["version"],
            spec.version,
            `${spec.model} version ${spec.version} is deprecated: only subscriptions that already deploy it can create new deployments${status.retirementDate ? `, until it retires on ${status.retirementDate}` : ""}${moveTo(status.successor)}`,
          ),
        );
      } else if (status.daysToRetirement !== undefined && status.daysToRetirement <= retirementWarningDays) {
        problems.push(
          warning(
            ["version"],
            spec.version,
            `${spec.model} version ${spec.version} retires on ${status.retirementDate} (in ${status.daysToRetirement} days)${moveTo(status.successor, "plan the move to a newer version or model")}`,
          ),
        );
      } else if (status.lifecycle === "Legacy") {
        problems.push(
          warning(
            ["version"],
            spec.version,
            `${spec.model} version ${spec.version} is Legacy: newer models exist${status.retirementDate ? ` and it retires on ${status.retirementDate}` : ""}${moveTo(status.successor, "plan the move to a newer model")}`,
          ),
        );
      }
      break;
    default:
      break;
  }
  return problems;
}

function typeProblems(spec: CatalogDeploymentSpec): CatalogProblem[] {
  if (!isDeploymentType(spec.type)) {
    return [error(["type"], spec.type, `not a deployment type; known: ${deploymentTypes.join(", ")}`)];
  }
  const info = findModel(spec.model);
  if (!info) {
    return [];
  }
  const offered = info.deploymentTypes.value;
  if (!offered.includes(spec.type)) {
    return [
      error(
        ["type"],
        spec.type,
        `${spec.model} is not offered as ${spec.type}; offered: ${offered.join(", ")}`,
      ),
    ];
  }
  if (isProvisioned(spec.type)) {
    const sizing = ptuSizing(spec.model, spec.type);
    if (!sizing) {
      // Fail closed, but do not refuse: Azure offers the type, Learn publishes no minimum or step.
      return [
        warning(
          ["capacity"],
          spec.capacity,
          `${spec.model} as ${spec.type}: no PTU sizing is published for this model, so ${spec.capacity} PTUs is not checked against Azure's minimum and step; confirm it in the Foundry portal's capacity calculator`,
        ),
      ];
    }
    const problem = Number.isInteger(spec.capacity) ? ptuSizeProblem(spec.capacity, sizing) : undefined;
    if (problem) {
      return [error(["capacity"], spec.capacity, `${spec.model} as ${spec.type}: ${problem}`)];
    }
  }
  return [];
}

function sameRoute(a: RoutableModel, model: string, version: string): boolean {
  return a.name === model && a.version === version;
}

function routingProblems(spec: CatalogDeploymentSpec, on: Date): CatalogProblem[] {
  const routing = spec.routing;
  if (!routing) {
    return [];
  }
  if (spec.model !== modelRouterName) {
    return [
      error(
        ["routing"],
        routing,
        `only ${modelRouterName} deployments take routing settings; remove 'routing' or deploy ${modelRouterName}`,
      ),
    ];
  }
  const info = findModel(modelRouterName);
  const configurable = (info?.versions ?? []).filter((v) => v.routingConfigurable?.value);
  const names = configurable.map((v) => v.version).join(", ");
  if (spec.version === undefined) {
    return [
      error(
        ["version"],
        undefined,
        `set the ${modelRouterName} version: routing settings need a version that takes them (${names})`,
      ),
    ];
  }
  const version = info?.versions.find((v) => v.version === spec.version);
  if (!version) {
    return []; // reported as an unknown version
  }
  const problems: CatalogProblem[] = [];
  if (!version.routingConfigurable?.value) {
    problems.push(
      error(
        ["routing"],
        routing,
        `${modelRouterName} version ${spec.version} takes no routing settings; use version ${names}, or remove 'routing'`,
      ),
    );
    return problems;
  }
  if (routing.mode !== undefined && !(routingModes as readonly string[]).includes(routing.mode)) {
    problems.push(
      error(["routing", "mode"], routing.mode, `not a routing mode; allowed: ${routingModes.join(" | ")}`),
    );
  }
  const routes = version.routes?.value ?? [];
  if (routing.models !== undefined && routing.models.length === 0) {
    problems.push(
      error(
        ["routing", "models"],
        routing.models,
        "an empty model subset routes nowhere; list at least one model (two or more keep failover), or leave 'models' out to route across all",
      ),
    );
  }
  (routing.models ?? []).forEach((m, i) => {
    if (!routes.some((r) => sameRoute(r, m.model, m.version))) {
      problems.push(
        error(
          ["routing", "models", i],
          `${m.model} ${m.version}`,
          `not a model ${modelRouterName} ${spec.version} routes to; allowed: ${routes.map((r) => `${r.name} ${r.version}`).join(", ")}`,
        ),
      );
      return;
    }
    const status = versionStatus(m.model, m.version, on);
    if (status.status === "retired") {
      // A warning: a config that was valid does not turn invalid on a retirement day; the
      // lifecycle report lists it with the successor.
      problems.push(
        warning(
          ["routing", "models", i],
          `${m.model} ${m.version}`,
          `${m.model} version ${m.version} retired on ${status.retirementDate}; remove it from the subset${moveTo(status.successor)}`,
        ),
      );
    }
  });
  return problems;
}

/**
 * Everything the catalog says is wrong with (errors) or worth knowing about (warnings) one
 * deployment, judged on `on`. An unknown model stops the other checks.
 */
export function catalogProblems(
  spec: CatalogDeploymentSpec,
  on: Date,
  customModels?: readonly CustomModelSpec[],
): CatalogProblem[] {
  if (!findModel(spec.model)) {
    const custom = findCustomModel(customModels, spec.model);
    if (custom) {
      return customDeploymentProblems(spec, custom);
    }
    return [
      error(
        ["model"],
        spec.model,
        `not a model in the catalog; known: ${modelNames().join(", ")}. To deploy a model the catalog does not hold (fine-tuned, partner, or newer than the catalog), declare it under customModels with its format, deployment types and PTU sizes`,
      ),
    ];
  }
  return [...versionProblems(spec, on), ...typeProblems(spec), ...routingProblems(spec, on)];
}

/** A deployment of a declared custom model: version, type and PTU size against the declaration. */
function customDeploymentProblems(spec: CatalogDeploymentSpec, custom: CustomModelSpec): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (spec.version !== undefined && custom.versions && !custom.versions.includes(spec.version)) {
    problems.push(
      error(
        ["version"],
        spec.version,
        `not a declared version of custom model ${spec.model}; declared: ${custom.versions.join(", ")}`,
      ),
    );
  }
  if (spec.routing) {
    problems.push(
      error(
        ["routing"],
        spec.routing,
        `only ${modelRouterName} deployments take routing settings; remove 'routing'`,
      ),
    );
  }
  if (!isDeploymentType(spec.type)) {
    problems.push(error(["type"], spec.type, `not a deployment type; known: ${deploymentTypes.join(", ")}`));
    return problems;
  }
  if (!custom.deploymentTypes.includes(spec.type)) {
    problems.push(
      error(
        ["type"],
        spec.type,
        `custom model ${spec.model} is declared for ${custom.deploymentTypes.join(", ")} only; add ${spec.type} to its deploymentTypes if the publisher offers it`,
      ),
    );
    return problems;
  }
  const sizing = isProvisioned(spec.type) ? custom.ptu?.[spec.type as ProvisionedType] : undefined;
  const problem =
    sizing && Number.isInteger(spec.capacity) ? ptuSizeProblem(spec.capacity, sizing) : undefined;
  if (problem) {
    problems.push(error(["capacity"], spec.capacity, `${spec.model} as ${spec.type}: ${problem}`));
  }
  problems.push(
    warning(
      ["model"],
      spec.model,
      `${spec.model} is a custom model (format ${custom.format}): its lifecycle, prices and PTU facts are declared in customModels (${custom.source ?? "declared by the platform team"}), not sourced from Microsoft's published tables`,
    ),
  );
  return problems;
}

/** The model format a deployment of `model` uses: the catalog's, a custom model's, else `OpenAI`. */
export function modelFormatOf(model: string, customModels?: readonly CustomModelSpec[]): string {
  return findModel(model)?.format ?? findCustomModel(customModels, model)?.format ?? "OpenAI";
}

/** PTU sizing of a model on a type: the catalog's, else a custom model's declaration. */
export function ptuSizingOf(
  model: string,
  type: DeploymentType,
  customModels?: readonly CustomModelSpec[],
): PtuSizing | undefined {
  return (
    ptuSizing(model, type) ??
    (isProvisioned(type) ? findCustomModel(customModels, model)?.ptu?.[type as ProvisionedType] : undefined)
  );
}
