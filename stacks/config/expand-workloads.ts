/**
 * Workloads → config: before the stack config is validated, every workload is ranked
 * (`selectModels`) and the ones that derive add their deployments, their team and the semantic cache
 * to the config as if written by hand. The whole config, derived parts included, then goes through
 * the same validation; a problem in a derived part is reported at the workload that derived it.
 *
 * Only the fields derivation reads are checked here (loosely); when they do not parse, nothing is
 * derived and the full validation reports the problem.
 */
import { z } from "zod";
import { isProvisioned, isDeploymentType } from "../../components/catalog/deployment-types";
import { models } from "../../components/catalog/models";
import { environments } from "../../components/common/environment";
import {
  deriveSemanticCache,
  DerivedDeploymentSpec,
  DerivedSemanticCache,
  DerivedTeamSpec,
  deriveTeams,
  deriveWorkload,
  DerivedWorkload,
  TeamShare,
} from "../../components/select/derive";
import { EnvironmentLimits } from "../../components/select/requirements";
import { selectModels } from "../../components/select/select";
import { Selection } from "../../components/select/types";
import { environmentDefaults } from "../defaults";
import { contractOf, WorkloadConfig, workloadConfig } from "./workloads";

/** One workload's ranking and what it derives. */
export interface WorkloadPlan {
  /** Index in `workloads`. */
  readonly index: number;
  readonly workload: WorkloadConfig;
  /** Whether the stack deploys what it derives (`derive`, resolved). */
  readonly derive: boolean;
  /** The account the derived deployments go to. */
  readonly account: string;
  readonly selection: Selection;
  readonly derived: DerivedWorkload;
}

/** The stack's workloads: their plans and the semantic cache derived for them. */
export interface WorkloadsPlan {
  readonly plans: readonly WorkloadPlan[];
  /** The gateway teams the deriving workloads make (also those refused for a clash). */
  readonly teams: readonly DerivedTeamSpec[];
  /** @default - no cache derived */
  readonly semanticCache?: DerivedSemanticCache & { readonly account: string; readonly note: string };
}

/** Where a derived part was put, and which workload it came from. */
interface Origin {
  readonly path: readonly (string | number)[];
  readonly workload: number;
  readonly what: string;
}

export interface Expansion {
  /** The config with the derived parts added. */
  readonly raw: Record<string, unknown>;
  /**
   * The workloads' plans.
   * @default - none: the config has no workloads, or they do not parse (the validation says why)
   */
  readonly workloads?: WorkloadsPlan;
  /** Problems of the workloads that no schema sees: name clashes, no candidate. */
  readonly issues: readonly z.core.$ZodIssue[];
  readonly origins: readonly Origin[];
}

/** The fields derivation reads, loosely: the rest is validated afterwards. */
const readable = z.looseObject({
  environment: z.enum(environments),
  workloads: z.array(workloadConfig).min(1),
  accounts: z
    .array(
      z.looseObject({
        name: z.string(),
        deployments: z
          .array(
            z.looseObject({
              name: z.string().optional(),
              model: z.string(),
              type: z.string(),
              capacity: z.number(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  gateway: z
    .looseObject({
      enabled: z.boolean().optional(),
      teams: z.array(z.looseObject({ name: z.string() })).optional(),
      semanticCache: z.looseObject({}).optional(),
    })
    .optional(),
});

type Readable = z.infer<typeof readable>;

/** The default account of derived deployments in a stack without one. */
export const defaultWorkloadAccount = "main";

function issue(path: readonly (string | number)[], input: unknown, message: string): z.core.$ZodIssue {
  return { code: "custom", path: [...path], input, message } as z.core.$ZodIssue;
}

/** A spec as plain config data (no undefined fields). */
function plain(spec: DerivedDeploymentSpec | object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(spec)) as Record<string, unknown>;
}

/** PTUs the hand-written provisioned deployments hold. */
function handWrittenPtus(config: Readable): number {
  return (config.accounts ?? [])
    .flatMap((a) => a.deployments ?? [])
    .filter((d) => isDeploymentType(d.type) && isProvisioned(d.type))
    .reduce((sum, d) => sum + d.capacity, 0);
}

/**
 * A few rejections that say most: deployment types the environment or the budget ruled out first
 * (the contract's own latency and residency choices next), then whole models.
 */
function rejectionSummary(selection: Selection): string {
  const fundamental = (why: string) => why.startsWith("latency ") || why.startsWith("processes data at ");
  const typed = selection.rejected.filter((r) => r.deploymentType !== undefined);
  const shown = [
    ...typed.filter((r) => !fundamental(r.why)),
    ...typed.filter((r) => fundamental(r.why)),
    ...selection.rejected.filter((r) => r.deploymentType === undefined),
  ].slice(0, 3);
  return shown
    .map((r) => `${r.model}${r.deploymentType ? ` ${r.deploymentType}` : ""}: ${r.why}`)
    .join(" | ");
}

/**
 * Ranks every workload on `on` within `limits` and adds what the deriving ones need to `raw`.
 * `limits` is read only when the config has workloads.
 */
export function expandWorkloads(
  raw: Record<string, unknown>,
  on: Date,
  limits: () => EnvironmentLimits | undefined,
): Expansion {
  if (raw.workloads === undefined) {
    return { raw, issues: [], origins: [] };
  }
  const parsed = readable.safeParse(raw);
  if (!parsed.success) {
    return { raw, issues: [], origins: [] };
  }
  const config = parsed.data;
  const env = limits() ?? {};
  const out = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
  const accounts = (out.accounts ?? []) as { name: string; deployments?: Record<string, unknown>[] }[];
  const handWrittenAccounts = accounts.length;
  const gw = config.gateway;
  const gateway = gw !== undefined && (gw.enabled ?? environmentDefaults(config.environment).gatewayEnabled);
  const issues: z.core.$ZodIssue[] = [];
  const origins: Origin[] = [];
  let ptusLeft = env.maxPtu === undefined ? undefined : env.maxPtu - handWrittenPtus(config);

  const plans = config.workloads.map((w, index): WorkloadPlan => {
    const derive = w.derive ?? handWrittenAccounts === 0;
    const account = w.account ?? accounts[0]?.name ?? defaultWorkloadAccount;
    const contract = contractOf(w);
    const selection = selectModels(contract, models, on, {
      ...env,
      ...(ptusLeft !== undefined ? { maxPtu: Math.max(0, ptusLeft) } : {}),
    });
    const derived = deriveWorkload(contract, selection, { gateway });
    if (derive) {
      const ptus = derived.deployments
        .filter((d) => isProvisioned(d.type))
        .reduce((sum, d) => sum + d.capacity, 0);
      if (ptusLeft !== undefined) {
        ptusLeft -= ptus;
      }
    }
    return { index, workload: w, derive, account, selection, derived };
  });

  /** The account of `name`, created (empty) when the stack has none of that name. */
  const accountIndex = (name: string, workload: number): number => {
    let i = accounts.findIndex((a) => a.name === name);
    if (i < 0) {
      accounts.push({ name, deployments: [] });
      i = accounts.length - 1;
      origins.push({ path: ["accounts", i], workload, what: `account '${name}'` });
    }
    return i;
  };
  /** Adds a workload's deployments to its account, or none of them when a name is taken there. */
  const inject = (specs: readonly DerivedDeploymentSpec[], account: string, workload: number): boolean => {
    const existing = accounts.findIndex((a) => a.name === account);
    const taken = existing >= 0 ? (accounts[existing].deployments ?? []) : [];
    let clashed = false;
    for (const spec of specs) {
      const clash = taken.findIndex((d) => (d.name ?? d.model) === spec.name);
      if (clash >= 0) {
        clashed = true;
        const from = origins.find((o) => o.path.join("/") === `accounts/${existing}/deployments/${clash}`);
        issues.push(
          issue(
            ["workloads", workload, "name"],
            config.workloads[workload].name,
            `the derived deployment '${spec.name}' clashes with accounts[${existing}].deployments[${clash}] of account '${account}'${from ? ` (derived by workloads[${from.workload}])` : ""}; rename the workload or that deployment`,
          ),
        );
      }
    }
    if (clashed) {
      return false;
    }
    const a = accountIndex(account, workload);
    const list = (accounts[a].deployments ??= []);
    for (const spec of specs) {
      list.push(plain(spec));
      origins.push({
        path: ["accounts", a, "deployments", list.length - 1],
        workload,
        what: `deployment '${spec.name}'`,
      });
    }
    return true;
  };

  const shares: { share: TeamShare; workload: number }[] = [];
  const injected = new Set<number>();
  for (const plan of plans.filter((p) => p.derive)) {
    if (plan.derived.deployments.length === 0) {
      issues.push(
        issue(
          ["workloads", plan.index],
          plan.workload.name,
          `no model and deployment type meets the contract (${plan.selection.rejected.length} rejections; for example ${rejectionSummary(plan.selection)}); run 'npm run select -- --workload ${plan.workload.name}' for all of them, then relax the contract or approve a model`,
        ),
      );
      continue;
    }
    if (!inject(plan.derived.deployments, plan.account, plan.index)) {
      continue;
    }
    injected.add(plan.index);
    if (plan.derived.teamShare) {
      shares.push({ share: plan.derived.teamShare, workload: plan.index });
    }
  }

  const teams = deriveTeams(shares.map((s) => s.share));
  if (teams.length > 0) {
    const gateway = out.gateway as { teams?: Record<string, unknown>[] };
    const list = (gateway.teams ??= []);
    for (const team of teams) {
      const workload = shares.find((s) => s.share.team === team.name)?.workload ?? 0;
      const clash = list.findIndex((t) => t.name === team.name);
      if (clash >= 0) {
        issues.push(
          issue(
            ["workloads", workload, "team"],
            team.name,
            `team '${team.name}' is declared in gateway.teams[${clash}]; a derived team takes its allow-list and limits from its workloads: remove gateway.teams[${clash}], or the workload's team`,
          ),
        );
        continue;
      }
      list.push(plain(team));
      origins.push({ path: ["gateway", "teams", list.length - 1], workload, what: `team '${team.name}'` });
    }
  }

  const caching = plans.filter((p) => injected.has(p.index) && p.derived.wantsSemanticCache);
  let semanticCache: WorkloadsPlan["semanticCache"];
  if (caching.length > 0) {
    const first = caching[0];
    const cache = deriveSemanticCache(
      caching.map((p) => contractOf(p.workload)),
      models,
      on,
      env,
    );
    const gatewayOut = out.gateway as { semanticCache?: unknown };
    if (gatewayOut.semanticCache !== undefined) {
      semanticCache = {
        ...cache,
        account: first.account,
        note: "the stack's gateway.semanticCache serves the repeats",
      };
    } else if (!cache.deployment) {
      semanticCache = {
        ...cache,
        account: first.account,
        note: "no embeddings model meets the cache's contract, so no semantic cache is derived",
      };
    } else if (inject([cache.deployment], first.account, first.index)) {
      gatewayOut.semanticCache = { embeddingsDeployment: cache.deployment.name, account: first.account };
      origins.push({ path: ["gateway", "semanticCache"], workload: first.index, what: "the semantic cache" });
      semanticCache = {
        ...cache,
        account: first.account,
        note: `a semantic cache on the gateway for ${caching.map((p) => p.workload.name).join(", ")} (repeatShare of at least 0.2), vectorising prompts with ${cache.deployment.model}`,
      };
    }
  }
  if (accounts.length === 0) {
    issues.push(
      issue(
        ["accounts"],
        undefined,
        "required: declare at least one account, or let a workload derive one (derive: true)",
      ),
    );
  }
  out.accounts = accounts;
  return {
    raw: out,
    workloads: { plans, teams, ...(semanticCache ? { semanticCache } : {}) },
    issues,
    origins,
  };
}

/**
 * Issues of the full validation that fall in a derived part, reported at the workload that derived
 * it (the derived key in the message); other issues unchanged.
 */
export function attributeIssues(
  issues: readonly z.core.$ZodIssue[],
  origins: readonly Origin[],
): z.core.$ZodIssue[] {
  const sorted = [...origins].sort((a, b) => b.path.length - a.path.length);
  return issues.map((i) => {
    const o = sorted.find((x) => x.path.every((p, k) => i.path[k] === p));
    if (!o) {
      return i;
    }
    const where = i.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .slice(1);
    return { ...i, path: ["workloads", o.workload], message: `derived ${o.what} (${where}): ${i.message}` };
  });
}
