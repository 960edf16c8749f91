/**
 * `routing: auto`: a Model Router whose subset is the contract's eligible models among those the
 * router version routes to (the catalog's `routes`). Learn, "Model router for Microsoft Foundry"
 * (https://learn.microsoft.com/azure/foundry/openai/concepts/model-router): only the latest version
 * takes a model subset; the subset is also the failover set, so it keeps at least two models; the
 * router's context window is its smallest underlying model's; it is deployed as Global Standard or
 * Data Zone Standard; usage bills the routed model's tokens plus the router's own input-token rate,
 * which the catalog has no price for.
 */
import { dataScopeOf, DeploymentType, ModelInfo, RoutableModel } from "../catalog";
import { cents, count, usd } from "../cost/units";
import { peakCapacity, PricedPart, priceStandard, splitTraffic, Split } from "./price";
import { scopeWidth } from "./requirements";
import { judgeVersions, modelReasons } from "./eligibility";
import { EligibleModel, ModelCandidate, Rejection, SelectionContext } from "./types";

/** A routed model, its cost if every prompt went to it, and the traffic split with its batch part. */
interface Member {
  readonly route: RoutableModel;
  readonly model: EligibleModel;
  readonly monthlyUsd: number;
  readonly split: Split;
}

/** Router members need at least this many models (the subset is the failover set). */
export const minRouterModels = 2;

function members(
  routes: readonly RoutableModel[],
  eligible: readonly EligibleModel[],
  type: DeploymentType,
  ctx: SelectionContext,
): { readonly members: Member[]; readonly leftOut: string[] } {
  const out: Member[] = [];
  const leftOut: string[] = [];
  const budget = ctx.req.budgetUsdPerMonth;
  for (const route of routes) {
    const m = eligible.find((e) => e.info.name.toLowerCase() === route.name.toLowerCase());
    const label = `${route.name} ${route.version}`;
    if (!m) {
      continue; // not eligible (see rejected) or not in the catalog: listed by `leftOutText`
    }
    if (m.version !== route.version) {
      leftOut.push(`${label} (the selector chose version ${m.version})`);
      continue;
    }
    if (!m.info.deploymentTypes.value.includes(type)) {
      leftOut.push(`${label} (not offered as ${type})`);
      continue;
    }
    const split = splitTraffic(
      ctx.contract.name,
      m.info,
      type,
      ctx.traffic,
      ctx.req.residency,
      !ctx.req.longContext,
    );
    // Members are priced without the capacity cap: the router's own capacity is what is capped.
    const priced = priceStandard(ctx.contract.name, route.name, type, split.syncRpm, ctx.traffic, {});
    if (!priced.ok) {
      leftOut.push(`${label} (${priced.why.join("; ")})`);
      continue;
    }
    const monthlyUsd = priced.part.monthlyUsd + (split.batch?.monthlyUsd ?? 0);
    if (budget !== undefined && cents(monthlyUsd) > budget) {
      leftOut.push(`${label} (${usd(monthlyUsd)} a month if every prompt went to it, over the budget)`);
      continue;
    }
    out.push({ route, model: m, monthlyUsd, split });
  }
  out.sort((a, b) => a.monthlyUsd - b.monthlyUsd || a.route.name.localeCompare(b.route.name));
  return { members: out, leftOut };
}

/** The routed models that are not members, by why, in one sentence. */
function leftOutText(
  routes: readonly RoutableModel[],
  picked: readonly Member[],
  priced: readonly string[],
  catalog: readonly ModelInfo[],
): string | undefined {
  const known = new Set(catalog.map((m) => m.name.toLowerCase()));
  const members = new Set(picked.map((p) => p.route.name));
  const rest = routes.filter((r) => !members.has(r.name));
  const notCatalogued = rest.filter((r) => !known.has(r.name.toLowerCase())).map((r) => r.name);
  const ineligible = rest
    .filter((r) => known.has(r.name.toLowerCase()) && !priced.some((p) => p.startsWith(`${r.name} `)))
    .map((r) => r.name);
  const parts = [
    ...(ineligible.length > 0
      ? [`${ineligible.join(", ")} (they do not meet the contract; see rejected)`]
      : []),
    ...priced,
    ...(notCatalogued.length > 0 ? [`not in the catalog, so not judged: ${notCatalogued.join(", ")}`] : []),
  ];
  return parts.length > 0 ? `left out of the subset: ${parts.join("; ")}` : undefined;
}

/** Router candidates, one per deployment type within the residency, or why each cannot serve. */
export function routerCandidates(
  router: ModelInfo,
  eligible: readonly EligibleModel[],
  ctx: SelectionContext,
): { readonly candidates: ModelCandidate[]; readonly rejected: Rejection[] } {
  const name = router.name;
  const configurable = router.versions.filter((v) => v.routingConfigurable?.value);
  const verdict = judgeVersions(router, configurable, ctx);
  if (verdict.failures.length > 0 || configurable.length === 0) {
    return {
      candidates: [],
      rejected: [
        {
          model: name,
          why:
            configurable.length === 0
              ? "no catalog version takes a model subset"
              : `routing auto: ${verdict.failures.join("; ")}`,
        },
      ],
    };
  }
  const version = verdict.version;
  const routes = version.routes?.value ?? [];
  const candidates: ModelCandidate[] = [];
  const rejected: Rejection[] = [];
  for (const type of router.deploymentTypes.value) {
    const scope = dataScopeOf(type);
    if (scopeWidth[scope] > scopeWidth[ctx.req.residency]) {
      rejected.push({
        model: name,
        deploymentType: type,
        why: `processes data at ${scope} scope, wider than the ${ctx.req.residency} residency allows`,
      });
      continue;
    }
    const { members: picked, leftOut } = members(routes, eligible, type, ctx);
    if (picked.length < minRouterModels) {
      rejected.push({
        model: name,
        deploymentType: type,
        why: `routing auto: ${picked.length} eligible model${picked.length === 1 ? "" : "s"} among those version ${version.version} routes to (${picked.map((p) => p.route.name).join(", ") || "none"}); a subset keeps at least ${minRouterModels} for failover`,
      });
      continue;
    }
    // The asynchronous share goes to the cheapest batch deployment a member offers.
    const withBatch = picked
      .filter((p) => p.split.batch)
      .sort((a, b) => (a.split.batch?.monthlyUsd ?? 0) - (b.split.batch?.monthlyUsd ?? 0))[0];
    const split = withBatch?.split ?? picked[0].split;
    const batch = withBatch?.split.batch;
    const capacity = peakCapacity(split.syncRpm, ctx.traffic);
    const max = ctx.limits.maxStandardCapacity;
    if (max !== undefined && capacity > max) {
      rejected.push({
        model: name,
        deploymentType: type,
        why: `needs ${count(capacity)}K TPM at the peak; ${ctx.limits.source ?? "the environment"} caps a standard deployment at ${count(max)}K (cost-deployment-standard-capacity)`,
      });
      continue;
    }
    const syncOnly = (p: Member) => p.monthlyUsd - (p.split.batch?.monthlyUsd ?? 0);
    const batchUsd = batch?.monthlyUsd ?? 0;
    const low = picked[0];
    const high = [...picked].sort((a, b) => syncOnly(b) - syncOnly(a))[0];
    const range = { min: cents(syncOnly(low) + batchUsd), max: cents(syncOnly(high) + batchUsd) };
    const window = Math.min(...picked.map((p) => p.model.info.contextWindow?.value ?? 0));
    const models = picked.map((p) => p.route);
    const primary: PricedPart = {
      model: name,
      type,
      capacity,
      traffic: {
        requestsPerMinute: split.syncRpm,
        inputTokens: ctx.traffic.avgInputTokens,
        outputTokens: ctx.traffic.avgOutputTokens,
      },
      monthlyUsd: range.max - batchUsd,
      basis: `at most ${usd(range.max - batchUsd)} (every prompt on ${high.route.name}), before the router fee`,
    };
    const routerModel: EligibleModel = {
      info: router,
      version: version.version,
      retirementDate: verdict.retirementDate,
      runwayDays: verdict.runwayDays,
      lifecycle: verdict.lifecycle,
      fit: `${picked.length} models, ${count(Math.round(window / 1000))}K context`,
      fitReason: `routes each prompt to one of ${picked.length} models that each meet the contract: ${models.map((m) => m.name).join(", ")} (mode balanced); its context window is the smallest member's, ${count(window)} tokens`,
    };
    candidates.push({
      model: name,
      version: version.version,
      format: router.format,
      deploymentType: type,
      monthlyUsdRange: range,
      reasons: [
        ...modelReasons(routerModel, ctx),
        `residency: ${type} processes data at ${scope} scope (allowed: ${ctx.req.residency})`,
        `latency ${ctx.contract.latency}: ${type} answers synchronously`,
        `cost: between ${usd(range.min)} (every prompt on ${low.route.name}) and ${usd(range.max)} (every prompt on ${high.route.name}) a month, plus the router's input-token fee, which the catalog has no price for (plans list the router as unpriced)`,
        ...(batch ? [`${batch.type} (asynchronous share, ${batch.model}): ${batch.basis}`] : []),
        ...(split.note ? [split.note] : []),
        ...[leftOutText(routes, picked, leftOut, ctx.catalog)].filter((x): x is string => x !== undefined),
        `capacity: ${count(capacity)}K TPM (the peak: ${count(split.syncRpm * ctx.traffic.peakToAverage)} req/min × ${count(ctx.traffic.avgInputTokens + ctx.traffic.avgOutputTokens)} tokens)`,
      ],
      fit: routerModel.fit,
      retirementDate: verdict.retirementDate,
      runwayDays: verdict.runwayDays,
      plan: { primary, ...(batch ? { batch } : {}), routing: { mode: "balanced", models } },
    });
  }
  return { candidates, rejected };
}
