/**
 * What a contract's traffic costs on one model and deployment type, from the cost model
 * (`components/cost`): pay-as-you-go and batch types priced like a plan prices a deployment
 * (`priceDeployment`), provisioned types sized by the PTU planner (`sizePtu`) with the overflow on
 * the pay-as-you-go twin. Also the capacity each derived deployment needs.
 *
 * - The asynchronous share goes to a batch type of the same model (batch prices: Learn, "Getting
 *   started with Azure OpenAI batch deployments": 24-hour target, 50% less than Global Standard,
 *   https://learn.microsoft.com/azure/foundry/openai/how-to/batch) when one is offered within the
 *   residency; otherwise it stays on the synchronous type.
 * - `repeatShare` is priced as prompt-cache hits (cached-input price) when the average prompt has at
 *   least 1,024 tokens and the catalog lists a cached-input price for the type (Learn, "Prompt
 *   caching": 1,024 identical leading tokens, on by default,
 *   https://learn.microsoft.com/azure/foundry/openai/how-to/prompt-caching). On provisioned types
 *   cached tokens do not count against capacity (Learn, "Provisioned throughput unit (PTU) costs and
 *   billing": deducted 100% from utilization,
 *   https://learn.microsoft.com/azure/foundry/openai/how-to/provisioned-throughput-onboarding).
 * - A batch deployment's capacity is its enqueued-token limit: the input tokens of jobs queued at
 *   once (Learn, batch "Batch quota"); the selector sizes it for one day of the asynchronous share.
 */
import {
  DataScope,
  dataScopeOf,
  DeploymentType,
  familyOf,
  isProvisioned,
  ModelInfo,
  ProvisionedType,
  standardTypeFor,
  tokenPricesFor,
} from "../catalog";
import { priceDeployment } from "../cost/deployment";
import { sizePtu, SizingResult, weightedDemand } from "../cost/planner";
import { plannerFacts } from "../cost/sizing-facts";
import { ExpectedTraffic, PtuPricing } from "../cost/traffic";
import { count, usd } from "../cost/units";
import { ResolvedTraffic } from "./contract";
import { dayOfDemand } from "./demand";
import { EnvironmentLimits, scopeWidth } from "./requirements";

/** Minutes in a day: a batch deployment enqueues one day of the asynchronous share. */
const minutesPerDay = 1440;

/** Smallest prompt prompt caching applies to (Learn, "Prompt caching"). */
export const promptCacheMinTokens = 1024;

/** A deployment the candidate needs, sized and priced. */
export interface PricedPart {
  readonly model: string;
  readonly type: DeploymentType;
  /** `sku.capacity`: thousands of TPM (standard), PTUs (provisioned), thousands of enqueued tokens (batch). */
  readonly capacity: number;
  /** The traffic the deployment receives (averaged over the month). */
  readonly traffic: ExpectedTraffic;
  readonly monthlyUsd: number;
  /** How the figure was computed. */
  readonly basis: string;
}

/** A provisioned part: its PTUs, pricing and the pay-as-you-go deployment its overflow spills to. */
export interface ProvisionedPart extends PricedPart {
  readonly pricing: PtuPricing;
  readonly spillover: { readonly type: DeploymentType; readonly capacity: number };
}

/** Why a type cannot serve the contract; several may hold. */
export type Priced<T> =
  { readonly ok: true; readonly part: T } | { readonly ok: false; readonly why: string[] };

/** The shares of a contract's traffic by where they run. */
export interface Split {
  /** Requests per minute on the synchronous type. */
  readonly syncRpm: number;
  /**
   * The batch part of the asynchronous share, when it has one.
   * @default - none: no asynchronous share, or no batch type takes it
   */
  readonly batch?: PricedPart;
  /**
   * Why the asynchronous share stays on the synchronous type, when it does.
   * @default - none
   */
  readonly note?: string;
}

function ceilK(tokensPerMinute: number): number {
  return Math.max(1, Math.ceil(tokensPerMinute / 1000 - 1e-9));
}

/** Share of input tokens billed at the cached price on `type`. */
export function cachedShareOn(model: string, type: DeploymentType, t: ResolvedTraffic): number {
  const prices = tokenPricesFor(model, type)?.value;
  return t.repeatShare > 0 && t.avgInputTokens >= promptCacheMinTokens && prices?.cachedInput !== undefined
    ? t.repeatShare
    : 0;
}

/** Why repeats are or are not priced as cache hits on `type`, for reasons. */
export function cacheNote(model: string, type: DeploymentType, t: ResolvedTraffic): string | undefined {
  if (t.repeatShare <= 0) {
    return undefined;
  }
  const pct = `${Math.round(t.repeatShare * 100)}%`;
  if (t.avgInputTokens < promptCacheMinTokens) {
    return `repeats (${pct}) not priced as prompt-cache hits: prompts average under ${count(promptCacheMinTokens)} tokens`;
  }
  const priced = isProvisioned(type) ? standardTypeFor(type as ProvisionedType) : type;
  if (cachedShareOn(model, priced, t) === 0) {
    return `repeats (${pct}) not discounted: the catalog has no cached-input price for ${model} on ${priced}`;
  }
  return isProvisioned(type)
    ? `repeats (${pct}) as prompt-cache hits: cached input tokens do not load the PTUs and spill at the cached-input price`
    : `repeats (${pct}) priced as prompt-cache hits at the cached-input price`;
}

/** Tokens-per-minute capacity (thousands) that serves `rpm` at the contract's peak. */
export function peakCapacity(rpm: number, t: ResolvedTraffic): number {
  return ceilK(rpm * t.peakToAverage * (t.avgInputTokens + t.avgOutputTokens));
}

function trafficAt(rpm: number, t: ResolvedTraffic, cachedShare: number): ExpectedTraffic {
  return {
    requestsPerMinute: rpm,
    inputTokens: t.avgInputTokens,
    outputTokens: t.avgOutputTokens,
    ...(cachedShare > 0 ? { cachedShare } : {}),
  };
}

/** Prices `rpm` of the contract's traffic on a pay-as-you-go or batch type. */
function priceTokens(
  name: string,
  model: string,
  type: DeploymentType,
  rpm: number,
  t: ResolvedTraffic,
): Priced<Omit<PricedPart, "capacity">> {
  const traffic = trafficAt(rpm, t, cachedShareOn(model, type, t));
  const p = priceDeployment({
    name,
    model,
    skuName: type,
    traffic: { ok: true, traffic, from: "" },
  });
  if (!p.priced) {
    return { ok: false, why: [`cannot be priced: ${p.why}`] };
  }
  return { ok: true, part: { model, type, traffic, monthlyUsd: p.monthlyUsd, basis: p.basis } };
}

/** A batch deployment for `rpm` of the contract's traffic: enqueues one day of its input tokens. */
export function priceBatch(
  name: string,
  model: string,
  type: DeploymentType,
  rpm: number,
  t: ResolvedTraffic,
): Priced<PricedPart> {
  const priced = priceTokens(name, model, type, rpm, t);
  if (!priced.ok) {
    return priced;
  }
  return { ok: true, part: { ...priced.part, capacity: ceilK(rpm * minutesPerDay * t.avgInputTokens) } };
}

function capProblem(capacity: number, limits: EnvironmentLimits, what: string): string | undefined {
  const max = limits.maxStandardCapacity;
  return max !== undefined && capacity > max
    ? `${what} needs ${count(capacity)}K TPM at the peak; ${limits.source ?? "the environment"} caps a standard deployment at ${count(max)}K (cost-deployment-standard-capacity)`
    : undefined;
}

/** `rpm` of the contract's traffic on a pay-as-you-go type, sized for the peak. */
export function priceStandard(
  name: string,
  model: string,
  type: DeploymentType,
  rpm: number,
  t: ResolvedTraffic,
  limits: EnvironmentLimits,
): Priced<PricedPart> {
  const priced = priceTokens(name, model, type, rpm, t);
  const capacity = peakCapacity(rpm, t);
  const why = [
    ...(priced.ok ? [] : priced.why),
    ...[capProblem(capacity, limits, type)].filter((w) => w !== undefined),
  ];
  if (!priced.ok || why.length > 0) {
    return { ok: false, why };
  }
  return { ok: true, part: { ...priced.part, capacity } };
}

/**
 * The batch type that takes the asynchronous share of `model`: offered, within the residency, priced;
 * the one with the same scope as `syncType` first, then narrower ones.
 */
export function batchTypeFor(
  info: ModelInfo,
  syncType: DeploymentType,
  residency: DataScope,
): DeploymentType | undefined {
  const scope = dataScopeOf(syncType);
  return info.deploymentTypes.value
    .filter((type) => familyOf(type) === "batch" && scopeWidth[dataScopeOf(type)] <= scopeWidth[residency])
    .filter((type) => tokenPricesFor(info.name, type) !== undefined)
    .sort(
      (a, b) =>
        Number(dataScopeOf(b) === scope) - Number(dataScopeOf(a) === scope) ||
        scopeWidth[dataScopeOf(b)] - scopeWidth[dataScopeOf(a)] ||
        a.localeCompare(b),
    )[0];
}

/** How the contract's requests split between the synchronous type and a batch deployment. */
export function splitTraffic(
  name: string,
  info: ModelInfo,
  syncType: DeploymentType,
  t: ResolvedTraffic,
  residency: DataScope,
  batchAllowed: boolean,
): Split {
  const asyncRpm = t.requestsPerMinute * t.asyncShare;
  if (asyncRpm <= 0 || familyOf(syncType) === "batch") {
    return { syncRpm: familyOf(syncType) === "batch" ? t.requestsPerMinute : t.requestsPerMinute - asyncRpm };
  }
  const type = batchAllowed ? batchTypeFor(info, syncType, residency) : undefined;
  const batch = type ? priceBatch(`${name}-batch`, info.name, type, asyncRpm, t) : undefined;
  if (!batch?.ok) {
    const why = !batchAllowed
      ? "longContext prompts do not go to batch"
      : `${info.name} has no priced batch type within ${residency} residency`;
    return {
      syncRpm: t.requestsPerMinute,
      note: `the asynchronous share (${Math.round(t.asyncShare * 100)}%) runs on ${syncType}: ${why}`,
    };
  }
  return { syncRpm: t.requestsPerMinute - asyncRpm, batch: batch.part };
}

/** The cost of the smallest PTU size the planner considered, for the break-even reason. */
function smallestPtu(result: SizingResult): SizingResult["candidates"][number] | undefined {
  return result.candidates.find((c) => c.ptu > 0);
}

/**
 * `rpm` of the contract's traffic on a provisioned type: the planner's cost-optimal PTUs over the
 * contract's day (`dayOfDemand`), the overflow on the pay-as-you-go twin. Fails below the break-even
 * (no PTU size beats all pay-as-you-go) and beyond the environment's PTUs.
 */
export function priceProvisioned(
  info: ModelInfo,
  type: ProvisionedType,
  rpm: number,
  t: ResolvedTraffic,
  limits: EnvironmentLimits,
): Priced<ProvisionedPart> {
  const source = limits.source ?? "the environment";
  if (limits.maxPtu !== undefined && limits.maxPtu <= 0) {
    return {
      ok: false,
      why: [`${source} allows no more provisioned throughput (cost-stack-ptu-total)`],
    };
  }
  const twin = standardTypeFor(type);
  if (!info.deploymentTypes.value.includes(twin)) {
    return { ok: false, why: [`its spillover type ${twin} is not offered for ${info.name}`] };
  }
  const f = plannerFacts(info.name, type);
  const pricing: PtuPricing = f.ptuReservationMonthlyUsd !== undefined ? "reservation" : "hourly";
  const missing = [
    ...(f.min === undefined || f.step === undefined ? ["PTU sizing (minimum and step)"] : []),
    ...(f.inputTpmPerPtu === undefined ? ["input TPM per PTU"] : []),
    ...(f.outputWeight === undefined ? ["output-token weight"] : []),
    ...(f.ptuHourlyUsd === undefined && pricing === "hourly" ? ["PTU price"] : []),
    ...(f.paygInputPer1M === undefined || (t.avgOutputTokens > 0 && f.paygOutputPer1M === undefined)
      ? [`${twin} token prices`]
      : []),
  ];
  if (missing.length > 0) {
    return { ok: false, why: [`the catalog has no ${missing.join(", ")} for ${info.name} on ${type}`] };
  }
  // Cached input tokens do not load PTUs (Learn: deducted 100% from utilization); on the spillover
  // they bill at the cached price, folded into the price of the uncached input tokens that remain.
  const c = cachedShareOn(info.name, twin, t);
  const cachedPer1M = tokenPricesFor(info.name, twin)?.value.cachedInput ?? 0;
  const cached = c > 0 && c < 1 ? c : 0;
  const uncachedInput = t.avgInputTokens * (1 - cached);
  const result = sizePtu({
    hours: dayOfDemand(rpm, t.peakToAverage, uncachedInput, t.avgOutputTokens),
    min: f.min as number,
    step: f.step as number,
    inputTpmPerPtu: f.inputTpmPerPtu as number,
    outputWeight: f.outputWeight as number,
    pricing,
    ptuHourlyUsd: f.ptuHourlyUsd ?? 0,
    ptuReservationMonthlyUsd: f.ptuReservationMonthlyUsd ?? 0,
    paygInputPer1M: (f.paygInputPer1M as number) + (cached > 0 ? (cachedPer1M * cached) / (1 - cached) : 0),
    paygOutputPer1M: f.paygOutputPer1M ?? 0,
  });
  const allowed = result.candidates.filter((c) => limits.maxPtu === undefined || c.ptu <= limits.maxPtu);
  const best = allowed.reduce((a, b) => (b.monthlyUsd < a.monthlyUsd - 1e-9 ? b : a));
  if (best.ptu === 0) {
    const smallest = smallestPtu(result);
    const capped = limits.maxPtu !== undefined && result.ptu > limits.maxPtu;
    return {
      ok: false,
      why: [
        capped
          ? `needs ${result.ptu} PTUs to beat pay-as-you-go; ${source} allows ${limits.maxPtu} more (cost-stack-ptu-total)`
          : `below the break-even: all pay-as-you-go on ${twin} costs ${usd(result.baselines.allPayg)} a month, less than ${smallest?.ptu ?? f.min} PTUs (${pricing}) plus spillover (${usd(smallest?.monthlyUsd ?? NaN)})`,
      ],
    };
  }
  // The overflow at the peak sizes the spillover deployment.
  const peakRpm = rpm * t.peakToAverage;
  const peakW = weightedDemand(
    { inputTokensPerMinute: peakRpm * uncachedInput, outputTokensPerMinute: peakRpm * t.avgOutputTokens },
    f.outputWeight as number,
  );
  const capacityTpm = best.ptu * (f.inputTpmPerPtu as number);
  const peakSpill = peakW > 0 ? Math.max(0, peakW - capacityTpm) / peakW : 0;
  const spillCapacity = ceilK(peakSpill * peakRpm * (t.avgInputTokens + t.avgOutputTokens));
  const cap = capProblem(spillCapacity, limits, `the spillover deployment (${twin})`);
  if (cap) {
    return { ok: false, why: [cap] };
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return {
    ok: true,
    part: {
      model: info.name,
      type,
      capacity: best.ptu,
      traffic: trafficAt(rpm, t, cached),
      monthlyUsd: best.monthlyUsd,
      pricing,
      spillover: { type: twin, capacity: spillCapacity },
      basis: `${best.ptu} PTU (${pricing}) ${usd(best.ptuMonthlyUsd)} + spillover to ${twin} ${usd(best.spilloverMonthlyUsd)} (${pct(best.spillFraction)} of the weighted demand), against ${usd(result.baselines.allPayg)} all pay-as-you-go: the planner's cost-optimal size for the contract's day`,
    },
  };
}
