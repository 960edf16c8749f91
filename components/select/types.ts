/** The selector's results: ranked candidates, rejections, and what the filters work with. */
import { DeploymentType, ModelInfo, RoutableModel } from "../catalog";
import { RoutingMode } from "../catalog/validate";
import { ResolvedTraffic, WorkloadContract } from "./contract";
import { PricedPart, ProvisionedPart } from "./price";
import { EnvironmentLimits, Requirements } from "./requirements";

/** How a candidate would be deployed: what derivation turns into deployment specs. */
export interface CandidatePlan {
  /** The deployment that takes the synchronous share (all traffic for a batch candidate). */
  readonly primary: PricedPart | ProvisionedPart;
  /**
   * The batch deployment of the asynchronous share, when it has its own.
   * @default - none: no asynchronous share, or it stays on the primary
   */
  readonly batch?: PricedPart;
  /**
   * Model Router candidates: the routing mode and model subset.
   * @default - none: not a router
   */
  readonly routing?: {
    /** The router's routing mode. */
    readonly mode: RoutingMode;
    /** The models it may route to. */
    readonly models: readonly RoutableModel[];
  };
}

/** A model and deployment type that meets the contract. */
export interface ModelCandidate {
  /** The catalog's model name. */
  readonly model: string;
  /** The version to deploy: the newest one the contract and the environment allow. */
  readonly version: string;
  /** The model's format (publisher), as a deployment names it. */
  readonly format: string;
  /** The deployment type the cost and the plan are for. */
  readonly deploymentType: DeploymentType;
  /**
   * USD per month for the contract's traffic (primary and batch parts).
   * @default - undefined for a Model Router: it bills the routed models' tokens plus a fee the catalog has no price for
   */
  readonly monthlyUsd?: number;
  /**
   * For a Model Router: the month's cost if every prompt went to its cheapest, or dearest, model.
   * @default - none: not a router
   */
  readonly monthlyUsdRange?: {
    /** Every prompt on the cheapest routed model. */
    readonly min: number;
    /** Every prompt on the dearest routed model. */
    readonly max: number;
  };
  /** Why it fits: capability fit, residency, lifecycle runway, latency class and cost, in sentences. */
  readonly reasons: readonly string[];
  /** What the candidate meets, in a few words (capabilities and context window). */
  readonly fit: string;
  /**
   * The version's retirement date.
   * @default - none published (such versions are rejected; the field is always set on candidates)
   */
  readonly retirementDate?: string;
  /**
   * Whole days from the day judged to the retirement date.
   * @default - none published (as `retirementDate`)
   */
  readonly runwayDays?: number;
  /** How it would be deployed. */
  readonly plan: CandidatePlan;
}

/** A model, or one deployment type of it, that does not meet the contract. */
export interface Rejection {
  /** The catalog's model name. */
  readonly model: string;
  /** @default - the model as a whole */
  readonly deploymentType?: DeploymentType;
  /** The filter it failed, in a sentence. */
  readonly why: string;
}

/** What `selectModels` found for one contract. */
export interface Selection {
  /** The contract's name. */
  readonly workload: string;
  /** The contract's requirements in catalog terms (`describeRequirements`). */
  readonly requirements: readonly string[];
  /** Best first. */
  readonly candidates: readonly ModelCandidate[];
  /** The models, or deployment types of a model, that fail the contract, with why. */
  readonly rejected: readonly Rejection[];
}

/** What the selector settled for a model: the version to deploy and what it meets. */
export interface EligibleModel {
  readonly info: ModelInfo;
  readonly version: string;
  readonly retirementDate: string;
  readonly runwayDays: number;
  readonly lifecycle: string;
  readonly fit: string;
  /** The fit in a sentence. */
  readonly fitReason: string;
}

/** Everything the filters need besides the model. */
export interface SelectionContext {
  readonly contract: WorkloadContract;
  readonly traffic: ResolvedTraffic;
  readonly req: Requirements;
  readonly limits: EnvironmentLimits;
  readonly today: Date;
  /** The models judged. */
  readonly catalog: readonly ModelInfo[];
}
