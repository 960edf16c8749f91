/**
 * `check`: the same policy pack on the resources of a deployed stack (`pulumi stack export`) or of a
 * saved `plan --json`, so teams can audit what already runs.
 */
import * as fs from "node:fs";
import { PackProcess } from "../analyzer/pack-process";
import { judge } from "../judge";
import { stackConfigPath } from "../paths";
import { Report } from "../report/report";
import { readState } from "./state-file";

export interface CheckOptions {
  readonly stateFile: string;
  readonly policyConfigFile?: string;
}

/** Checks a deployed or planned stack; `packStarting` is the policy pack, started and stopped by the caller. */
export async function check(opts: CheckOptions, packStarting: Promise<PackProcess>): Promise<Report> {
  const imported = readState(opts.stateFile);
  // Findings point at the stack's config file when this repository has one, else at the state file.
  const config = stackConfigPath(imported.stack);
  const source = fs.existsSync(config) ? config : opts.stateFile;
  return judge("check", imported.stack, imported.resources, packStarting, opts.policyConfigFile, source);
}
