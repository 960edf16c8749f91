/**
 * What the offline tools pass along the plan's path: resources as the engine would see them, the
 * policy violations found in them, and problems the real engine would reject.
 */

/** A property value in Pulumi's wire form: secrets are `{ [sigKey]: secretSig, value }` objects. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireProperties = { [key: string]: WireValue };

/** Options of a registered resource that matter to policy and to reviewers. */
export interface ResourceOptions {
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** URNs of explicit and implicit dependencies. */
  readonly dependsOn: readonly string[];
  /** Provider reference (`<provider urn>::<id>`), when one was given. */
  readonly provider?: string;
}

/** One resource of a plan or of a deployed stack. */
export interface PlannedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** False for component resources. */
  readonly custom: boolean;
  readonly parent?: string;
  /** Inputs in wire form (what `Analyze` receives). */
  readonly inputs: WireProperties;
  /** Outputs in wire form (what `AnalyzeStack` receives); the inputs when none are known. */
  readonly outputs: WireProperties;
  readonly options: ResourceOptions;
  /** Dependencies per input property. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical" | "";

/** A policy violation reported by the policy pack. */
export interface Violation {
  readonly policy: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  /** What is wrong with this resource (the policy's description is not repeated here). */
  readonly message: string;
  /** The resource; empty for a stack-level finding that names no resource. */
  readonly urn: string;
  /** An acknowledged exception that touches this finding (see policies/lib/exceptions.ts). */
  readonly exception?: ViolationException;
}

/**
 * An exception named in a finding: `acknowledged` (valid: the finding is reported as advisory),
 * `expired` (the finding counts again) or `invalid` (no reason or no valid expiry: it never applies).
 */
export interface ViolationException {
  readonly status: "acknowledged" | "expired" | "invalid";
  /** `config` (the rule's policy config) or `tag` (a `policy-exception:<rule>` tag on the resource). */
  readonly source: string;
  /** The reason given, or for an invalid exception what is wrong with it. */
  readonly reason: string;
  readonly expires?: string;
}

/** Something the Pulumi engine or Azure would reject before any policy runs. */
export interface EngineError {
  readonly kind: "duplicate-urn" | "missing-dependency" | "invalid-name";
  readonly urn: string;
  readonly message: string;
}

/** Whether a finding is covered by a valid acknowledged exception. */
export function isAcknowledged(v: Violation): boolean {
  return v.exception?.status === "acknowledged";
}

/** Whether a violation blocks the deployment. */
export function isBlocking(v: Violation): boolean {
  return v.enforcementLevel === "mandatory" || v.enforcementLevel === "remediate";
}
