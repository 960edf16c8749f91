/**
 * `plan`: reads a Pulumi project (this repository's platform by default, any Node.js project with
 * `--program DIR`) and a stack's config, runs the program under mocks, checks what the engine would
 * reject, and drives the policy pack over the analyzer protocol. The pack starts while the program
 * runs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPlatformConfig } from "../../stacks/config/load";
import { configNamespace } from "../../stacks/config/schema";
import { upgradeEvidenceTags } from "../../stacks/evaluation";
import { PackProcess } from "../analyzer/pack-process";
import { InputError } from "../errors";
import { asOfVariable } from "../../stacks/as-of";
import { customModelSpecs } from "../../stacks/config/custom-models";
import { todayIso } from "../as-of";
import { judge } from "../judge";
import { display, projectRoot, repoRoot } from "../paths";
import { Report } from "../report/report";
import { runUnderMocks } from "./capture";
import { checkNamespaces } from "./config-namespaces";
import { programOf } from "./program";
import { PulumiProject, projectStacks, readProject, stackFileOf } from "./project";
import { readStackConfig } from "./stack-file";

export interface PlanOptions {
  readonly stack: string;
  /**
   * A file in `Pulumi.<stack>.yaml` format used instead of the stack's own.
   * @default - the project's `Pulumi.<stack>.yaml`
   */
  readonly configFile?: string;
  /**
   * The policy config to judge with.
   * @default - chosen by stack name, then environment tag, else the pack's defaults (every rule mandatory)
   */
  readonly policyConfigFile?: string;
  /**
   * The day (YYYY-MM-DD) the catalog, the program and the policy pack judge model lifecycle on.
   * @default - today
   */
  readonly asOf?: string;
  /**
   * The folder of the Pulumi project to plan (its `Pulumi.yaml`).
   * @default - this repository's platform program (`stacks/`); the current directory's project when
   *   the tools run from the installed package
   */
  readonly programDir?: string;
}

/** The platform's own program, bundled with the tool (the `foundry-platform` project of this repository). */
function platformProgram(): () => Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../../stacks/index") as () => Promise<unknown>;
}

/** Plans a stack; `packStarting` is the policy pack, started (as early as possible) and stopped by the caller. */
export async function plan(opts: PlanOptions, packStarting: Promise<PackProcess>): Promise<Report> {
  const project: PulumiProject = readProject(opts.programDir ?? projectRoot);
  const configFile = opts.configFile ?? stackFileOf(project, opts.stack);
  if (!opts.configFile && !fs.existsSync(configFile)) {
    const known = projectStacks(project);
    throw new InputError(
      `no config for stack '${opts.stack}' (${display(configFile)}); known stacks of project '${project.name}': ${known.length > 0 ? known.join(", ") : "none"}`,
    );
  }
  const file = readStackConfig(configFile, project.name, project.config);
  checkNamespaces({ ...file, path: display(configFile) }, project);
  // The platform program of this repository runs from the tool's own bundle.
  const isPlatform = repoRoot !== undefined && project.dir === repoRoot;
  const asOf = opts.asOf ?? todayIso();
  // The platform's keys are validated before the program runs, every problem at once with the file's name.
  const loaded =
    project.name === configNamespace
      ? loadPlatformConfig(file.values, file.secretKeys, display(configFile), new Date(`${asOf}T00:00:00Z`))
      : undefined;
  // The program reads files the config names (evaluation reports) relative to the config's folder;
  // reading them here first reports an unreadable one as a config error, with its key.
  const stackDir = path.dirname(path.resolve(configFile));
  if (loaded) {
    upgradeEvidenceTags(loaded.config, stackDir);
  }
  // The program reads the day and the stack folder from the environment, as under `pulumi preview`.
  const run = await withEnv({ [asOfVariable]: asOf, FOUNDRY_PLATFORM_STACK_DIR: stackDir }, () =>
    runUnderMocks(isPlatform ? platformProgram() : programOf(project), {
      project: project.name,
      stack: opts.stack,
      config: file.values,
      secretKeys: file.secretKeys,
    }),
  );
  if (run.errors.length > 0) {
    throw new InputError(`the stack program failed:\n${run.errors.map((e) => `  ${e}`).join("\n")}`);
  }
  return judge(
    {
      command: "plan",
      project: project.name,
      stack: opts.stack,
      resources: run.resources,
      policyConfigFile: opts.policyConfigFile,
      sourceFile: configFile,
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
