/**
 * The first half of `plan`: what it reads and checks before anything starts. The Pulumi project
 * (this repository's platform by default, any Node.js project with `--program DIR`), the stack's
 * config file and its namespaces. A mistake in any of them is reported before the policy pack
 * starts or the Pulumi SDK loads, so nothing here may import them (the platform's own keys are
 * validated next, by `runPlan`, while the pack starts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { todayIso } from "../as-of";
import { InputError } from "../errors";
import { display, projectRoot, repoRoot } from "../paths";
import { checkNamespaces } from "./config-namespaces";
import { PulumiProject, projectStacks, readProject, stackFileOf } from "./project";
import { readStackConfig, StackConfigFile } from "./stack-file";

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

/** What a plan runs, read and checked. */
export interface PreparedPlan {
  readonly project: PulumiProject;
  readonly stack: string;
  /** The stack's config file (`Pulumi.<stack>.yaml`, or `--config`). */
  readonly configFile: string;
  readonly file: StackConfigFile;
  /** This repository's platform program, which runs from the tool's own bundle. */
  readonly isPlatform: boolean;
  readonly asOf: string;
  /** The config file's folder: the program reads the files the config names relative to it. */
  readonly stackDir: string;
  readonly policyConfigFile: string | undefined;
}

/** Reads and checks what `plan` runs; throws an InputError naming the file, flag or key. */
export function preparePlan(opts: PlanOptions): PreparedPlan {
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
  return {
    project,
    stack: opts.stack,
    configFile,
    file,
    isPlatform: repoRoot !== undefined && project.dir === repoRoot,
    asOf: opts.asOf ?? todayIso(),
    stackDir: path.dirname(path.resolve(configFile)),
    policyConfigFile: opts.policyConfigFile,
  };
}
