/**
 * From choice to deployments: the best candidate of a selection becomes deployment specs in the
 * stack config's shape, and the workload's share of its gateway team. Pure.
 *
 * - the synchronous share: a pay-as-you-go deployment named after the workload; a Model Router
 *   (routing mode and model subset) for `routing: auto`; or, when provisioned throughput wins on
 *   cost, `<name>-ptu` with the PTUs the planner chose, spilling over to `<name>` (declared first);
 * - the asynchronous share: `<name>-batch` on the batch type of the same model;
 * - traffic: through the gateway when the workload has a team there (the team's expected traffic),
 *   else declared on the deployment; batch traffic always on the batch deployment;
 * - the team: its product allows the workload's model and budgets its peak tokens per minute and
 *   month, with {@link teamLimitHeadroom};
 * - the semantic cache: when `repeatShare` is at least {@link semanticCacheMinRepeatShare} and the
 *   traffic passes the gateway, an embeddings deployment chosen by the same selector
 *   (`deriveSemanticCache`).
 */
import { DataScope, DeploymentType, familyOf, ModelInfo } from "../catalog";
import { RoutingMode } from "../catalog/validate";
import { addRates, ExpectedTraffic, noTraffic, PtuPricing, rateOf, trafficOf } from "../cost/traffic";
import { minutesPerMonth } from "../cost/units";
import { resolvedTraffic, semanticCacheMinRepeatShare, WorkloadContract, WorkloadSafety } from "./contract";
import { ProvisionedPart } from "./price";
import { EnvironmentLimits, narrower } from "./requirements";
import { selectModels } from "./select";
import { ModelCandidate, Selection } from "./types";

/** Team limits are the contracts' peak and monthly tokens times this. */
export const teamLimitHeadroom = 1.2;

/** A deployment as the stack config declares one (`accounts[].deployments[]`). */
export interface DerivedDeploymentSpec {
  readonly name: string;
  readonly model: string;
  readonly version: string;
  readonly type: DeploymentType;
  readonly capacity: number;
  /** @default - none */
  readonly spillover?: string;
  /** @default - none */
  readonly routing?: {
    readonly mode: RoutingMode;
    readonly models: readonly { readonly model: string; readonly version: string; readonly format: string }[];
  };
  /** @default - none: its traffic arrives through the gateway */
  readonly expectedTraffic?: ExpectedTraffic;
  /** @default - none (hourly) */
  readonly pricing?: PtuPricing;
}

/** A workload's share of its gateway team. */
export interface TeamShare {
  readonly team: string;
  readonly model: string;
  /** Tokens per minute at the contract's peak. */
  readonly peakTokensPerMinute: number;
  /** Tokens per month at the contract's average. */
  readonly monthlyTokens: number;
  readonly traffic: ExpectedTraffic;
}

/** A gateway team as the stack config declares one (`gateway.teams[]`). */
export interface DerivedTeamSpec {
  readonly name: string;
  readonly tokensPerMinute: number;
  readonly monthlyTokenQuota: number;
  readonly allowedModels: readonly string[];
  readonly expectedTraffic: readonly (ExpectedTraffic & { readonly model: string })[];
}

export interface DerivedWorkload {
  readonly workload: string;
  /**
   * The candidate deployed.
   * @default - none: nothing fits the contract
   */
  readonly chosen?: ModelCandidate;
  /** In creation order (a spillover target before its provisioned deployment). */
  readonly deployments: readonly DerivedDeploymentSpec[];
  /** @default - no team, or no gateway to hold it */
  readonly teamShare?: TeamShare;
  /** True when the workload's repeats call for a semantic cache on the gateway. */
  readonly wantsSemanticCache: boolean;
  /** What the derivation decided beyond the specs, in sentences. */
  readonly notes: readonly string[];
}

export interface DeriveOptions {
  /** True when the stack deploys a gateway: teams and the semantic cache live there. */
  readonly gateway: boolean;
}

function versionOf(candidate: ModelCandidate, model: string): string {
  return candidate.plan.routing?.models.find((m) => m.name === model)?.version ?? candidate.version;
}

/** The deployments, team share and notes for a workload's best candidate. */
export function deriveWorkload(
  contract: WorkloadContract,
  selection: Selection,
  options: DeriveOptions,
): DerivedWorkload {
  const chosen = selection.candidates[0];
  const name = contract.name;
  if (!chosen) {
    return {
      workload: name,
      deployments: [],
      wantsSemanticCache: false,
      notes: ["no candidate meets the contract"],
    };
  }
  const t = resolvedTraffic(contract.traffic);
  const viaGateway = contract.team !== undefined && options.gateway;
  const { primary, batch, routing } = chosen.plan;
  const notes: string[] = [];
  const deployments: DerivedDeploymentSpec[] = [];
  const direct = viaGateway ? {} : { expectedTraffic: primary.traffic };
  const base = { model: chosen.model, version: chosen.version, type: chosen.deploymentType };
  if ("spillover" in primary) {
    const ptu = primary as ProvisionedPart;
    deployments.push(
      { name, ...base, type: ptu.spillover.type, capacity: ptu.spillover.capacity },
      {
        name: `${name}-ptu`,
        ...base,
        capacity: ptu.capacity,
        spillover: name,
        pricing: ptu.pricing,
        ...direct,
      },
    );
    if (ptu.pricing === "reservation") {
      notes.push(
        `${name}-ptu is priced with a one-month reservation: buy it for ${ptu.type} in the Azure portal after the deployment exists`,
      );
    }
  } else if (familyOf(chosen.deploymentType) === "batch") {
    deployments.push({
      name: `${name}-batch`,
      ...base,
      capacity: primary.capacity,
      expectedTraffic: primary.traffic,
    });
  } else {
    deployments.push({
      name,
      ...base,
      capacity: primary.capacity,
      ...(routing
        ? {
            routing: {
              mode: routing.mode,
              models: routing.models.map((m) => ({ model: m.name, version: m.version, format: m.format })),
            },
          }
        : {}),
      ...direct,
    });
  }
  if (batch) {
    deployments.push({
      name: `${name}-batch`,
      model: batch.model,
      version: versionOf(chosen, batch.model),
      type: batch.type,
      capacity: batch.capacity,
      expectedTraffic: batch.traffic,
    });
  }
  const syncRpm = familyOf(chosen.deploymentType) === "batch" ? 0 : primary.traffic.requestsPerMinute;
  const tokens = t.avgInputTokens + t.avgOutputTokens;
  let teamShare: TeamShare | undefined;
  if (contract.team !== undefined && syncRpm > 0) {
    if (options.gateway) {
      teamShare = {
        team: contract.team,
        model: chosen.model,
        peakTokensPerMinute: syncRpm * t.peakToAverage * tokens,
        monthlyTokens: syncRpm * minutesPerMonth * tokens,
        traffic: primary.traffic,
      };
    } else {
      notes.push(
        `team ${contract.team} is not derived: the stack deploys no gateway; the workload's traffic is declared on its deployment`,
      );
    }
  }
  const wantsSemanticCache = viaGateway && syncRpm > 0 && t.repeatShare >= semanticCacheMinRepeatShare;
  if (t.repeatShare >= semanticCacheMinRepeatShare && !wantsSemanticCache) {
    notes.push(
      `repeatShare ${t.repeatShare} calls for a semantic cache, which sits on the gateway: give the workload a team and the stack a gateway`,
    );
  }
  return {
    workload: name,
    chosen,
    deployments,
    ...(teamShare ? { teamShare } : {}),
    wantsSemanticCache,
    notes,
  };
}

/** The teams of the workloads' shares: allow-list, limits with headroom, traffic per model. */
export function deriveTeams(shares: readonly TeamShare[]): DerivedTeamSpec[] {
  const byTeam = new Map<string, TeamShare[]>();
  for (const s of shares) {
    byTeam.set(s.team, [...(byTeam.get(s.team) ?? []), s]);
  }
  return [...byTeam.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([team, list]) => {
      const models = [...new Set(list.map((s) => s.model))].sort();
      return {
        name: team,
        tokensPerMinute: Math.ceil(
          list.reduce((sum, s) => sum + s.peakTokensPerMinute, 0) * teamLimitHeadroom,
        ),
        monthlyTokenQuota: Math.ceil(list.reduce((sum, s) => sum + s.monthlyTokens, 0) * teamLimitHeadroom),
        allowedModels: models,
        expectedTraffic: models.map((model) => {
          const rate = list
            .filter((s) => s.model === model)
            .reduce((sum, s) => addRates(sum, rateOf(s.traffic)), noTraffic);
          return { model, ...rounded(trafficOf(rate)) };
        }),
      };
    });
}

/** A traffic with its averages rounded to 4 decimals (stable config values). */
function rounded(t: ExpectedTraffic): ExpectedTraffic {
  const r = (n: number) => Number(n.toFixed(4));
  return {
    requestsPerMinute: r(t.requestsPerMinute),
    inputTokens: r(t.inputTokens),
    outputTokens: r(t.outputTokens),
    ...((t.cachedShare ?? 0) > 0 ? { cachedShare: r(t.cachedShare ?? 0) } : {}),
  };
}

/** Name of the embeddings deployment derived for the semantic cache. */
export const semanticCacheDeploymentName = "semantic-cache-embeddings";

/** The semantic cache's embeddings deployment and what chose it. */
export interface DerivedSemanticCache {
  readonly selection: Selection;
  /** Undefined when no embeddings model fits. */
  readonly deployment?: DerivedDeploymentSpec;
}

/**
 * The embeddings deployment that vectorises the prompts of the workloads that want a semantic cache:
 * chosen by `selectModels` for an embedding contract with their requests (every prompt is embedded
 * on lookup), the strictest safety and the narrowest residency among them.
 */
export function deriveSemanticCache(
  workloads: readonly WorkloadContract[],
  catalog: readonly ModelInfo[] | undefined,
  today: Date,
  limits: EnvironmentLimits,
): DerivedSemanticCache {
  const rate = workloads.reduce((sum, w) => {
    const t = resolvedTraffic(w.traffic);
    return addRates(
      sum,
      rateOf({
        requestsPerMinute: t.requestsPerMinute * (1 - t.asyncShare),
        inputTokens: t.avgInputTokens,
        outputTokens: 0,
      }),
    );
  }, noTraffic);
  const traffic = trafficOf(rate);
  const safety: WorkloadSafety = workloads.some((w) => w.safety === "strict") ? "strict" : "default";
  const residency = workloads.reduce<DataScope>((r, w) => narrower(r, w.dataResidency), "global");
  const contract: WorkloadContract = {
    name: semanticCacheDeploymentName,
    task: "embedding",
    latency: "interactive",
    safety,
    dataResidency: residency,
    traffic: {
      requestsPerMinute: Number(traffic.requestsPerMinute.toFixed(4)),
      avgInputTokens: Math.ceil(traffic.inputTokens),
      avgOutputTokens: 0,
      peakToAverage: Math.max(...workloads.map((w) => resolvedTraffic(w.traffic).peakToAverage)),
    },
  };
  const selection = selectModels(contract, catalog, today, limits);
  const best = selection.candidates[0];
  return {
    selection,
    ...(best
      ? {
          deployment: {
            name: semanticCacheDeploymentName,
            model: best.model,
            version: best.version,
            type: best.deploymentType,
            capacity: best.plan.primary.capacity,
            expectedTraffic: best.plan.primary.traffic,
          },
        }
      : {}),
  };
}
