/**
 * What the gateway fronts — model deployments — and how it groups them: one backend per
 * deployment, one priority/weight pool per model, and the route table from requested names to
 * pools. Pure functions, unit-tested without resources.
 */
import type * as pulumi from "@pulumi/pulumi";
import { DeploymentType, familyOf, isProvisioned } from "../catalog/deployment-types";
import { findModel } from "../catalog/lookup";
import type { GatewayRoute } from "./xml/documents";

/** A model deployment behind the gateway. */
export interface GatewayModelTarget {
  /** Logical name of the Foundry account holding the deployment (unique in the platform). */
  readonly account: string;
  /** ARM id of the account; the gateway's identity gets Cognitive Services OpenAI User on it. */
  readonly accountResourceId: pulumi.Input<string>;
  /** Account endpoint, `https://<subdomain>.cognitiveservices.azure.com/`. */
  readonly endpoint: pulumi.Input<string>;
  /** Region of the account. */
  readonly location: string;
  /** Deployment name. */
  readonly deployment: string;
  /** Model name, for example `gpt-4.1`. */
  readonly model: string;
  /**
   * Model version.
   * @default - not known (the deployment follows the default version)
   */
  readonly version?: string;
  /** Deployment type (SKU). Batch types are not routed: the Batch API works on files, not requests. */
  readonly type: DeploymentType;
  /**
   * The provisioned deployment (same account) whose overflow this standard deployment takes.
   * @default - inferred: a standard deployment in the same account as a provisioned deployment of the same model is its spillover
   */
  readonly spilloverOf?: string;
  /**
   * Makes this deployment the canary candidate of `stable` (same account): the pool gives the
   * candidate `weightPercent` of the stable deployment's traffic and the stable one the rest.
   * @default - not a candidate
   */
  readonly canary?: { readonly stable: string; readonly weightPercent: number };
}

/** The maximum number of backends in a pool (Learn, "Backends in API Management"). */
export const maxPoolMembers = 30;

/** A backend id for a name: letters, digits and `-` only, at most 80 characters. */
export function backendIdOf(...parts: string[]): string {
  return parts
    .join("-")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

/** The backend id of one deployment. */
export function targetBackendId(t: Pick<GatewayModelTarget, "account" | "deployment">): string {
  return backendIdOf(t.account, t.deployment);
}

/** The backend id of a model's pool. */
export function poolBackendId(model: string): string {
  return backendIdOf("pool", model);
}

/** True when requests can be routed to the deployment (everything but batch types). */
export function isRoutable(t: Pick<GatewayModelTarget, "type">): boolean {
  return familyOf(t.type) !== "batch";
}

/** True for embeddings models (catalog capability, else the name). */
export function isEmbeddingsModel(model: string): boolean {
  const info = findModel(model);
  return info ? info.capabilities.value.includes("embeddings") : /embedding/i.test(model);
}

/** One member of a pool with its priority (1 = first) and weight within the priority group. */
export interface PoolMember {
  readonly backendId: string;
  readonly target: GatewayModelTarget;
  readonly priority: number;
  readonly weight: number;
}

/** The pool of one model. */
export interface PoolPlan {
  readonly model: string;
  readonly backendId: string;
  readonly members: readonly PoolMember[];
  /**
   * Where a retry goes after a provisioned deployment answered 429 with `x-ms-spillover-error`: its
   * spillover deployment already failed that request, so the retry leaves out both (the fallback
   * pool holds the model's other deployments). Undefined when the model has no provisioned
   * deployment with a declared spillover, or nothing else to fall back to.
   */
  readonly fallback?: { readonly backendId: string; readonly members: readonly PoolMember[] };
}

/** Default weight of a member that takes no part in a canary. */
export const defaultWeight = 100;

/**
 * Tier of a target within its model's pool:
 * 0 provisioned; 1 the standard spillover of a provisioned deployment (same account); 2 standard
 * in the primary region; 3 standard in other regions. Canary candidates take their stable's tier.
 */
function tierOf(t: GatewayModelTarget, all: readonly GatewayModelTarget[], primaryRegion: string): number {
  if (t.canary) {
    const stable = all.find((s) => s.account === t.account && s.deployment === t.canary?.stable);
    if (stable && !stable.canary) {
      return tierOf(stable, all, primaryRegion);
    }
  }
  if (isProvisioned(t.type)) {
    return 0;
  }
  const spills =
    t.spilloverOf !== undefined ||
    all.some((p) => p.account === t.account && p.model === t.model && isProvisioned(p.type) && !p.canary);
  if (spills) {
    return 1;
  }
  return t.location === primaryRegion ? 2 : 3;
}

/**
 * The model whose pool a target joins: its own, or for a canary candidate its stable deployment's
 * (a candidate of a successor model is still served under the stable deployment's route).
 */
export function poolModelOf(t: GatewayModelTarget, all: readonly GatewayModelTarget[]): string {
  if (t.canary) {
    const stable = all.find((s) => s.account === t.account && s.deployment === t.canary?.stable);
    if (stable && !stable.canary) {
      return stable.model;
    }
  }
  return t.model;
}

/**
 * Plans one pool per routable model: provisioned deployments first (priority 1), their standard
 * spillover next, then standard deployments in the primary region, then other regions (priorities
 * are consecutive from 1 over the tiers present). Within a priority group every member weighs
 * {@link defaultWeight}; a canary splits its stable deployment's weight 100−w / w, in the stable
 * deployment's pool even when it serves a successor model.
 * Pools and members are ordered deterministically (model, then priority, account, deployment).
 */
export function planPools(targets: readonly GatewayModelTarget[], primaryRegion: string): PoolPlan[] {
  const routable = targets.filter(isRoutable);
  const poolModel = (t: GatewayModelTarget) => poolModelOf(t, routable);
  const models = [...new Set(routable.map(poolModel))].sort();
  return models.map((model) => {
    const own = routable.filter((t) => poolModel(t) === model);
    const tiers = own.map((t) => tierOf(t, own, primaryRegion));
    const present = [...new Set(tiers)].sort((a, b) => a - b);
    const members = own.map((t, i): PoolMember => {
      const priority = present.indexOf(tiers[i]) + 1;
      const candidate = own.find((c) => c.account === t.account && c.canary?.stable === t.deployment);
      let weight = defaultWeight;
      if (t.canary) {
        weight = t.canary.weightPercent;
      } else if (candidate?.canary) {
        weight = 100 - candidate.canary.weightPercent;
      }
      return { backendId: targetBackendId(t), target: t, priority, weight };
    });
    members.sort(
      (a, b) =>
        a.priority - b.priority ||
        a.target.account.localeCompare(b.target.account) ||
        a.target.deployment.localeCompare(b.target.deployment),
    );
    return { model, backendId: poolBackendId(model), members, fallback: fallbackOf(model, members) };
  });
}

/**
 * The fallback of a pool whose provisioned deployments spill over: every member except those
 * provisioned deployments and their declared spillover deployments. A provisioned deployment with
 * spillover "already retries on its standard deployment; for a request that spilled over, if the
 * standard deployment request failed for any reason, the original PTU response is used ... with a
 * header `x-ms-spillover-error`" (Learn, "Manage traffic with spillover for provisioned deployments",
 * https://learn.microsoft.com/azure/ai-foundry/openai/how-to/spillover-traffic-management).
 */
function fallbackOf(model: string, members: readonly PoolMember[]): PoolPlan["fallback"] {
  const spills = members.filter((m) => m.target.spilloverOf !== undefined);
  if (spills.length === 0) {
    return undefined;
  }
  const skipped = new Set<string>();
  for (const s of spills) {
    skipped.add(s.backendId);
    const ptu = members.find(
      (m) => m.target.account === s.target.account && m.target.deployment === s.target.spilloverOf,
    );
    if (ptu) {
      skipped.add(ptu.backendId);
    }
  }
  const rest = members.filter((m) => !skipped.has(m.backendId));
  if (rest.length === 0) {
    return undefined;
  }
  const priorities = [...new Set(rest.map((m) => m.priority))].sort((a, b) => a - b);
  return {
    backendId: backendIdOf("pool", model, "fallback"),
    members: rest.map((m) => ({ ...m, priority: priorities.indexOf(m.priority) + 1 })),
  };
}

/** Problems with planned pools: size, priority and weight ranges. */
export function poolProblems(pools: readonly PoolPlan[]): string[] {
  const problems: string[] = [];
  for (const pool of pools) {
    if (pool.members.length > maxPoolMembers) {
      problems.push(
        `pool '${pool.backendId}' for model '${pool.model}' has ${pool.members.length} members; API Management takes at most ${maxPoolMembers} backends in a pool — front fewer deployments of this model`,
      );
    }
    for (const m of pool.members) {
      if (!(Number.isInteger(m.weight) && m.weight >= 0 && m.weight <= 100)) {
        problems.push(
          `pool '${pool.backendId}': member '${m.backendId}' has weight ${m.weight}; weights are whole numbers from 0 to 100`,
        );
      }
      if (!(Number.isInteger(m.priority) && m.priority >= 0 && m.priority <= 100)) {
        problems.push(
          `pool '${pool.backendId}': member '${m.backendId}' has priority ${m.priority}; priorities are whole numbers from 0 to 100`,
        );
      }
    }
  }
  return problems;
}

/**
 * Problems with the targets themselves: duplicates, backend-id clashes, deployment names that
 * shadow another model, spillover and canary references that do not resolve, canary weights
 * outside 0–100.
 */
export function targetProblems(targets: readonly GatewayModelTarget[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const ids = new Map<string, string>();
  const models = new Set(targets.filter(isRoutable).map((t) => t.model));
  const deploymentModel = new Map<string, string>();
  for (const t of targets) {
    const key = `${t.account}/${t.deployment}`;
    if (keys.has(key)) {
      problems.push(`deployment '${key}' is given twice`);
    }
    keys.add(key);
    const id = targetBackendId(t);
    const other = ids.get(id);
    if (other !== undefined && other !== key) {
      problems.push(`deployments '${other}' and '${key}' both map to backend id '${id}'; rename one`);
    }
    ids.set(id, key);
    if (!isRoutable(t)) {
      continue;
    }
    if (!t.canary && t.deployment !== t.model && models.has(t.deployment)) {
      problems.push(
        `deployment '${key}' of model '${t.model}' is named like model '${t.deployment}'; clients asking for '${t.deployment}' would be ambiguous — rename the deployment`,
      );
    }
    const mapped = deploymentModel.get(t.deployment);
    if (!t.canary && mapped !== undefined && mapped !== t.model) {
      problems.push(
        `deployment name '${t.deployment}' serves model '${mapped}' in one account and '${t.model}' in another; use one model per deployment name`,
      );
    }
    if (!t.canary) {
      deploymentModel.set(t.deployment, t.model);
    }
    if (t.spilloverOf !== undefined) {
      const ptu = targets.find((p) => p.account === t.account && p.deployment === t.spilloverOf);
      if (!ptu || !isProvisioned(ptu.type)) {
        problems.push(
          `deployment '${key}' is the spillover of '${t.spilloverOf}', which is not a provisioned deployment of account '${t.account}'`,
        );
      } else if (isProvisioned(t.type)) {
        problems.push(`deployment '${key}' is provisioned; a spillover must be a standard deployment`);
      }
    }
    if (t.canary) {
      const { stable, weightPercent } = t.canary;
      const s = targets.find((x) => x.account === t.account && x.deployment === stable);
      if (!s) {
        problems.push(
          `canary '${key}' names stable deployment '${stable}', which account '${t.account}' does not have`,
        );
      } else if (s.canary) {
        problems.push(`canary '${key}' names '${stable}', itself a canary; canaries cannot chain`);
      }
      if (!(Number.isInteger(weightPercent) && weightPercent >= 0 && weightPercent <= 100)) {
        problems.push(`canary '${key}': weight ${weightPercent} must be a whole percentage from 0 to 100`);
      }
      if (targets.filter((x) => x.account === t.account && x.canary?.stable === stable).length > 1) {
        problems.push(
          `deployment '${t.account}/${stable}' has more than one canary; keep one candidate at a time`,
        );
      }
    }
  }
  return [...new Set(problems)];
}

/**
 * The route table: every routable model name and every non-candidate deployment name resolves
 * to its model's pool. Candidates are reached only through their pool's weights. Sorted by name.
 */
export function routeTable(pools: readonly PoolPlan[]): GatewayRoute[] {
  const routes = new Map<string, GatewayRoute>();
  const route = (name: string, pool: PoolPlan): GatewayRoute => ({
    name,
    model: pool.model,
    backendId: pool.backendId,
    ...(pool.fallback ? { fallbackBackendId: pool.fallback.backendId } : {}),
  });
  for (const pool of pools) {
    routes.set(pool.model, route(pool.model, pool));
  }
  for (const pool of pools) {
    for (const m of pool.members) {
      if (!m.target.canary && !routes.has(m.target.deployment)) {
        routes.set(m.target.deployment, route(m.target.deployment, pool));
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The names that resolve to one of `models` (for a team's allow-list). */
export function namesForModels(routes: readonly GatewayRoute[], models: readonly string[]): string[] {
  return routes.filter((r) => models.includes(r.model)).map((r) => r.name);
}

/** Retries that let a request try every member of the largest pool once (1–50). */
export function retryCountFor(pools: readonly PoolPlan[]): number {
  const largest = Math.max(1, ...pools.map((p) => p.members.length));
  return Math.min(50, Math.max(1, largest - 1));
}

/** An account's own API (`<endpoint>/openai/v1`), for the operations bound to one account. */
export interface AccountRoute {
  readonly account: string;
  /** The backend id of the account's API. */
  readonly backendId: string;
  /** Any target of the account (its endpoint and resource id). */
  readonly target: GatewayModelTarget;
}

/** Where the account-bound operations go. */
export interface AccountRoutes {
  /**
   * The Responses API: responses are stored in the account that made them (retrieve, delete,
   * input items, cancel and `previous_response_id` only work there), so every Responses call goes
   * to one account — the primary region's — and each requested name to that account's deployment
   * of its model.
   */
  readonly responses?: AccountRoute & {
    readonly deployments: readonly {
      readonly name: string;
      readonly model: string;
      readonly deployment: string;
    }[];
  };
  /** The batch API (files and batches): the account that holds the Global Batch deployments. */
  readonly batch?: AccountRoute;
}

/** The backend id of an account's own API. */
export function accountBackendId(account: string): string {
  return backendIdOf("account", account);
}

/** Plans where the Responses and batch APIs go. */
export function planAccountRoutes(
  targets: readonly GatewayModelTarget[],
  pools: readonly PoolPlan[],
  primaryRegion: string,
): AccountRoutes {
  const routable = targets.filter(isRoutable);
  const home = routable.find((t) => t.location === primaryRegion) ?? routable[0];
  let responses: AccountRoutes["responses"];
  if (home) {
    const deploymentOf = new Map<string, string>();
    for (const pool of pools) {
      // Pool members are ordered by priority: the account's provisioned deployment comes first.
      const member = pool.members.find((m) => m.target.account === home.account && !m.target.canary);
      if (member) {
        deploymentOf.set(pool.model, member.target.deployment);
      }
    }
    responses = {
      account: home.account,
      backendId: accountBackendId(home.account),
      target: home,
      deployments: routeTable(pools)
        .filter((r) => deploymentOf.has(r.model))
        .map((r) => ({ name: r.name, model: r.model, deployment: deploymentOf.get(r.model) as string })),
    };
  }
  const batch = targets.find((t) => !isRoutable(t));
  return {
    responses,
    batch: batch
      ? { account: batch.account, backendId: accountBackendId(batch.account), target: batch }
      : undefined,
  };
}

/** Problems with the account-bound APIs: batch deployments spread over accounts. */
export function accountRouteProblems(
  targets: readonly Pick<GatewayModelTarget, "account" | "type">[],
): string[] {
  const batchAccounts = [...new Set(targets.filter((t) => !isRoutable(t)).map((t) => t.account))];
  return batchAccounts.length > 1
    ? [
        `batch deployments are in accounts ${batchAccounts.join(", ")}; the gateway exposes the batch API (files, batches) of one account, where a batch and its files live — keep the batch deployments in one account`,
      ]
    : [];
}
