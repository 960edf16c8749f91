/**
 * `plan`: validates a stack's config, runs the program under mocks, checks what the engine would
 * reject, and drives the policy pack over the analyzer protocol. The pack starts while the program
 * runs.
 */
import * as fs from "node:fs";
import { loadPlatformConfig } from "../../stacks/config/load";
import { PackProcess } from "../analyzer/pack-process";
import { InputError } from "../errors";
import { asOfVariable } from "../../stacks/as-of";
import { customModelSpecs } from "../../stacks/config/custom-models";
import { judge, todayIso } from "../judge";
import { display, knownStacks, policyConfigPath, projectName, stackConfigPath } from "../paths";
import { Report } from "../report/report";
import { runUnderMocks } from "./capture";
import { readStackConfig } from "./stack-file";

export interface PlanOptions {
  readonly stack: string;
  /** A file in `Pulumi.<stack>.yaml` format used instead of the stack's own. */
  readonly configFile?: string;
  readonly policyConfigFile?: string;
  /**
   * The day (YYYY-MM-DD) the catalog, the program and the policy pack judge model lifecycle on.
   * @default - today
   */
  readonly asOf?: string;
}

/** Plans a stack; `packStarting` is the policy pack, started (as early as possible) and stopped by the caller. */
export async function plan(opts: PlanOptions, packStarting: Promise<PackProcess>): Promise<Report> {
  const configFile = opts.configFile ?? stackConfigPath(opts.stack);
  if (!opts.configFile && !fs.existsSync(configFile)) {
    throw new InputError(
      `no config for stack '${opts.stack}' (${display(configFile)}); known stacks: ${knownStacks().join(", ")}`,
    );
  }
  const file = readStackConfig(configFile, projectName);
  const asOf = opts.asOf ?? todayIso();
  const loaded = loadPlatformConfig(
    file.values,
    file.secretKeys,
    display(configFile),
    new Date(`${asOf}T00:00:00Z`),
  );
  const policyConfigFile =
    opts.policyConfigFile ??
    [policyConfigPath(opts.stack), policyConfigPath(loaded.config.environment)].find((f) => fs.existsSync(f));

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require("../../stacks/index") as () => Promise<unknown>;
  // The program reads the day from the environment, as `pulumi preview` would; restored afterwards.
  const previous = process.env[asOfVariable];
  process.env[asOfVariable] = asOf;
  let run: Awaited<ReturnType<typeof runUnderMocks>>;
  try {
    run = await runUnderMocks(program, {
      project: projectName,
      stack: opts.stack,
      config: file.values,
      secretKeys: file.secretKeys,
    });
  } finally {
    if (previous === undefined) {
      delete process.env[asOfVariable];
    } else {
      process.env[asOfVariable] = previous;
    }
  }
  if (run.errors.length > 0) {
    throw new InputError(`the stack program failed:\n${run.errors.map((e) => `  ${e}`).join("\n")}`);
  }
  return judge("plan", opts.stack, run.resources, packStarting, policyConfigFile, {
    asOf,
    customModels: customModelSpecs(loaded.config.customModels),
  });
}
