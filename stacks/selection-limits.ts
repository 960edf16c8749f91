/**
 * What the environment's policy allows, for the workload selector: read from the policy config the
 * pack judges the stack with (`policies/config/<stack>.json`, else `<environment>.json`, or the file
 * `FOUNDRY_PLATFORM_POLICY_CONFIG` names: `plan --policy-config` sets it while the program runs). So
 * derived deployments use only approved models and stay within the residency and capacity caps the
 * pack enforces.
 *
 * Only settings the file states are limits; a rule the file leaves out is judged with the pack's
 * defaults at plan time (and fails closed there), not guessed here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DataScope } from "../components/catalog/deployment-types";
import { EnvironmentLimits } from "../components/select/requirements";
import { ConfigError } from "./config/problems";

/** The environment variable that names the policy config file. */
export const policyConfigVariable = "FOUNDRY_PLATFORM_POLICY_CONFIG";

/** The variable's value for "no policy config: no environment limits". */
export const noPolicyConfig = "none";

const scopes: readonly DataScope[] = ["global", "dataZone", "regional"];
const plainName = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

type Entry = Readonly<Record<string, unknown>> | undefined;

/** The settings of a rule, or undefined when the file leaves it out or disables it. */
function rule(doc: Readonly<Record<string, unknown>>, name: string): Entry {
  const entry = doc[name];
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    return undefined;
  }
  const settings = entry as Record<string, unknown>;
  return settings.enforcementLevel === "disabled" ? undefined : settings;
}

function whole(v: unknown): number | undefined {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** The limits a policy config document states. */
export function limitsFromPolicyConfig(
  doc: Readonly<Record<string, unknown>>,
  source: string,
): EnvironmentLimits {
  const approved = rule(doc, "ai-deployment-approved-model")?.approvedModels;
  const residency = rule(doc, "ai-deployment-data-residency")?.dataResidency;
  const maxCapacity = whole(rule(doc, "cost-deployment-standard-capacity")?.maxCapacity);
  const maxPtu = whole(rule(doc, "cost-stack-ptu-total")?.maxPtu);
  const approvedModels =
    typeof approved === "object" && approved !== null && !Array.isArray(approved)
      ? Object.fromEntries(
          Object.entries(approved as Record<string, unknown>).map(([model, versions]) => [
            model,
            Array.isArray(versions) ? versions.filter((v): v is string => typeof v === "string") : [],
          ]),
        )
      : undefined;
  return {
    source,
    ...(approvedModels ? { approvedModels } : {}),
    ...(scopes.includes(residency as DataScope) ? { dataResidency: residency as DataScope } : {}),
    ...(maxCapacity !== undefined ? { maxStandardCapacity: maxCapacity } : {}),
    ...(maxPtu !== undefined ? { maxPtu } : {}),
  };
}

/**
 * The policy config file for a stack: the variable's (`none`: no file), else `<dir>/<stack>.json`,
 * else `<dir>/<environment>.json`; undefined when none exists.
 */
export function policyConfigFileFor(
  stack: string,
  environment: string | undefined,
  dir: string = path.resolve("policies", "config"),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const named = env[policyConfigVariable];
  if (named === noPolicyConfig) {
    return undefined;
  }
  if (named !== undefined && named !== "") {
    return named;
  }
  return [stack, environment]
    .filter((n): n is string => n !== undefined && plainName.test(n))
    .map((n) => path.join(dir, `${n}.json`))
    .find((file) => fs.existsSync(file));
}

/** Reads the limits of a policy config file; a file that cannot be read is a config error. */
export function limitsFromFile(file: string, shown: string = file): EnvironmentLimits {
  const problem = (message: string) =>
    new ConfigError([{ key: policyConfigVariable, value: JSON.stringify(shown), message }]);
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw problem(
      `the policy config the workloads are selected within cannot be read (${(err as Error).message.split("\n")[0]}); fix the file or point ${policyConfigVariable} at another`,
    );
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw problem("expected a JSON object of policy names to settings");
  }
  return limitsFromPolicyConfig(doc as Record<string, unknown>, shown);
}

/** The limits for a stack, or undefined when no policy config applies. */
export function selectionLimitsFor(
  stack: string,
  environment: string | undefined,
  dir?: string,
): EnvironmentLimits | undefined {
  const file = policyConfigFileFor(stack, environment, dir);
  return file ? limitsFromFile(file, path.relative(process.cwd(), file) || file) : undefined;
}
