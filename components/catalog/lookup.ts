/**
 * Pure lookups over the model catalog. No I/O, no clock: callers pass the date they judge on.
 *
 * Prices and PTU facts are read through the functions below (`tokenPricesFor`, `ptuHourlyUsdFor`,
 * `ptuReservationMonthlyUsdFor`, `outputTokenWeightOf`, `ptuSizing`) rather than from the model
 * data: they lay the refreshed price list (`prices.json`, written by `npm run prices`) over it.
 */
import { DeploymentType, isProvisioned } from "./deployment-types";
import { models } from "./models";
import { overlaySource, PricePoint, priceOverlay, TokenPriceField } from "./price-overlay";
import {
  apimUnitHourlyBySku,
  logAnalyticsIngestionPerGb,
  ptuReservationMonthlyByType,
} from "./service-prices";
import {
  Lifecycle,
  ModelInfo,
  ModelVersion,
  ProvisionedType,
  PtuSizing,
  Sourced,
  Successor,
  TokenPrices,
} from "./types";

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

/** A replacement resolved for a day: the model and version to move to, and how long it serves. */
export interface ResolvedSuccessor extends Successor {
  /** Retirement date of the successor version, when the catalog knows it. */
  readonly retirementDate?: string;
  /** False when the catalog does not hold the successor (its lifecycle is not known here). */
  readonly catalogued: boolean;
}

export type VersionStatus =
  | { readonly status: "unknown-model" }
  | { readonly status: "unknown-version"; readonly known: readonly string[] }
  | {
      readonly status: "retired";
      readonly retirementDate: string;
      /** What to move to, when a replacement is known. */
      readonly successor?: ResolvedSuccessor;
    }
  | {
      readonly status: "active";
      readonly lifecycle: Lifecycle;
      readonly retirementDate?: string;
      /** Whole days from `on` to the retirement date, when one is published. */
      readonly daysToRetirement?: number;
      /** True when the version is deprecated: no new customers, existing deployments serve until retirement. */
      readonly deprecated?: boolean;
      /** What to move to, when a replacement is known. */
      readonly successor?: ResolvedSuccessor;
    };

const dayMs = 24 * 60 * 60 * 1000;

/** Start (00:00 UTC) of an ISO date. */
function dayStart(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** True when a version with this retirement date no longer serves on `on` (retired from 00:00 UTC). */
function retiredOn(retirementDate: string | undefined, on: Date): boolean {
  return retirementDate !== undefined && dayStart(retirementDate) <= on.getTime();
}

/** The version a successor names, or the successor model's latest version. */
function successorVersion(s: Successor): ModelVersion | undefined {
  const info = findModel(s.model);
  if (!info) {
    return undefined;
  }
  return s.version !== undefined
    ? info.versions.find((v) => v.version === s.version)
    : [...info.versions].sort((a, b) => a.version.localeCompare(b.version)).pop();
}

/**
 * What a version should move to on `on`: its recorded replacement, followed further while a
 * replacement has retired by then or retires no later than the version itself (moving there would
 * buy no time). Undefined when no replacement is known. A replacement the catalog does not hold
 * ends the chain (`catalogued: false`).
 */
export function successorOf(model: string, version: string, on: Date): ResolvedSuccessor | undefined {
  const start = findVersion(model, version);
  const floor = start?.retirementDate?.value;
  const seen = new Set<string>([`${model}@${version}`]);
  let next = start?.replacement?.value;
  while (next) {
    const target = successorVersion(next);
    if (!target) {
      return { ...next, catalogued: false };
    }
    const key = `${next.model}@${target.version}`;
    if (seen.has(key)) {
      return undefined;
    }
    seen.add(key);
    const retires = target.retirementDate?.value;
    const buysTime = floor === undefined || retires === undefined || retires > floor;
    if (!retiredOn(retires, on) && buysTime) {
      return {
        model: next.model,
        version: target.version,
        basis: next.basis,
        catalogued: true,
        ...(retires !== undefined ? { retirementDate: retires } : {}),
      };
    }
    next = target.replacement?.value;
  }
  return undefined;
}

/** "gpt-5.4 2026-03-05 (serves until 2027-09-02; the catalog's choice, no replacement is published)". */
export function describeSuccessor(s: ResolvedSuccessor): string {
  const name = s.version !== undefined ? `${s.model} ${s.version}` : s.model;
  const until = s.retirementDate
    ? `serves until ${s.retirementDate}`
    : s.catalogued
      ? "no retirement date published"
      : "not in the catalog";
  const basis =
    s.basis === "schedule"
      ? "Microsoft's published replacement"
      : "the catalog's choice, no replacement is published";
  return `${name} (${until}; ${basis})`;
}

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
  const successor = successorOf(model, version, on);
  const next = successor ? { successor } : {};
  const retirement = v.retirementDate?.value;
  if (retirement !== undefined && retiredOn(retirement, on)) {
    return { status: "retired", retirementDate: retirement, ...next };
  }
  return {
    status: "active",
    lifecycle: v.lifecycle.value,
    ...(retirement !== undefined
      ? {
          retirementDate: retirement,
          // Whole days before 00:00 UTC on the retirement date.
          daysToRetirement: Math.floor((dayStart(retirement) - on.getTime()) / dayMs),
        }
      : {}),
    ...(v.deprecated?.value ? { deprecated: true } : {}),
    ...next,
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
