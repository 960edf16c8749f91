/**
 * What a contract requires of a model and a deployment type, in catalog terms: capabilities, a
 * context window, deployment families, a data scope, a lifecycle runway. The selector applies these
 * as hard filters; `describeRequirements` states them for reports and docs.
 */
import { DataScope, DeploymentFamily } from "../catalog/deployment-types";
import { Capability, capabilities } from "../catalog/types";
import {
  defaultMinRunwayDays,
  longContextMinTokens,
  WorkloadContract,
  WorkloadNeed,
  WorkloadTask,
} from "./contract";

/**
 * What the environment's policy allows, so that the selector proposes only what the policy pack
 * accepts. Read from the environment's policy config (`policies/config/<env>.json`).
 */
export interface EnvironmentLimits {
  /**
   * Model name → approved versions (`ai-deployment-approved-model`).
   * @default - every catalog version is approved
   */
  readonly approvedModels?: Readonly<Record<string, readonly string[]>>;
  /**
   * Widest data-processing scope allowed (`ai-deployment-data-residency`).
   * @default "global"
   */
  readonly dataResidency?: DataScope;
  /**
   * Largest `sku.capacity` (thousands of TPM) of one standard deployment
   * (`cost-deployment-standard-capacity`).
   * @default - no cap
   */
  readonly maxStandardCapacity?: number;
  /**
   * PTUs the workload may still take (`cost-stack-ptu-total` less what the stack holds already).
   * @default - no cap
   */
  readonly maxPtu?: number;
  /**
   * Where the limits come from, named in reasons (a policy config file).
   * @default "the environment's policy"
   */
  readonly source?: string;
}

/** Catalog capabilities each task needs. */
export const taskCapabilities: Readonly<Record<WorkloadTask, readonly Capability[]>> = {
  chat: ["chat"],
  reasoning: ["reasoning"],
  classification: ["chat"],
  extraction: ["chat", "structuredOutput"],
  embedding: ["embeddings"],
  vision: ["chat", "vision"],
};

/** Catalog capability each need maps to (`longContext` is a context window instead). */
export const needCapabilities: Readonly<Record<Exclude<WorkloadNeed, "longContext">, Capability>> = {
  tools: "tools",
  structuredOutput: "structuredOutput",
  vision: "vision",
};

/**
 * Deployment families a latency class may use for its synchronous share. Batch jobs have a 24-hour
 * target turnaround (Learn, https://learn.microsoft.com/azure/foundry/openai/how-to/batch), so only
 * `relaxed` takes them.
 */
export const latencyFamilies: Readonly<Record<WorkloadContract["latency"], readonly DeploymentFamily[]>> = {
  interactive: ["standard", "provisioned"],
  standard: ["standard"],
  relaxed: ["standard", "batch"],
};

/** Data scopes from narrowest to widest. */
export const scopeWidth: Readonly<Record<DataScope, number>> = { regional: 0, dataZone: 1, global: 2 };

/** The narrower of two scopes. */
export function narrower(a: DataScope, b: DataScope): DataScope {
  return scopeWidth[a] <= scopeWidth[b] ? a : b;
}

/** The hard requirements of a contract in an environment. */
export interface Requirements {
  /** Capabilities every candidate lists, in the catalog's order. */
  readonly capabilities: readonly Capability[];
  /** Smallest context window: the average request, or the long-context threshold. */
  readonly minContextTokens: number;
  readonly longContext: boolean;
  /** Families the synchronous share may use (`latencyFamilies`). */
  readonly families: readonly DeploymentFamily[];
  /** Widest data scope: the narrower of the contract's and the environment's. */
  readonly residency: DataScope;
  readonly minRunwayDays: number;
  /** Safety strict: GA versions only. */
  readonly gaOnly: boolean;
  /** @default - any model */
  readonly models?: readonly string[];
  /** @default - no budget */
  readonly budgetUsdPerMonth?: number;
}

export function requirementsOf(c: WorkloadContract, limits: EnvironmentLimits = {}): Requirements {
  const needs = c.needs ?? [];
  const wanted = new Set<Capability>(taskCapabilities[c.task]);
  for (const need of needs) {
    if (need !== "longContext") {
      wanted.add(needCapabilities[need]);
    }
  }
  const longContext = needs.includes("longContext");
  const request = c.traffic.avgInputTokens + c.traffic.avgOutputTokens;
  return {
    capabilities: capabilities.filter((cap) => wanted.has(cap)),
    minContextTokens: Math.max(request, longContext ? longContextMinTokens : 0),
    longContext,
    families: latencyFamilies[c.latency],
    residency: narrower(c.dataResidency, limits.dataResidency ?? "global"),
    minRunwayDays: c.minRunwayDays ?? defaultMinRunwayDays,
    gaOnly: c.safety === "strict",
    ...(c.models ? { models: c.models } : {}),
    ...(c.budgetUsdPerMonth !== undefined ? { budgetUsdPerMonth: c.budgetUsdPerMonth } : {}),
  };
}

/** The requirements in words, one line each (reports and docs). */
export function describeRequirements(c: WorkloadContract, limits: EnvironmentLimits = {}): string[] {
  const r = requirementsOf(c, limits);
  const env =
    limits.dataResidency && r.residency !== c.dataResidency
      ? ` (${limits.source ?? "the environment"} allows ${limits.dataResidency})`
      : "";
  return [
    `capabilities: ${r.capabilities.join(", ")} (task ${c.task}${(c.needs ?? []).length > 0 ? `, needs ${(c.needs ?? []).join(", ")}` : ""})`,
    `context window: at least ${r.minContextTokens.toLocaleString("en-US")} tokens${r.longContext ? " (longContext)" : " (the average request)"}`,
    `deployment families for the synchronous share: ${r.families.join(", ")} (latency ${c.latency})`,
    `data scope: ${r.residency} or narrower${env}`,
    `lifecycle: ${r.gaOnly ? "GA" : "GA or Preview"}, not Legacy or deprecated, serving at least ${r.minRunwayDays} more days`,
    ...(r.models ? [`models: ${r.models.join(", ")}`] : []),
    ...(r.budgetUsdPerMonth !== undefined
      ? [`budget: at most $${r.budgetUsdPerMonth.toLocaleString("en-US")} per month`]
      : []),
  ];
}
