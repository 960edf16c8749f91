/**
 * The shared tail of `plan` and `check`: resources in, report out. The policy pack judges them over
 * the analyzer protocol with the chosen policy config (or its own fail-closed defaults), the engine
 * checks find what Pulumi or Azure would reject, and the lifecycle section lists what retired or
 * retires soon. The caller owns the pack's lifetime.
 */
import { CustomModelSpec } from "../components/catalog/custom";
import type { ConfigWarning } from "../stacks/config/warnings";
import { choosePolicyConfig, environmentTags } from "./analyzer/config-choice";
import { runPolicies } from "./analyzer/analyze";
import { PackProcess } from "./analyzer/pack-process";
import { PlannedResource } from "./model";
import { display, policyConfigPath } from "./paths";
import { engineChecks } from "./plan/engine-checks";
import { lifecycleSection } from "./report/lifecycle";
import { estimateOf } from "./report/cost";
import { Report } from "./report/report";

/** The retiring rule's window when its config does not say (its schema default). */
const defaultWindowDays = 90;

export interface JudgeTarget {
  readonly command: Report["command"];
  readonly project: string;
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  /**
   * `--policy-config FILE`.
   * @default - chosen by stack name, then environment tag, else the pack's defaults
   */
  readonly policyConfigFile?: string;
  /**
   * The stack config file the resources come from (or the state file), for reports that point at it.
   * @default - unknown
   */
  readonly sourceFile?: string;
  /**
   * Config keys of the stack that cannot take effect (from `stacks/config/warnings.ts`).
   * @default - none
   */
  readonly configWarnings?: readonly ConfigWarning[];
}

export interface JudgeOptions {
  /** The day (YYYY-MM-DD) lifecycle is judged on, by the pack and the lifecycle section. */
  readonly asOf: string;
  /**
   * Models the catalog does not hold, as the stack declares them.
   * @default - none known (a check of an exported stack)
   */
  readonly customModels?: readonly CustomModelSpec[];
}

export async function judge(
  target: JudgeTarget,
  packStarting: Promise<PackProcess>,
  opts: JudgeOptions,
): Promise<Report> {
  const { command, project, stack, resources } = target;
  const choice = choosePolicyConfig({
    explicit: target.policyConfigFile,
    stack,
    environments: environmentTags(resources),
    configPath: policyConfigPath,
  });
  const policy = await runPolicies(await packStarting, resources, {
    stack,
    project,
    policyConfigFile: choice.file,
    asOf: opts.asOf,
  });
  const window = policy.config["ai-deployment-lifecycle-retiring"]?.properties.warningDays;
  return {
    command,
    stack,
    resources: [...resources].sort((a, b) => a.urn.localeCompare(b.urn)),
    violations: policy.violations,
    errors: engineChecks(resources),
    pack: policy.pack,
    lifecycle: lifecycleSection(
      resources,
      opts.asOf,
      typeof window === "number" ? window : defaultWindowDays,
      opts.customModels,
    ),
    policyConfig: {
      file: choice.file === undefined ? undefined : display(choice.file),
      reason: choice.reason,
      levels: policy.levels,
    },
    rules: policy.rules,
    ...(target.sourceFile ? { sourceFile: target.sourceFile } : {}),
    cost: estimateOf(resources),
    ...(target.configWarnings && target.configWarnings.length > 0
      ? { configWarnings: target.configWarnings }
      : {}),
  };
}
