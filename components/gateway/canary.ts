/**
 * Weighted canary upgrades: a candidate deployment of a new model version, or of a successor model
 * (gpt-5 → gpt-5.4), next to the stable one, receiving `weightPercent` of the stable deployment's
 * traffic through the gateway pool. Clients keep calling the stable deployment's name: the candidate
 * sits in the stable deployment's pool whatever model it serves. Rolling back is removing the
 * upgrade or setting its weight to 0: no candidate is declared, so the plan shows the stable
 * version alone (and the next `pulumi up` deletes the candidate).
 */
import { DeploymentType, familyOf } from "../catalog/deployment-types";
import { nameProblems, nameRules } from "../common/naming";
import { evaluationTags } from "../evaluation/tags";

/** A controlled model upgrade. */
export interface UpgradeSpec {
  /** Name of the stable deployment to upgrade. */
  readonly deployment: string;
  /**
   * Logical name of the account holding it.
   * @default - every account that has a deployment of that name gets a candidate
   */
  readonly account?: string;
  /**
   * Model of the candidate: a successor model, for example `gpt-5.4` for a `gpt-5` deployment.
   * @default - the stable deployment's model (a version upgrade)
   */
  readonly candidateModel?: string;
  /** Model version of the candidate, for example `2026-03-05`. */
  readonly candidateVersion: string;
  /** Share of the stable deployment's traffic sent to the candidate, 0–100; 0 rolls back. */
  readonly weightPercent: number;
  /**
   * Extra tags on the candidate deployment(s), for example the evaluation evidence the stack
   * program reads from the reports (components/evaluation/evidence.ts).
   * @default - none beyond the platform's tags and `canaryOf`
   */
  readonly candidateTags?: Readonly<Record<string, string>>;
}

/**
 * The fields of a deployment spec the canary reads.
 * @internal
 */
export interface DeploymentLike {
  readonly name?: string;
  readonly model: string;
  readonly version?: string;
  readonly type: DeploymentType;
  readonly capacity: number;
  readonly protect?: boolean;
  readonly tags?: Readonly<Record<string, unknown>>;
}

/**
 * The candidate's deployment name: stable across candidate versions, so a new candidate version updates it in place.
 * @internal
 */
export function candidateDeploymentName(stable: string): string {
  return `${stable}-canary`;
}

/**
 * One planned candidate.
 * @internal
 */
export interface CanaryPlan<S extends DeploymentLike> {
  readonly account: string;
  readonly stable: S;
  /**
   * Same type and capacity as the stable one; the candidate model and version; never protected
   * (rollback deletes it); tagged `canaryOf: <stable>` plus the upgrade's `candidateTags`.
   */
  readonly candidate: S;
  readonly weightPercent: number;
}

/**
 * Plans the candidates of an upgrade over the platform's accounts. Returns the candidates (none
 * when the weight is 0: rolled back) and every problem found.
 * @internal
 */
export function planCanary<S extends DeploymentLike>(
  accounts: readonly { readonly name: string; readonly deployments?: readonly S[] }[],
  upgrade: UpgradeSpec | undefined,
): { readonly plans: CanaryPlan<S>[]; readonly problems: string[] } {
  if (!upgrade) {
    return { plans: [], problems: [] };
  }
  const problems: string[] = [];
  const where = `upgrade of '${upgrade.deployment}'`;
  if (!(
    Number.isInteger(upgrade.weightPercent) &&
    upgrade.weightPercent >= 0 &&
    upgrade.weightPercent <= 100
  )) {
    problems.push(`${where}: weightPercent ${upgrade.weightPercent} must be a whole number from 0 to 100`);
  }
  const scope = upgrade.account === undefined ? accounts : accounts.filter((a) => a.name === upgrade.account);
  if (upgrade.account !== undefined && scope.length === 0) {
    problems.push(
      `${where}: account '${upgrade.account}' does not exist; known: ${accounts.map((a) => a.name).join(", ")}`,
    );
  }
  const found = scope.flatMap((a) =>
    (a.deployments ?? [])
      .filter((d) => (d.name ?? d.model) === upgrade.deployment)
      .map((d) => ({ account: a, stable: d })),
  );
  if (found.length === 0 && (upgrade.account === undefined || scope.length > 0)) {
    problems.push(
      `${where}: no deployment of that name${upgrade.account ? ` in account '${upgrade.account}'` : ""}; name an existing deployment`,
    );
  }
  const name = candidateDeploymentName(upgrade.deployment);
  for (const { account, stable } of found) {
    const at = `${where} in account '${account.name}'`;
    const family = familyOf(stable.type);
    if (family === "provisioned") {
      problems.push(
        `${at}: '${stable.type}' is provisioned; a provisioned candidate would reserve the same PTUs again and must stay unprotected to roll back — canary the model's standard (spillover) deployment instead`,
      );
    }
    if (family === "batch") {
      problems.push(
        `${at}: batch deployments are not served through the gateway, so they cannot be canaried`,
      );
    }
    const candidateModel = upgrade.candidateModel ?? stable.model;
    if (candidateModel === stable.model && stable.version === upgrade.candidateVersion) {
      problems.push(`${at}: candidateVersion '${upgrade.candidateVersion}' is the stable version already`);
    }
    if ((account.deployments ?? []).some((d) => (d.name ?? d.model) === name)) {
      problems.push(`${at}: the account already has a deployment named '${name}'; rename it`);
    }
    for (const p of nameProblems(nameRules.modelDeployment, name)) {
      problems.push(`${at}: candidate name ${p}`);
    }
  }
  if (problems.length > 0 || upgrade.weightPercent === 0) {
    return { plans: [], problems };
  }
  return {
    plans: found.map(({ account, stable }) => ({
      account: account.name,
      stable,
      candidate: {
        ...stable,
        name,
        model: upgrade.candidateModel ?? stable.model,
        version: upgrade.candidateVersion,
        protect: false,
        tags: { ...stable.tags, ...upgrade.candidateTags, [evaluationTags.canaryOf]: upgrade.deployment },
      },
      weightPercent: upgrade.weightPercent,
    })),
    problems,
  };
}
