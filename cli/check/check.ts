/**
 * `check`: the same policy pack on the resources of a deployed stack (`pulumi stack export`) or of a
 * saved `plan --json`, so teams can audit what already runs.
 */
import * as fs from "node:fs";
import { PackProcess } from "../analyzer/pack-process";
import { todayIso } from "../as-of";
import { judge } from "../judge";
import { projectRoot } from "../paths";
import { projectFileIn, readProject, stackFileOf } from "../plan/project";
import { Report } from "../report/report";
import { ImportedStack, readState } from "./state-file";

export interface CheckOptions {
  readonly stateFile: string;
  /**
   * The policy config to judge with.
   * @default - chosen by the export's stack name, then environment tag, else the pack's defaults (every rule mandatory)
   */
  readonly policyConfigFile?: string;
  /**
   * The day (YYYY-MM-DD) to judge model lifecycle on.
   * @default - today
   */
  readonly asOf?: string;
}

/** Checks a deployed or planned stack; `packStarting` is the policy pack, started and stopped by the caller. */
export async function check(opts: CheckOptions, packStarting: Promise<PackProcess>): Promise<Report> {
  return checkImported(readState(opts.stateFile), opts, packStarting);
}

/** Checks the resources of a state file already read (the tool reads it before starting the pack). */
export async function checkImported(
  imported: ImportedStack,
  opts: CheckOptions,
  packStarting: Promise<PackProcess>,
): Promise<Report> {
  // Findings point at the stack's config file when the project (this repository's platform, or the
  // current directory's when the tools run from their package) has one, else at the state file.
  const config = projectFileIn(projectRoot)
    ? stackFileOf(readProject(projectRoot), imported.stack)
    : undefined;
  const source = config !== undefined && fs.existsSync(config) ? config : opts.stateFile;
  return judge(
    { command: "check", ...imported, policyConfigFile: opts.policyConfigFile, sourceFile: source },
    packStarting,
    { asOf: opts.asOf ?? todayIso() },
  );
}
