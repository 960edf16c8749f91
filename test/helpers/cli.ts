/**
 * Runs the `foundry-platform` command as a user would, in a child process. Every run starts two
 * processes (the tool and its policy pack), so runs queue: at most {@link cliJobs} at a time per
 * test process, however many a test starts at once. On a busy machine tests then wait their turn
 * instead of all timing out together.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { sharedDirVariable } from "./suite";

export const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "foundry-platform.js");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Timeout for a suite that runs the command: a hang still fails, but a loaded machine (two shared
 * cores at a load of 70: a minute per run) does not. Use `this.timeout(e2eTimeoutMs)` in its describe.
 */
export const e2eTimeoutMs = 300_000;

/** Most CLI runs at once in one test process (`FOUNDRY_TEST_CLI_JOBS`, default 2). */
export const cliJobs = Math.max(1, Number(process.env.FOUNDRY_TEST_CLI_JOBS) || 2);
let running = 0;
const waiting: (() => void)[] = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= cliJobs) {
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs the tool with `args`; `env` adds variables to the child's environment. */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<CliResult> {
  return slot(
    () =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [bin, ...args],
          { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
      }),
  );
}

/** The JSON document a run printed; a run that printed none fails with its exit code and stderr. */
export function parseDoc(result: CliResult): PlanDoc {
  try {
    return JSON.parse(result.stdout) as PlanDoc;
  } catch {
    throw new Error(`the command printed no JSON document (exit ${result.code}):\n${result.stderr}`);
  }
}

/**
 * The day end-to-end tests judge model lifecycle on (`--as-of`), so that they pass whatever the
 * machine's clock says: on it every stack model serves, none within 90 days of retiring.
 */
export const pinnedDay = "2026-12-03";

/** `args` with `--as-of` pinned unless they set one. */
export function pinned(args: readonly string[]): string[] {
  return args.includes("--as-of") ? [...args] : [...args, "--as-of", pinnedDay];
}

/** Runs `plan --json` (on the pinned day unless `args` set `--as-of`) and parses the document. */
export async function planJson(args: readonly string[]): Promise<{ result: CliResult; doc: PlanDoc }> {
  const result = await runCli(["plan", "--json", ...pinned(args)]);
  return { result, doc: parseDoc(result) };
}

const sharedPlans = new Map<string, Promise<{ result: CliResult; doc: PlanDoc }>>();

/**
 * `plan --json` with `args` (pinned like {@link planJson}), run once per `npm test` and shared by
 * every test that only reads it, in every worker (the committed stacks' plans are read by several
 * test files). Never mutate the result.
 */
export function sharedPlanJson(args: readonly string[]): Promise<{ result: CliResult; doc: PlanDoc }> {
  const key = JSON.stringify(pinned(args));
  let plan = sharedPlans.get(key);
  if (plan === undefined) {
    plan = acrossWorkers(key, () => planJson(args));
    sharedPlans.set(key, plan);
  }
  return plan;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The result of `work` for `key`, computed by the first test process of the run that asks for it
 * (it takes a lock file in the run's shared folder) and read from there by the others. Without a
 * shared folder (a single test file run outside the fixtures), or when the process that took the
 * lock has not written the result within {@link e2eTimeoutMs}, this process runs `work` itself.
 */
async function acrossWorkers<T>(key: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env[sharedDirVariable];
  if (!dir) {
    return work();
  }
  const file = path.join(dir, `${createHash("sha256").update(key).digest("hex").slice(0, 16)}.json`);
  try {
    fs.writeFileSync(`${file}.lock`, String(process.pid), { flag: "wx" });
  } catch {
    for (const deadline = Date.now() + e2eTimeoutMs; Date.now() < deadline; await sleep(200)) {
      if (fs.existsSync(file)) {
        return JSON.parse(fs.readFileSync(file, "utf8")) as T;
      }
    }
    return work();
  }
  const result = await work();
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(result));
  fs.renameSync(`${file}.${process.pid}`, file);
  return result;
}

/** Runs `check --json` on a state file with an environment's policy config, and parses the document. */
export async function checkJson(
  stateFile: string,
  environment: string,
): Promise<{ result: CliResult; doc: PlanDoc }> {
  const result = await runCli(
    pinned([
      "check",
      "--state",
      stateFile,
      "--policy-config",
      `policies/config/${environment}.json`,
      "--json",
    ]),
  );
  return { result, doc: parseDoc(result) };
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
  policyConfig: { file: string | null; reason: string; levels: Record<string, string> };
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
  lifecycle: {
    asOf: string;
    windowDays: number;
    findings: {
      kind: string;
      urn: string | null;
      account: string | null;
      deployment: string;
      model: string;
      version: string | null;
      retirementDate: string | null;
      daysToRetirement: number | null;
      successor: {
        model: string;
        version: string | null;
        basis: string;
        retirementDate: string | null;
      } | null;
      message: string;
    }[];
  };
}

/**
 * Runs the tool with `args` and tells which processes the run started: each line is the command
 * line of one (the tool itself first, then, for example, the policy pack's bundle).
 */
export async function runCliLogged(args: readonly string[]): Promise<CliResult & { processes: string[] }> {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fp-processes-")), "log");
  const result = await runCli(args, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "process-log.js")}`,
    FOUNDRY_TEST_PROCESS_LOG: log,
  });
  const processes = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : [];
  fs.rmSync(path.dirname(log), { recursive: true, force: true });
  return { ...result, processes };
}

/** A stack trace printed by Node looks like "    at fn (file:line:col)". */
export const stackTracePattern = /^\s+at .+:\d+:\d+\)?$/m;
