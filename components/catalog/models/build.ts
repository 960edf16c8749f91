/**
 * Small builders that keep the model files short. Every value still appears at the call site with
 * the source it comes from.
 */
import { DeploymentType } from "../deployment-types";
import {
  Lifecycle,
  ModelVersion,
  ProvisionedType,
  PtuSizing,
  Source,
  Sourced,
  Successor,
  TokenPrices,
} from "../types";
import { catalogChoice, ptuOnboarding, retailPrices, retirementSchedule } from "./sources";

/** The three provisioned types, for models offered on all of them. */
export const provisionedTypes: readonly ProvisionedType[] = [
  "GlobalProvisionedManaged",
  "DataZoneProvisionedManaged",
  "ProvisionedManaged",
];

export function sourced<T>(value: T, source: Source): Sourced<T> {
  return { value, source };
}

/** The PTU sizing row of a model in the onboarding tables, for the provisioned types it is offered on. */
export function ptuSizes(
  row: {
    /** Global and Data Zone provisioned minimum deployment. */
    readonly globalMin: number;
    /** Global and Data Zone provisioned scale increment. */
    readonly globalStep: number;
    readonly regionalMin: number;
    readonly regionalStep: number;
    readonly inputTpmPerPtu: number;
  },
  offered: readonly ProvisionedType[],
): Partial<Record<ProvisionedType, Sourced<PtuSizing>>> {
  const sizes: Partial<Record<ProvisionedType, Sourced<PtuSizing>>> = {};
  for (const type of offered) {
    const regional = type === "ProvisionedManaged";
    sizes[type] = sourced(
      {
        min: regional ? row.regionalMin : row.globalMin,
        step: regional ? row.regionalStep : row.globalStep,
        inputTpmPerPtu: row.inputTpmPerPtu,
      },
      ptuOnboarding,
    );
  }
  return sizes;
}

/**
 * USD per PTU-hour (hourly billing, East US 2). Provisioned billing is model-independent: the
 * meters differ by deployment type only.
 */
const ptuHourlyUsdByType: Record<ProvisionedType, number> = {
  GlobalProvisionedManaged: 1.0,
  DataZoneProvisionedManaged: 1.1,
  ProvisionedManaged: 2.0,
};

export function ptuHourly(
  offered: readonly ProvisionedType[],
): Partial<Record<ProvisionedType, Sourced<number>>> {
  const prices: Partial<Record<ProvisionedType, Sourced<number>>> = {};
  for (const type of offered) {
    prices[type] = sourced(ptuHourlyUsdByType[type], retailPrices);
  }
  return prices;
}

/** Token prices (USD per 1M tokens) from the retail price list. */
export function tokenPrices(
  prices: Partial<Record<DeploymentType, TokenPrices>>,
): Partial<Record<DeploymentType, Sourced<TokenPrices>>> {
  const out: Partial<Record<DeploymentType, Sourced<TokenPrices>>> = {};
  for (const [type, value] of Object.entries(prices) as [DeploymentType, TokenPrices][]) {
    out[type] = sourced(value, retailPrices);
  }
  return out;
}

/**
 * A version as the retirement schedule lists it: lifecycle stage (Deprecated is `GA` with
 * `deprecated`), retirement date when one is published, and its replacement.
 */
export function scheduled(
  version: string,
  stage: Lifecycle | "Deprecated",
  retirementDate?: string,
  replacement?: Sourced<Successor>,
): ModelVersion {
  return {
    version,
    lifecycle: sourced(stage === "Deprecated" ? "GA" : stage, retirementSchedule),
    ...(retirementDate !== undefined ? { retirementDate: sourced(retirementDate, retirementSchedule) } : {}),
    ...(stage === "Deprecated" ? { deprecated: sourced(true, retirementSchedule) } : {}),
    ...(replacement ? { replacement } : {}),
  };
}

/** A replacement Microsoft publishes (the schedule's Replacement column, or the older retirement table's). */
export function published(model: string, source: Source = retirementSchedule): Sourced<Successor> {
  return sourced({ model, basis: "schedule" }, source);
}

/** The catalog's successor where none is published (see `catalogChoice`). */
export function chosen(model: string): Sourced<Successor> {
  return sourced({ model, basis: "catalog" }, catalogChoice);
}
