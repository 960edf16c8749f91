/**
 * `check`: the same policy pack on the resources of a deployed stack (`pulumi stack export`) or of a
 * saved `plan --json`, so teams can audit what already runs.
 */
import { runPolicies } from "../analyzer/analyze";
import { PackProcess } from "../analyzer/pack-process";
import { projectName } from "../paths";
import { engineChecks } from "../plan/engine-checks";
import { Report } from "../report/report";
import { readState } from "./state-file";

export interface CheckOptions {
  readonly stateFile: string;
  readonly policyConfigFile?: string;
}

/** Checks a deployed or planned stack; `packStarting` is the policy pack, started by the caller. */
export async function check(opts: CheckOptions, packStarting: Promise<PackProcess>): Promise<Report> {
  try {
    const imported = readState(opts.stateFile);
    const pack = await packStarting;
    const policy = await runPolicies(pack, imported.resources, {
      stack: imported.stack,
      project: projectName,
      policyConfigFile: opts.policyConfigFile,
    });
    return {
      command: "check",
      stack: imported.stack,
      resources: [...imported.resources].sort((a, b) => a.urn.localeCompare(b.urn)),
      violations: policy.violations,
      errors: engineChecks(imported.resources),
      pack: policy.pack,
    };
  } finally {
    packStarting.then(
      (p) => p.stop(),
      () => undefined,
    );
  }
}
