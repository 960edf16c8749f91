/** Runs the `foundry-platform` command as a user would, in a child process. */
import { execFile } from "node:child_process";
import * as path from "node:path";

export const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "foundry-platform.js");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs `plan --json` and parses the document. */
export async function planJson(args: readonly string[]): Promise<{ result: CliResult; doc: PlanDoc }> {
  const result = await runCli(["plan", "--json", ...args]);
  return { result, doc: JSON.parse(result.stdout) as PlanDoc };
}

/** Runs `check --json` on a state file with an environment's policy config, and parses the document. */
export async function checkJson(
  stateFile: string,
  environment: string,
): Promise<{ result: CliResult; doc: PlanDoc }> {
  const result = await runCli([
    "check",
    "--state",
    stateFile,
    "--policy-config",
    `policies/config/${environment}.json`,
    "--json",
  ]);
  return { result, doc: JSON.parse(result.stdout) as PlanDoc };
}

export interface PlanResourceDoc {
  urn: string;
  type: string;
  name: string;
  parent: string | null;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  options: { protect: boolean; retainOnDelete: boolean; dependsOn: string[]; provider: string | null };
}

export interface PlanDoc {
  stack: string;
  summary: {
    resources: number;
    mandatory: number;
    advisory: number;
    acknowledged: number;
    errors: number;
    passed: boolean;
  };
  resources: PlanResourceDoc[];
  violations: {
    policy: string;
    enforcementLevel: string;
    severity: string;
    message: string;
    urn: string;
    exception: { status: string; source: string; reason: string; expires?: string } | null;
  }[];
  errors: { kind: string; urn: string; message: string }[];
}

/** A stack trace printed by Node looks like "    at fn (file:line:col)". */
export const stackTracePattern = /^\s+at .+:\d+:\d+\)?$/m;
