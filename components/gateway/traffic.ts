/**
 * Where expected traffic lands: each team's traffic for a model enters that model's gateway pool and
 * is split by the pool's priorities and weights; a provisioned deployment serves up to its capacity
 * and its overflow goes to its spillover deployment (Azure retries there itself) or, without one, to
 * the pool's next priority group. Traffic declared on a deployment itself reaches it directly. The
 * result is each deployment's expected traffic, which the platform records in its tag so that plans
 * and the policy pack price it. Pure: no resources.
 */
import { DeploymentType, isProvisioned } from "../catalog/deployment-types";
import { ptuLoad } from "../cost/ptu";
import {
  addRates,
  ExpectedTraffic,
  isZeroRate,
  noTraffic,
  rateOf,
  scaleRate,
  TokenRate,
  trafficOf,
} from "../cost/traffic";
import { GatewayModelTarget, planPools } from "./targets";

/**
 * A deployment as the allocation reads it.
 * @internal
 */
export interface TrafficDeployment {
  readonly account: string;
  readonly location: string;
  readonly deployment: string;
  readonly model: string;
  readonly type: DeploymentType;
  /** PTUs for provisioned types. */
  readonly capacity: number;
  /**
   * The deployment that takes this provisioned deployment's overflow (same account).
   * @default - none: overflow of direct traffic is lost (429), a pool share goes to the next priority
   */
  readonly spillover?: string;
  /**
   * Traffic that calls the deployment directly (not through the gateway).
   * @default - none
   */
  readonly expectedTraffic?: ExpectedTraffic;
  /**
   * Canary candidate of `stable` with `weightPercent` of its pool share.
   * @default - not a candidate
   */
  readonly canary?: { readonly stable: string; readonly weightPercent: number };
}

/** A team's expected traffic to one model through the gateway. */
export interface TeamModelTraffic extends ExpectedTraffic {
  /** The model the traffic calls. */
  readonly model: string;
}

/** @internal */
export interface TrafficTeam {
  readonly name: string;
  /**
   * The team's traffic per model.
   * @default - none
   */
  readonly expectedTraffic?: readonly TeamModelTraffic[];
}

/**
 * The traffic that reaches one deployment and where it comes from.
 * @internal
 */
export interface DeploymentTraffic {
  readonly traffic: ExpectedTraffic;
  readonly sources: readonly string[];
}

const keyOf = (account: string, deployment: string) => `${account}/${deployment}`;

class Ledger {
  private readonly rates = new Map<string, TokenRate>();
  private readonly sources = new Map<string, Set<string>>();

  add(key: string, rate: TokenRate, source: string): void {
    if (isZeroRate(rate) && this.rates.has(key)) {
      return;
    }
    this.rates.set(key, addRates(this.rates.get(key) ?? noTraffic, rate));
    this.sources.set(key, (this.sources.get(key) ?? new Set()).add(source));
  }

  has(key: string): boolean {
    return this.rates.has(key);
  }

  result(): Map<string, DeploymentTraffic> {
    const out = new Map<string, DeploymentTraffic>();
    for (const [key, rate] of [...this.rates.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      out.set(key, { traffic: trafficOf(rate), sources: [...(this.sources.get(key) ?? [])].sort() });
    }
    return out;
  }
}

/**
 * The expected traffic of every deployment that gets any, by `account/deployment`. Deployments with
 * no declared traffic and no team traffic are left out (plans list standard ones as unpriced).
 * `viaGateway` is false when the platform has no gateway: team traffic then reaches nothing.
 * @internal
 */
export function allocateTraffic(
  deployments: readonly TrafficDeployment[],
  teams: readonly TrafficTeam[],
  primaryRegion: string,
  viaGateway: boolean,
): Map<string, DeploymentTraffic> {
  const ledger = new Ledger();
  const byKey = new Map(deployments.map((d) => [keyOf(d.account, d.deployment), d]));
  const direct = (d: TrafficDeployment) => (d.expectedTraffic ? rateOf(d.expectedTraffic) : noTraffic);

  /** A provisioned deployment serves what fits; returns the overflow nobody else takes. */
  const serveProvisioned = (d: TrafficDeployment, share: TokenRate, source: string): TokenRate => {
    const arriving = addRates(direct(d), share);
    const spill = ptuLoad(d.model, d.type, d.capacity, arriving)?.spill ?? 0;
    ledger.add(keyOf(d.account, d.deployment), share, source);
    const target = d.spillover !== undefined ? byKey.get(keyOf(d.account, d.spillover)) : undefined;
    if (spill > 0 && target) {
      ledger.add(
        keyOf(target.account, target.deployment),
        scaleRate(arriving, spill),
        `overflow of ${d.deployment}`,
      );
      return noTraffic;
    }
    return scaleRate(share, spill);
  };

  // Direct traffic first: every deployment records its own; a provisioned one with no pool share
  // passes its overflow to its spillover deployment.
  for (const d of deployments) {
    if (d.expectedTraffic) {
      ledger.add(keyOf(d.account, d.deployment), direct(d), "declared");
    }
  }

  const pooled = new Set<string>();
  if (viaGateway) {
    const targets: GatewayModelTarget[] = deployments.map((d) => ({
      account: d.account,
      accountResourceId: "",
      endpoint: "",
      location: d.location,
      deployment: d.deployment,
      model: d.model,
      type: d.type,
      spilloverOf: deployments.find((p) => p.account === d.account && p.spillover === d.deployment)
        ?.deployment,
      canary: d.canary,
    }));
    for (const pool of planPools(targets, primaryRegion)) {
      const demand = teams.flatMap((t) =>
        (t.expectedTraffic ?? [])
          .filter((x) => x.model === pool.model)
          .map((x) => ({ team: t.name, rate: rateOf(x) })),
      );
      if (demand.length === 0) {
        continue;
      }
      let remaining = demand.reduce((sum, x) => addRates(sum, x.rate), noTraffic);
      const source = demand
        .map((x) => `team ${x.team}`)
        .filter((s, i, all) => all.indexOf(s) === i)
        .join(",");
      const priorities = [...new Set(pool.members.map((m) => m.priority))].sort((a, b) => a - b);
      for (const priority of priorities) {
        const group = pool.members.filter((m) => m.priority === priority && m.weight > 0);
        const weights = group.reduce((sum, m) => sum + m.weight, 0);
        if (weights === 0 || isZeroRate(remaining)) {
          continue;
        }
        let overflow = noTraffic;
        for (const m of group) {
          const d = byKey.get(keyOf(m.target.account, m.target.deployment));
          if (!d) {
            continue;
          }
          const share = scaleRate(remaining, m.weight / weights);
          if (isProvisioned(d.type)) {
            pooled.add(keyOf(d.account, d.deployment));
            overflow = addRates(overflow, serveProvisioned(d, share, source));
          } else {
            ledger.add(keyOf(d.account, d.deployment), share, source);
          }
        }
        remaining = overflow;
      }
      // Members the demand never reaches stand by for the others: pay-per-token, they cost nothing idle.
      for (const m of pool.members) {
        const key = keyOf(m.target.account, m.target.deployment);
        if (!ledger.has(key)) {
          ledger.add(key, noTraffic, `standby in pool ${pool.model} (priority ${m.priority})`);
        }
      }
    }
  }

  for (const d of deployments) {
    if (d.expectedTraffic && isProvisioned(d.type) && !pooled.has(keyOf(d.account, d.deployment))) {
      serveProvisioned(d, noTraffic, "declared");
    }
  }
  return ledger.result();
}
