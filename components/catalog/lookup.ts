/**
 * Pure lookups over the model catalog. No I/O, no clock: callers pass the date they judge on.
 */
import { DeploymentType, isProvisioned } from "./deployment-types";
import { models } from "./models";
import { overlaySource, PricePoint, priceOverlay, TokenPriceField } from "./price-overlay";
import {
  apimUnitHourlyBySku,
  logAnalyticsIngestionPerGb,
  ptuReservationMonthlyByType,
} from "./service-prices";
import { ModelInfo, ModelVersion, ProvisionedType, PtuSizing, Sourced, TokenPrices } from "./types";

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

// ── Prices: the model files' values with the refreshed overlay (`prices.json`) on top ─────────────

/** A refreshed value where the overlay has one, else the catalog's own. */
function withOverlay(
  own: Sourced<number> | undefined,
  point: PricePoint | undefined,
): Sourced<number> | undefined {
  return point ? { value: point.usd, source: overlaySource([point]) } : own;
}

/**
 * USD per 1M tokens of a model on a deployment type (input, and cached input and output where
 * published); undefined when neither the model file nor the overlay has an input price.
 */
export function tokenPricesFor(model: string, type: DeploymentType): Sourced<TokenPrices> | undefined {
  const own = findModel(model)?.prices?.[type];
  const fresh = priceOverlay.tokens[model]?.[type] ?? {};
  const points = Object.values(fresh).filter((p): p is PricePoint => p !== undefined);
  if (points.length === 0) {
    return own;
  }
  const field = (f: TokenPriceField) => fresh[f]?.usd ?? own?.value[f];
  const input = field("input");
  if (input === undefined) {
    return undefined;
  }
  const cachedInput = field("cachedInput");
  const output = field("output");
  return {
    value: {
      input,
      ...(cachedInput !== undefined ? { cachedInput } : {}),
      ...(output !== undefined ? { output } : {}),
    },
    source: overlaySource(points),
  };
}

/** True when the model is offered on the provisioned type `type` (the catalog has its PTU sizing). */
function offersProvisioned(model: string, type: DeploymentType): type is ProvisionedType {
  return isProvisioned(type) && findModel(model)?.ptu?.[type as ProvisionedType] !== undefined;
}

/** USD per PTU-hour of a model on a provisioned type (billing is model-independent); undefined when not offered. */
export function ptuHourlyUsdFor(model: string, type: DeploymentType): Sourced<number> | undefined {
  if (!offersProvisioned(model, type)) {
    return undefined;
  }
  return withOverlay(findModel(model)?.ptuHourlyUsd?.[type], priceOverlay.provisioned[type]?.hourly);
}

/** USD per PTU per month with a one-month reservation; undefined when not offered or not in the catalog. */
export function ptuReservationMonthlyUsdFor(
  model: string,
  type: DeploymentType,
): Sourced<number> | undefined {
  if (!offersProvisioned(model, type)) {
    return undefined;
  }
  const own = findModel(model)?.ptuReservationMonthlyUsd?.[type] ?? ptuReservationMonthlyByType[type];
  return withOverlay(own, priceOverlay.provisioned[type]?.reservationMonthly);
}

/** How many input tokens one output token counts as against PTU capacity. */
export function outputTokenWeightOf(model: string): number | undefined {
  return findModel(model)?.outputTokenWeight?.value;
}

const standardTypeOfProvisioned: Record<ProvisionedType, DeploymentType> = {
  GlobalProvisionedManaged: "GlobalStandard",
  DataZoneProvisionedManaged: "DataZoneStandard",
  ProvisionedManaged: "Standard",
};

/** The pay-as-you-go type with the data scope of a provisioned type (Global → GlobalStandard, ...). */
export function standardTypeFor(type: ProvisionedType): DeploymentType {
  return standardTypeOfProvisioned[type];
}

/** USD per unit-hour of an API Management tier; undefined for tiers the catalog does not price. */
export function apimUnitHourlyUsd(sku: string): Sourced<number> | undefined {
  return withOverlay(apimUnitHourlyBySku[sku], priceOverlay.apimUnitHourly[sku]);
}

/** USD per GB of Log Analytics (Analytics logs) ingestion. */
export function logAnalyticsUsdPerGb(): Sourced<number> {
  return (
    withOverlay(logAnalyticsIngestionPerGb, priceOverlay.logAnalyticsPerGb) ?? logAnalyticsIngestionPerGb
  );
}
