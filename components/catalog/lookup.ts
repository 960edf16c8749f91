/**
 * Pure lookups over the model catalog. No I/O, no clock: callers pass the date they judge on.
 */
import { DeploymentType, isProvisioned } from "./deployment-types";
import { models } from "./models";
import { ModelInfo, ModelVersion, ProvisionedType, PtuSizing } from "./types";

const byName = new Map(models.map((m) => [m.name, m]));

/** Every model name in the catalog, sorted. */
export function modelNames(): string[] {
  return [...byName.keys()].sort();
}

export function findModel(name: string): ModelInfo | undefined {
  return byName.get(name);
}

export function findVersion(model: string, version: string): ModelVersion | undefined {
  return findModel(model)?.versions.find((v) => v.version === version);
}

/** PTU sizing of a model for a provisioned type; undefined when not offered or not published. */
export function ptuSizing(model: string, type: DeploymentType): PtuSizing | undefined {
  if (!isProvisioned(type)) {
    return undefined;
  }
  return findModel(model)?.ptu?.[type as ProvisionedType]?.value;
}

export type VersionStatus =
  | { readonly status: "unknown-model" }
  | { readonly status: "unknown-version"; readonly known: readonly string[] }
  | { readonly status: "retired"; readonly retirementDate: string }
  | {
      readonly status: "active";
      readonly lifecycle: "GA" | "Preview";
      readonly retirementDate?: string;
      /** Whole days from `on` to the retirement date, when one is published. */
      readonly daysToRetirement?: number;
    };

const dayMs = 24 * 60 * 60 * 1000;

/** Whether a model version serves on the given date, and for how long it still will. */
export function versionStatus(model: string, version: string, on: Date): VersionStatus {
  const info = findModel(model);
  if (!info) {
    return { status: "unknown-model" };
  }
  const v = info.versions.find((x) => x.version === version);
  if (!v) {
    return { status: "unknown-version", known: info.versions.map((x) => x.version) };
  }
  const retirement = v.retirementDate?.value;
  if (retirement !== undefined) {
    const days = Math.floor((Date.parse(`${retirement}T00:00:00Z`) - on.getTime()) / dayMs);
    if (days < 0) {
      return { status: "retired", retirementDate: retirement };
    }
    return {
      status: "active",
      lifecycle: v.lifecycle.value,
      retirementDate: retirement,
      daysToRetirement: days,
    };
  }
  return { status: "active", lifecycle: v.lifecycle.value };
}
