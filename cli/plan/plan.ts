/**
 * `plan`: validates a stack's config, runs the program under mocks, checks what the engine would
 * reject, and drives the policy pack over the analyzer protocol. The pack starts while the program
 * runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPlatformConfig } from "../../stacks/config/load";
import { upgradeEvidenceTags } from "../../stacks/evaluation";
import { PackProcess } from "../analyzer/pack-process";
import { InputError } from "../errors";
import { judge } from "../judge";
import { display, knownStacks, policyConfigPath, projectName, stackConfigPath } from "../paths";
import { Report } from "../report/report";
import { runUnderMocks } from "./capture";
import { readStackConfig } from "./stack-file";

export interface PlanOptions {
  readonly stack: string;
  /** A file in `Pulumi.<stack>.yaml` format used instead of the stack's own. */
  readonly configFile?: string;
  readonly policyConfigFile?: string;
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
  const loaded = loadPlatformConfig(file.values, file.secretKeys, display(configFile));
  const policyConfigFile =
    opts.policyConfigFile ??
    [policyConfigPath(opts.stack), policyConfigPath(loaded.config.environment)].find((f) => fs.existsSync(f));

  // The program reads files the config names (evaluation reports) relative to the config's folder;
  // reading them here first reports an unreadable one as a config error, with its key.
  const stackDir = path.dirname(path.resolve(configFile));
  upgradeEvidenceTags(loaded.config, stackDir);
  process.env.FOUNDRY_PLATFORM_STACK_DIR = stackDir;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require("../../stacks/index") as () => Promise<unknown>;
  const run = await runUnderMocks(program, {
    project: projectName,
    stack: opts.stack,
    config: file.values,
    secretKeys: file.secretKeys,
  });
  if (run.errors.length > 0) {
    throw new InputError(`the stack program failed:\n${run.errors.map((e) => `  ${e}`).join("\n")}`);
  }
  return judge("plan", opts.stack, run.resources, packStarting, policyConfigFile);
}
