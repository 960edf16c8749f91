/**
 * Workload contracts: what a workload needs from a model (task, capabilities, latency, safety, data
 * residency, traffic, budget), stated without naming a model. `selectModels` turns a contract into
 * ranked candidates; `deriveWorkload` turns the best candidate into deployments.
 */
import { DataScope } from "../catalog/deployment-types";
import { retirementWarningDays } from "../catalog/validate";
import { slotsPerDay } from "./demand";

/** What the workload does; each task maps to catalog capabilities (see `taskCapabilities`). */
export const workloadTasks = [
  "chat",
  "reasoning",
  "classification",
  "extraction",
  "embedding",
  "vision",
] as const;
/** One of {@link workloadTasks}. */
export type WorkloadTask = (typeof workloadTasks)[number];

/** What the workload needs beyond its task. */
export const workloadNeeds = ["tools", "structuredOutput", "vision", "longContext"] as const;
/** One of {@link workloadNeeds}. */
export type WorkloadNeed = (typeof workloadNeeds)[number];

/**
 * How long a caller waits: `interactive` (a person is waiting: synchronous, provisioned throughput
 * allowed), `standard` (synchronous, pay-as-you-go), `relaxed` (results may take Azure's 24-hour
 * batch window).
 */
export const workloadLatencies = ["interactive", "standard", "relaxed"] as const;
/** One of {@link workloadLatencies}. */
export type WorkloadLatency = (typeof workloadLatencies)[number];

/** `strict`: GA models only, the strict content filter; `default`: Preview models allowed. */
export const workloadSafetyLevels = ["strict", "default"] as const;
/** One of {@link workloadSafetyLevels}. */
export type WorkloadSafety = (typeof workloadSafetyLevels)[number];

/** Where prompts and completions may be processed (the catalog's data scopes). */
export const workloadResidencies = ["global", "dataZone", "regional"] as const satisfies readonly DataScope[];

/** `auto`: a Model Router over the eligible models; `fixed`: one model. */
export const workloadRoutings = ["auto", "fixed"] as const;
/** One of {@link workloadRoutings}. */
export type WorkloadRouting = (typeof workloadRoutings)[number];

/** The workload's traffic, averaged over the month. */
export interface WorkloadTraffic {
  /** Requests per minute, averaged over the month. */
  readonly requestsPerMinute: number;
  /** Average input (prompt) tokens per request. */
  readonly avgInputTokens: number;
  /** Average output (completion) tokens per request; 0 for embeddings. */
  readonly avgOutputTokens: number;
  /**
   * Busiest minute's requests over the average (1 = flat). Sizes capacity and the PTU planner's day.
   * @default 1
   */
  readonly peakToAverage?: number;
  /**
   * Share (0–1) of the requests that can wait for a batch job (results within 24 hours).
   * @default 0
   */
  readonly asyncShare?: number;
  /**
   * Share (0–1) of the requests that repeat an earlier prompt: priced at the cached-input price
   * where prompt caching applies, and a semantic cache on the gateway when significant.
   * @default 0
   */
  readonly repeatShare?: number;
}

/** A workload's contract. */
export interface WorkloadContract {
  /** Workload name: lower-case letters, digits and '-'; names the derived deployments. */
  readonly name: string;
  /**
   * Gateway team the workload belongs to: derivation gives the team's product the workload's
   * models and token limits.
   * @default - no team
   */
  readonly team?: string;
  /** What the workload does; chooses the capabilities a model must have. */
  readonly task: WorkloadTask;
  /**
   * Needs beyond the task.
   * @default []
   */
  readonly needs?: readonly WorkloadNeed[];
  /** How long a caller waits; chooses the deployment families allowed. */
  readonly latency: WorkloadLatency;
  /** `strict` allows GA models only; `default` allows Preview models too. */
  readonly safety: WorkloadSafety;
  /** Widest data scope allowed: `regional` (Standard, Provisioned), `dataZone` or `global`. */
  readonly dataResidency: DataScope;
  /** The traffic the monthly cost and the capacity are worked out for. */
  readonly traffic: WorkloadTraffic;
  /**
   * Most the workload may cost per month, in USD; dearer candidates are rejected.
   * @default - no budget
   */
  readonly budgetUsdPerMonth?: number;
  /**
   * `auto` routes through a Model Router over the eligible models; `fixed` deploys one model.
   * @default "fixed"
   */
  readonly routing?: WorkloadRouting;
  /**
   * Days a model version must still serve from the day judged.
   * @default 120 (the catalog's 90-day retirement warning plus 30 days to plan the move)
   */
  readonly minRunwayDays?: number;
  /**
   * Only these models may be chosen (for example, the ones that passed your evaluation).
   * @default - every catalog model
   */
  readonly models?: readonly string[];
}

/** Default of `minRunwayDays`: a chosen version serves at least 30 days past its retirement warning. */
export const defaultMinRunwayDays = retirementWarningDays + 30;

/**
 * Context window a `longContext` workload needs: prompts beyond 272,000 tokens, the input limit of
 * the 400,000-token GPT-5 windows, fit only the 1M-token class (Learn, "Foundry Models sold directly
 * by Azure": https://learn.microsoft.com/azure/foundry/foundry-models/concepts/models-sold-directly-by-azure).
 */
export const longContextMinTokens = 1_000_000;

/** Largest `peakToAverage`: one busy six-minute slot in a day (see `dayOfRequests`). */
export const maxPeakToAverage = slotsPerDay;

/** Smallest `repeatShare` for which derivation puts a semantic cache on the gateway. */
export const semanticCacheMinRepeatShare = 0.2;

/** The traffic with its defaults applied. */
export type ResolvedTraffic = Required<WorkloadTraffic>;

export function resolvedTraffic(t: WorkloadTraffic): ResolvedTraffic {
  return {
    requestsPerMinute: t.requestsPerMinute,
    avgInputTokens: t.avgInputTokens,
    avgOutputTokens: t.avgOutputTokens,
    peakToAverage: t.peakToAverage ?? 1,
    asyncShare: t.asyncShare ?? 0,
    repeatShare: t.repeatShare ?? 0,
  };
}

/** One thing wrong with a contract, at a path relative to it. */
export interface ContractProblem {
  /** The key path inside the contract, for example `["traffic", "asyncShare"]`. */
  readonly path: readonly (string | number)[];
  /** The value found there. */
  readonly value: unknown;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

const shareFields = ["asyncShare", "repeatShare"] as const;

/**
 * Everything wrong with a contract that its types cannot say: numbers out of range, and settings
 * that contradict each other (everything asynchronous with interactive latency, for example).
 */
export function contractProblems(c: WorkloadContract): ContractProblem[] {
  return [...contractRangeProblems(c), ...contractConsistencyProblems(c)];
}

/** Numbers out of range (the stack config schema states the same ranges). */
export function contractRangeProblems(c: WorkloadContract): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const t = c.traffic;
  const at = (...path: (string | number)[]) => path;
  if (!(Number.isFinite(t.requestsPerMinute) && t.requestsPerMinute > 0)) {
    problems.push({
      path: at("traffic", "requestsPerMinute"),
      value: t.requestsPerMinute,
      message: "must be a number above 0 (requests per minute, averaged over the month)",
    });
  }
  if (!(Number.isFinite(t.avgInputTokens) && t.avgInputTokens >= 1)) {
    problems.push({
      path: at("traffic", "avgInputTokens"),
      value: t.avgInputTokens,
      message: "must be a number of at least 1",
    });
  }
  if (!(Number.isFinite(t.avgOutputTokens) && t.avgOutputTokens >= 0)) {
    problems.push({
      path: at("traffic", "avgOutputTokens"),
      value: t.avgOutputTokens,
      message: "must be a number of at least 0",
    });
  }
  if (
    t.peakToAverage !== undefined &&
    !(Number.isFinite(t.peakToAverage) && t.peakToAverage >= 1 && t.peakToAverage <= maxPeakToAverage)
  ) {
    problems.push({
      path: at("traffic", "peakToAverage"),
      value: t.peakToAverage,
      message: `is the busiest minute over the average: a number from 1 (flat) to ${maxPeakToAverage}`,
    });
  }
  for (const field of shareFields) {
    const v = t[field];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) {
      problems.push({ path: at("traffic", field), value: v, message: "is a share: a number from 0 to 1" });
    }
  }
  if (
    c.budgetUsdPerMonth !== undefined &&
    !(Number.isFinite(c.budgetUsdPerMonth) && c.budgetUsdPerMonth > 0)
  ) {
    problems.push({
      path: at("budgetUsdPerMonth"),
      value: c.budgetUsdPerMonth,
      message: "must be an amount above 0 (USD per month)",
    });
  }
  if (c.minRunwayDays !== undefined && !(Number.isInteger(c.minRunwayDays) && c.minRunwayDays >= 0)) {
    problems.push({
      path: at("minRunwayDays"),
      value: c.minRunwayDays,
      message: "must be a whole number of days, at least 0",
    });
  }
  return problems;
}

/** Settings that contradict each other. */
export function contractConsistencyProblems(c: WorkloadContract): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const t = c.traffic;
  const at = (...path: (string | number)[]) => path;
  if ((t.asyncShare ?? 0) >= 1 && c.latency !== "relaxed") {
    problems.push({
      path: at("latency"),
      value: c.latency,
      message:
        "asyncShare 1 sends every request to a batch job (results within 24 hours); set latency: relaxed, or lower asyncShare",
    });
  }
  if (c.task === "embedding") {
    if (c.routing === "auto") {
      problems.push({
        path: at("routing"),
        value: c.routing,
        message: "a Model Router routes chat prompts, not embeddings; use routing: fixed",
      });
    }
    if ((t.asyncShare ?? 0) > 0) {
      problems.push({
        path: at("traffic", "asyncShare"),
        value: t.asyncShare,
        message: "the batch API does not take embeddings models (Learn, batch FAQ); set asyncShare: 0",
      });
    }
  }
  return problems;
}
