/**
 * `plan`: validates a prepared stack's config (`prepare.ts` read the project and the config file),
 * runs its program under mocks, checks what the engine would reject, and drives the policy pack over
 * the analyzer protocol. The pack starts while the config is validated and the program runs.
 */
import { asOfVariable } from "../../stacks/as-of";
import { customModelSpecs } from "../../stacks/config/custom-models";
import { loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError } from "../../stacks/config/problems";
import { configErrorOf } from "../../stacks/config/run-error";
import { configNamespace } from "../../stacks/config/schema";
import { configWarnings } from "../../stacks/config/warnings";
import { upgradeEvidenceTags } from "../../stacks/evaluation";
import { PackProcess } from "../analyzer/pack-process";
import { InputError } from "../errors";
import { judge } from "../judge";
import { display } from "../paths";
import { Report } from "../report/report";
import { runUnderMocks } from "./capture";
import { PlanOptions, PreparedPlan, preparePlan } from "./prepare";
import { programOf } from "./program";
import { secretPlaceholder } from "./stack-file";
import { workloadLimits } from "./workload-limits";

export type { PlanOptions } from "./prepare";

/** The platform's own program, bundled with the tool (the `foundry-platform` project of this repository). */
function platformProgram(): () => Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../../stacks/index") as () => Promise<unknown>;
}

/** Plans a stack; `packStarting` is the policy pack, started (as early as possible) and stopped by the caller. */
export async function plan(opts: PlanOptions, packStarting: Promise<PackProcess>): Promise<Report> {
  return runPlan(preparePlan(opts), packStarting);
}

/** Runs a prepared plan: the platform's config checked, the program under mocks, the pack on what it registered. */
export async function runPlan(prepared: PreparedPlan, packStarting: Promise<PackProcess>): Promise<Report> {
  const { project, file, asOf } = prepared;
  // The platform's keys are validated before the program runs, every problem at once with the file's name.
  const limits = workloadLimits(prepared.stack, file.values, prepared.policyConfigFile);
  const loaded =
    project.name === configNamespace
      ? loadPlatformConfig(
          file.values,
          file.secretKeys,
          display(prepared.configFile),
          new Date(`${asOf}T00:00:00Z`),
          { secretPlaceholder, workloadLimits: limits.read },
        )
      : undefined;
  // The program reads files the config names (evaluation reports) relative to the config's folder;
  // reading them here first reports an unreadable one as a config error, with its key.
  if (loaded) {
    upgradeEvidenceTags(loaded.config, prepared.stackDir);
  }
  // The program reads the day and the stack folder from the environment, as under `pulumi preview`.
  const run = await withEnv(
    { [asOfVariable]: asOf, FOUNDRY_PLATFORM_STACK_DIR: prepared.stackDir, ...limits.env },
    () =>
      runUnderMocks(prepared.isPlatform ? platformProgram() : programOf(project), {
        project: project.name,
        stack: prepared.stack,
        config: file.values,
        secretKeys: file.secretKeys,
      }),
  );
  // A config mistake the program found (a component refused what the config asked for) is reported
  // like any config error: one problem per line, each with its key.
  const configError = run.thrown.map(configErrorOf).find((e) => e !== undefined);
  if (configError) {
    throw new ConfigError(configError.problems, display(prepared.configFile));
  }
  if (run.errors.length > 0) {
    throw new InputError(`the stack program failed:\n${run.errors.map((e) => `  ${e}`).join("\n")}`);
  }
  return judge(
    {
      command: "plan",
      project: project.name,
      stack: prepared.stack,
      resources: run.resources,
      policyConfigFile: prepared.policyConfigFile,
      sourceFile: prepared.configFile,
      configWarnings: loaded ? configWarnings(loaded.config) : [],
    },
    packStarting,
    { asOf, customModels: loaded ? customModelSpecs(loaded.config.customModels) : undefined },
  );
}

/** Runs `fn` with `vars` set in the environment, then restores what was there. */
async function withEnv<T>(vars: Readonly<Record<string, string>>, fn: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
  }
}
