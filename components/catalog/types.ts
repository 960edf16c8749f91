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

export type Capability =
  "chat" | "reasoning" | "vision" | "tools" | "structuredOutput" | "embeddings" | "routing";

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

export type Lifecycle = "GA" | "Preview";

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
  /** Model format of the deployment (`OpenAI` for Azure OpenAI models). */
  readonly format: string;
  readonly versions: readonly ModelVersion[];
  readonly capabilities: Sourced<readonly Capability[]>;
  /** Context window in tokens. */
  readonly contextWindow?: Sourced<number>;
  /** Deployment types Azure offers the model on. */
  readonly deploymentTypes: Sourced<readonly DeploymentType[]>;
  /** PTU sizing per provisioned type offered. */
  readonly ptu?: Partial<Record<ProvisionedType, Sourced<PtuSizing>>>;
  /** How many input tokens one output token counts as against PTU capacity. */
  readonly outputTokenWeight?: Sourced<number>;
  /** Token prices per deployment type. */
  readonly prices?: Partial<Record<DeploymentType, Sourced<TokenPrices>>>;
  /** USD per PTU-hour per provisioned type. */
  readonly ptuHourlyUsd?: Partial<Record<ProvisionedType, Sourced<number>>>;
  /** USD per PTU per month with a monthly reservation, per provisioned type. */
  readonly ptuReservationMonthlyUsd?: Partial<Record<ProvisionedType, Sourced<number>>>;
}
