/**
 * Types of the model catalog: typed, sourced facts about the models a platform may deploy.
 * Every value carries where it comes from and when it was read; a value that cannot be sourced is
 * absent, never invented.
 */
import { DeploymentType } from "./deployment-types";

/** Where a fact comes from and as of when. */
export interface Source {
  /** A public URL or a `repo path` reference. */
  readonly url: string;
  /** ISO date (YYYY-MM-DD) the source states or was read on. */
  readonly asOf: string;
}

/** A value with its source. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: Source;
}

/**
 * What a model can do; the capabilities a model may list, in a stable order.
 * @enum
 */
export const Capability = {
  chat: "chat",
  reasoning: "reasoning",
  vision: "vision",
  tools: "tools",
  structuredOutput: "structuredOutput",
  embeddings: "embeddings",
  routing: "routing",
} as const;
export type Capability = (typeof Capability)[keyof typeof Capability];
/** Every `Capability` value. */
export const capabilities: readonly Capability[] = Object.values(Capability);

/**
 * The model (and version) that replaces a version when it retires.
 * - `schedule`: the replacement Microsoft publishes in the retirement schedule or models table.
 * - `catalog`: no replacement is published; the catalog names the GA model of the same line and
 *   size with the latest retirement date (see `catalogChoice` in `models/sources.ts`).
 */
export interface Successor {
  readonly model: string;
  /**
   * Version of the replacement.
   * @default - the replacement's latest version in the catalog
   */
  readonly version?: string;
  readonly basis: "schedule" | "catalog";
}

export type ProvisionedType = Extract<
  DeploymentType,
  "ProvisionedManaged" | "GlobalProvisionedManaged" | "DataZoneProvisionedManaged"
>;

/** PTU sizing of one model for one provisioned deployment type. */
export interface PtuSizing {
  /** Smallest deployment, in PTUs. */
  readonly min: number;
  /** Deployments grow in multiples of this many PTUs. */
  readonly step: number;
  /** Input tokens per minute one PTU serves, when published. */
  readonly inputTpmPerPtu?: number;
}

/** USD per 1M tokens for one deployment type (East US 2 list prices). */
export interface TokenPrices {
  readonly input: number;
  readonly cachedInput?: number;
  readonly output?: number;
}

/**
 * Lifecycle stage of a version (Learn, "Foundry Models lifecycle and support policy"): Preview,
 * GA, or Legacy (newer models exist; new deployments are still allowed until deprecation). A
 * Deprecated version is a GA or Legacy one with `deprecated` set.
 */
export type Lifecycle = "GA" | "Preview" | "Legacy";

export interface ModelVersion {
  readonly version: string;
  readonly lifecycle: Sourced<Lifecycle>;
  /** ISO date after which the version stops serving, where published. */
  readonly retirementDate?: Sourced<string>;
  /**
   * True when the retirement schedule lists the version as Deprecated: only subscriptions that
   * already deploy it may create new deployments, until its retirement date.
   */
  readonly deprecated?: Sourced<boolean>;
  /**
   * What replaces this version when it retires. Follow it with `successorOf`, which skips
   * replacements that have themselves retired.
   */
  readonly replacement?: Sourced<Successor>;
  /** Model-router versions only: the models this version routes between. */
  readonly routes?: Sourced<readonly RoutableModel[]>;
  /**
   * Model-router versions only: whether a deployment of this version takes `properties.routing`
   * (routing mode and model subset).
   */
  readonly routingConfigurable?: Sourced<boolean>;
}

/** A model a model-router version can route to, as `properties.routing.models[]` spells it. */
export interface RoutableModel {
  readonly format: string;
  readonly name: string;
  readonly version: string;
}

export interface ModelInfo {
  /** Model name as deployments spell it, for example `gpt-4.1-mini`. */
  readonly name: string;
  /**
   * Model format of the deployment (`properties.model.format`): the publisher, for example
   * `OpenAI`, `DeepSeek`, `Meta`, `Mistral AI`, `xAI`, `Microsoft`.
   */
  readonly format: string;
  readonly versions: readonly ModelVersion[];
  readonly capabilities: Sourced<readonly Capability[]>;
  /** Context window in tokens. */
  readonly contextWindow?: Sourced<number>;
  /** Deployment types Azure offers the model on. */
  readonly deploymentTypes: Sourced<readonly DeploymentType[]>;
  /** PTU sizing per provisioned type offered. */
  readonly ptu?: Partial<Record<ProvisionedType, Sourced<PtuSizing>>>;
  /**
   * How many input tokens one output token counts as against PTU capacity (the onboarding page's
   * "throughput ratio"; gpt-5: 8, gpt-5.4: 6, gpt-4.1: 4).
   */
  readonly outputTokenWeight?: Sourced<number>;
  /** Token prices per deployment type (USD per 1M tokens, East US 2; read them with `tokenPricesFor`). */
  readonly prices?: Partial<Record<DeploymentType, Sourced<TokenPrices>>>;
  /** USD per PTU-hour per provisioned type (read with `ptuHourlyUsdFor`). */
  readonly ptuHourlyUsd?: Partial<Record<ProvisionedType, Sourced<number>>>;
  /** USD per PTU per month with a monthly reservation, per provisioned type (read with `ptuReservationMonthlyUsdFor`). */
  readonly ptuReservationMonthlyUsd?: Partial<Record<ProvisionedType, Sourced<number>>>;
}
