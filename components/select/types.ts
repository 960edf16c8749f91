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
  readonly routing?: { readonly mode: RoutingMode; readonly models: readonly RoutableModel[] };
}

/** A model and deployment type that meets the contract. */
export interface ModelCandidate {
  readonly model: string;
  readonly version: string;
  readonly format: string;
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
  readonly monthlyUsdRange?: { readonly min: number; readonly max: number };
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
  readonly plan: CandidatePlan;
}

/** A model, or one deployment type of it, that does not meet the contract. */
export interface Rejection {
  readonly model: string;
  /** @default - the model as a whole */
  readonly deploymentType?: DeploymentType;
  readonly why: string;
}

export interface Selection {
  readonly workload: string;
  /** The contract's requirements in catalog terms (`describeRequirements`). */
  readonly requirements: readonly string[];
  /** Best first. */
  readonly candidates: readonly ModelCandidate[];
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
