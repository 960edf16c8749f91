/**
 * The shared tail of `plan` and `check`: resources in, report out. The policy pack judges them over
 * the analyzer protocol, the engine checks find what Pulumi or Azure would reject, and the lifecycle
 * section lists what retired or retires soon. The caller owns the pack's lifetime.
 */
import { CustomModelSpec } from "../components/catalog/custom";
import { runPolicies } from "./analyzer/analyze";
import { PackProcess } from "./analyzer/pack-process";
import { PlannedResource } from "./model";
import { projectName } from "./paths";
import { engineChecks } from "./plan/engine-checks";
import { lifecycleSection } from "./report/lifecycle";
import { Report } from "./report/report";

/** The retiring rule's window when its config does not say (its schema default). */
const defaultWindowDays = 90;

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
  command: Report["command"],
  stack: string,
  resources: readonly PlannedResource[],
  packStarting: Promise<PackProcess>,
  policyConfigFile: string | undefined,
  opts: JudgeOptions,
): Promise<Report> {
  const policy = await runPolicies(await packStarting, resources, {
    stack,
    project: projectName,
    policyConfigFile,
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
  };
}

/** Today as YYYY-MM-DD (UTC): the day judged when no `--as-of` is given. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
