/**
 * Pricing one model deployment: provisioned types at the hourly or reservation price of their PTUs,
 * standard and batch types from their expected traffic at catalog token prices (cached input at the
 * cached price, batch at batch prices). What cannot be priced says why; it is never priced at 0.
 */
import {
  DeploymentType,
  familyOf,
  isDeploymentType,
  isProvisioned,
  ptuHourlyUsdFor,
  ptuReservationMonthlyUsdFor,
  tokenPricesFor,
} from "../catalog";
import { ptuLoad } from "./ptu";
import { ParsedTraffic, PtuPricing, ptuPricings, rateOf } from "./traffic";
import { count, hoursPerMonth, minutesPerMonth, tokensPerPriceUnit, unitPrice } from "./units";

/** Kinds of what a plan prices. */
export type CostKind =
  | "provisioned-deployment"
  | "standard-deployment"
  | "batch-deployment"
  | "router-deployment"
  | "api-management"
  | "log-analytics";

/** A monthly figure and how it was computed. */
export interface Priced {
  readonly priced: true;
  readonly kind: CostKind;
  readonly monthlyUsd: number;
  readonly basis: string;
}

/**
 * Something that costs money but cannot be priced here, and why. `kind` is a {@link CostKind} or,
 * for resources outside the cost model, the resource type.
 */
export interface Unpriced {
  readonly priced: false;
  readonly kind: string;
  readonly why: string;
}

export type Pricing = Priced | Unpriced;

/** What pricing a deployment reads from it. */
export interface DeploymentFacts {
  /** Deployment name, for messages. */
  readonly name: string;
  readonly model?: string;
  /** `sku.name`. */
  readonly skuName?: string;
  /** `sku.capacity`: thousands of TPM (standard, batch) or PTUs (provisioned). */
  readonly capacity?: number;
  /** The parsed `expectedTraffic` tag; undefined when the deployment has none. */
  readonly traffic?: ParsedTraffic;
  /** The `ptuPricing` tag as written; undefined when absent (hourly). */
  readonly ptuPricing?: string;
}

const noTrafficWhy =
  "bills per token and declares no expected traffic: set `expectedTraffic` on the deployment or on the gateway teams that call its model";

/** Prices a deployment from its facts. */
export function priceDeployment(d: DeploymentFacts): Pricing {
  if (d.model === "model-router") {
    return {
      priced: false,
      kind: "router-deployment",
      why: "a model router bills the tokens of the model it picks for each prompt (plus a router fee the catalog has no price for); the mix is not known before traffic flows",
    };
  }
  if (d.skuName === undefined || !isDeploymentType(d.skuName)) {
    return {
      priced: false,
      kind: "standard-deployment",
      why: `sku.name ${d.skuName === undefined ? "is not set" : `'${d.skuName}' is not a deployment type the catalog knows`}`,
    };
  }
  const type = d.skuName;
  if (d.model === undefined) {
    return { priced: false, kind: kindOf(type), why: "properties.model.name is not set" };
  }
  return isProvisioned(type) ? priceProvisioned(d, d.model, type) : priceByTokens(d, d.model, type);
}

function kindOf(type: DeploymentType): CostKind {
  const family = familyOf(type);
  return family === "provisioned"
    ? "provisioned-deployment"
    : family === "batch"
      ? "batch-deployment"
      : "standard-deployment";
}

function priceProvisioned(d: DeploymentFacts, model: string, type: DeploymentType): Pricing {
  const kind = kindOf(type);
  const pricing = d.ptuPricing ?? "hourly";
  if (!(ptuPricings as readonly string[]).includes(pricing)) {
    return { priced: false, kind, why: `tag ptuPricing '${pricing}' is neither hourly nor reservation` };
  }
  const ptus = d.capacity;
  if (ptus === undefined || !(ptus > 0)) {
    return { priced: false, kind, why: "sku.capacity (PTUs) is not set" };
  }
  const reservation = (pricing as PtuPricing) === "reservation";
  const price = reservation ? ptuReservationMonthlyUsdFor(model, type) : ptuHourlyUsdFor(model, type);
  if (price === undefined) {
    return {
      priced: false,
      kind,
      why: `the catalog has no ${reservation ? "one-month reservation" : "hourly"} PTU price for ${model} on ${type}; refresh prices with \`npm run prices\``,
    };
  }
  const monthlyUsd = reservation ? ptus * price.value : ptus * price.value * hoursPerMonth;
  const how = reservation
    ? `${ptus} PTU × ${unitPrice(price.value)}/PTU-month (one-month reservation)`
    : `${ptus} PTU × ${unitPrice(price.value)}/PTU-hour × ${hoursPerMonth} h (hourly)`;
  return { priced: true, kind, monthlyUsd, basis: `${how}${loadNote(d, model, type, ptus)}` };
}

/** What the expected traffic does to a provisioned deployment, for its basis. */
function loadNote(d: DeploymentFacts, model: string, type: DeploymentType, ptus: number): string {
  if (!d.traffic?.ok) {
    return "";
  }
  const load = ptuLoad(model, type, ptus, rateOf(d.traffic.traffic));
  if (!load) {
    return "";
  }
  const pct = Math.round(load.utilization * 100);
  return load.spill > 0
    ? `; expected load ${pct}% of capacity: ${Math.round(load.spill * 100)}% of requests overflow`
    : `; expected load ${pct}% of capacity`;
}

function priceByTokens(d: DeploymentFacts, model: string, type: DeploymentType): Pricing {
  const kind = kindOf(type);
  if (!d.traffic) {
    return { priced: false, kind, why: `${type} ${noTrafficWhy}` };
  }
  if (!d.traffic.ok) {
    return { priced: false, kind, why: `tag expectedTraffic cannot be read: ${d.traffic.why}` };
  }
  const prices = tokenPricesFor(model, type);
  if (!prices) {
    return { priced: false, kind, why: `the catalog has no ${type} token prices for ${model}` };
  }
  const t = d.traffic.traffic;
  if (t.requestsPerMinute === 0) {
    return {
      priced: true,
      kind,
      monthlyUsd: 0,
      basis: `no expected requests${d.traffic.from ? ` (${d.traffic.from})` : ""}: a ${type} deployment bills per token and costs nothing idle`,
    };
  }
  const p = prices.value;
  const cachedShare = t.cachedShare ?? 0;
  if (t.outputTokens > 0 && p.output === undefined) {
    return { priced: false, kind, why: `the catalog has no ${type} output-token price for ${model}` };
  }
  const cachedPrice = p.cachedInput ?? p.input;
  const perRequest =
    (t.inputTokens * (1 - cachedShare) * p.input +
      t.inputTokens * cachedShare * cachedPrice +
      t.outputTokens * (p.output ?? 0)) /
    tokensPerPriceUnit;
  const requests = t.requestsPerMinute * minutesPerMonth;
  const priceText = [
    `${unitPrice(p.input)} in`,
    ...(cachedShare > 0
      ? [
          `${unitPrice(cachedPrice)} cached${p.cachedInput === undefined ? " (no cached price: input price)" : ""}`,
        ]
      : []),
    ...(t.outputTokens > 0 ? [`${unitPrice(p.output ?? 0)} out`] : []),
  ].join(", ");
  const request = [
    `${count(t.inputTokens)} in${cachedShare > 0 ? ` (${Math.round(cachedShare * 100)}% cached)` : ""}`,
    ...(t.outputTokens > 0 ? [`${count(t.outputTokens)} out`] : []),
  ].join(" + ");
  const from = d.traffic.from ? ` [traffic: ${d.traffic.from}]` : "";
  return {
    priced: true,
    kind,
    monthlyUsd: requests * perRequest,
    basis: `${count(t.requestsPerMinute)} req/min × ${count(minutesPerMonth)} min × (${request} tokens) at ${model} ${type} prices per 1M tokens (${priceText})${from}`,
  };
}
