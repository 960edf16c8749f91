/**
 * The shared tail of `plan` and `check`: resources in, report out. The policy pack judges them over
 * the analyzer protocol with the chosen policy config (or its own fail-closed defaults), and the
 * engine checks find what Pulumi or Azure would reject. The caller owns the pack's lifetime.
 */
import { choosePolicyConfig, environmentTags } from "./analyzer/config-choice";
import { runPolicies } from "./analyzer/analyze";
import { PackProcess } from "./analyzer/pack-process";
import { PlannedResource } from "./model";
import { display, policyConfigPath } from "./paths";
import { engineChecks } from "./plan/engine-checks";
import { Report } from "./report/report";

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
}

export async function judge(target: JudgeTarget, packStarting: Promise<PackProcess>): Promise<Report> {
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
  });
  return {
    command,
    stack,
    resources: [...resources].sort((a, b) => a.urn.localeCompare(b.urn)),
    violations: policy.violations,
    errors: engineChecks(resources),
    pack: policy.pack,
    policyConfig: {
      file: choice.file === undefined ? undefined : display(choice.file),
      reason: choice.reason,
      levels: policy.levels,
    },
  };
}
