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
      /** True when the version is deprecated: no new customers, existing deployments serve until retirement. */
      readonly deprecated?: boolean;
    };

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Whether a model version serves on the given date, and for how long it still will. A version is
 * retired from 00:00 UTC on its retirement date.
 */
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
    // Retired from 00:00 UTC on the retirement date; `daysToRetirement` counts whole days before it.
    const untilRetirement = Date.parse(`${retirement}T00:00:00Z`) - on.getTime();
    if (untilRetirement <= 0) {
      return { status: "retired", retirementDate: retirement };
    }
    const days = Math.floor(untilRetirement / dayMs);
    return {
      status: "active",
      lifecycle: v.lifecycle.value,
      retirementDate: retirement,
      daysToRetirement: days,
      ...(v.deprecated?.value ? { deprecated: true } : {}),
    };
  }
  return {
    status: "active",
    lifecycle: v.lifecycle.value,
    ...(v.deprecated?.value ? { deprecated: true } : {}),
  };
}

/** The versions of a model that still serve on the given date, in catalog order. */
export function activeVersions(model: string, on: Date): string[] {
  return (findModel(model)?.versions ?? [])
    .filter((v) => versionStatus(model, v.version, on).status === "active")
    .map((v) => v.version);
}
