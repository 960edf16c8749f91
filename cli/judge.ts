/**
 * The shared tail of `plan` and `check`: resources in, report out. The policy pack judges them over
 * the analyzer protocol, and the engine checks find what Pulumi or Azure would reject. The caller
 * owns the pack's lifetime.
 */
import { runPolicies } from "./analyzer/analyze";
import { PackProcess } from "./analyzer/pack-process";
import { PlannedResource } from "./model";
import { projectName } from "./paths";
import { engineChecks } from "./plan/engine-checks";
import { estimateOf } from "./report/cost";
import { Report } from "./report/report";

export async function judge(
  command: Report["command"],
  stack: string,
  resources: readonly PlannedResource[],
  packStarting: Promise<PackProcess>,
  policyConfigFile: string | undefined,
): Promise<Report> {
  const policy = await runPolicies(await packStarting, resources, {
    stack,
    project: projectName,
    policyConfigFile,
  });
  return {
    command,
    stack,
    resources: [...resources].sort((a, b) => a.urn.localeCompare(b.urn)),
    violations: policy.violations,
    errors: engineChecks(resources),
    pack: policy.pack,
    cost: estimateOf(resources),
  };
}
