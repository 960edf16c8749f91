/**
 * foundry-platform: offline tools for the platform's stacks.
 *
 *   plan  [--program DIR] [--stack <name>] [--config FILE] [--policy-config FILE] [--as-of YYYY-MM-DD] [--compare BASE.json] [--json | --markdown] [--sarif FILE] [--debug]
 *   check --state FILE [--policy-config FILE] [--as-of YYYY-MM-DD] [--compare BASE.json] [--json | --markdown] [--sarif FILE] [--debug]
 *   lifecycle [--stack <name>]... [--days N] [--as-of YYYY-MM-DD] [--json]
 *   size  --profile FILE [--json] [--svg FILE]
 *   select [--stack <name>] [--config FILE] [--workload NAME] [--json] [--as-of YYYY-MM-DD] [--policy-config FILE]
 *   prices (--from FILE | --fetch) [--region R] [--dry-run]
 *   eval  --dataset FILE --endpoint URL --deployment NAME [...]   (see cli/eval/args.ts)
 *
 * Exit codes: 0 nothing blocks; 1 a mandatory violation or an error the engine would raise; 2 bad input.
 *
 * The inputs are read and checked first (light modules only), then the policy pack is started before
 * anything heavy is loaded, so that it boots while this process loads the Pulumi SDK and runs the
 * program; the heavy modules are required lazily for that reason.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { startPolicyPack } from "./analyzer/pack-process";
import { asOfFlag } from "./as-of";
import { InputError } from "./errors";
import { writeAll } from "./output";
import { policyPackDir } from "./paths";
import type { Report } from "./report/report";

const usage = `usage:
  foundry-platform plan  [--program DIR] [--stack NAME] [--config FILE] [--policy-config FILE] [--as-of YYYY-MM-DD] [--compare BASE.json] [--json | --markdown] [--sarif FILE]
  foundry-platform check --state FILE [--policy-config FILE] [--as-of YYYY-MM-DD] [--compare BASE.json] [--json | --markdown] [--sarif FILE]
  foundry-platform lifecycle [--stack NAME]... [--days N] [--as-of YYYY-MM-DD] [--json]
  foundry-platform size  --profile FILE [--json] [--svg FILE]
  foundry-platform select [--stack NAME] [--config FILE] [--workload NAME] [--json] [--as-of YYYY-MM-DD] [--policy-config FILE]
  foundry-platform prices (--from FILE | --fetch) [--region R] [--dry-run]
  foundry-platform eval  --dataset FILE.jsonl --endpoint URL --deployment NAME [...]  (eval --help)

  plan       runs a stack's program under Pulumi mocks and its policy pack over the analyzer protocol
             (--program DIR: the Pulumi project in DIR; default: this platform's own stacks, stack dev)
  check      runs the policy pack on a 'pulumi stack export' document or a saved 'plan --json'
  lifecycle  lists the model deployments of each stack that retired or retire within N days (default 90),
             with their successors; exit 1 when there are any (for a scheduled CI job)
  eval       evaluates a deployment on a dataset; compares with a baseline report

  size       finds the cost-optimal PTUs (plus pay-as-you-go spillover) for an hourly demand profile
  select     ranks the models for each workload contract of a stack, with reasons, and shows the
             deployments it derives; exit 1 when a workload has no candidate
  prices     refreshes catalog prices from the Azure Retail Prices API (components/catalog/prices.json)

  --as-of  judge model lifecycle as of this day instead of today

  --policy-config FILE  the policy config to judge with; default: the pack's config/<stack>.json,
                        else config/<environment tag>.json, else every rule mandatory

  --compare BASE.json  also show what changed against a saved 'plan --json' (resources, violations, cost)
  --sarif FILE         also write the findings as SARIF 2.1.0 (GitHub code scanning) to FILE
  --debug              show stack traces for errors
exit codes: 0 nothing blocks; 1 mandatory violation or engine error; 2 bad input`;

type Format = "text" | "json" | "markdown";

/** What a `plan` or `check` is asked to judge (everything but how the report is shown). */
export interface ReportRequest {
  readonly command: "plan" | "check";
  /**
   * `--stack` (plan).
   * @default "dev"
   */
  readonly stack: string;
  /**
   * `--config FILE` (plan).
   * @default - the project's `Pulumi.<stack>.yaml`
   */
  readonly configFile?: string;
  /**
   * `--program DIR` (plan).
   * @default - this repository's platform program
   */
  readonly programDir?: string;
  /**
   * `--state FILE` (check).
   * @default - none (a plan)
   */
  readonly stateFile?: string;
  /**
   * `--policy-config FILE`.
   * @default - chosen by stack name, then environment tag
   */
  readonly policyConfigFile?: string;
  /**
   * `--as-of`: the day lifecycle is judged on.
   * @default - today
   */
  readonly asOf?: string;
}

/** How `main` reaches the world. Tests (the docs test) run commands in-process through it. */
export interface MainEnv {
  /** Writes a command's output. */
  readonly write: (text: string) => Promise<void>;
  /** Writes an error message. */
  readonly writeError: (text: string) => void;
  /** The report of a `plan` or `check`. */
  readonly report: (request: ReportRequest) => Promise<Report>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, see the file comment */
/**
 * Runs a plan or a check with a policy pack of its own, always stopped. Every input is read and
 * checked first (policy config, project, stack config, state file), so a bad one is reported without
 * starting the pack; the pack then starts while the program runs.
 */
async function judgeWithOwnPack(request: ReportRequest): Promise<Report> {
  if (request.policyConfigFile !== undefined) {
    const { readPolicyConfigFile } =
      require("./analyzer/policy-config-file") as typeof import("./analyzer/policy-config-file");
    readPolicyConfigFile(request.policyConfigFile);
  }
  const prepared =
    request.command === "plan"
      ? (require("./plan/prepare") as typeof import("./plan/prepare")).preparePlan({
          stack: request.stack,
          configFile: request.configFile,
          programDir: request.programDir,
          policyConfigFile: request.policyConfigFile,
          asOf: request.asOf,
        })
      : undefined;
  const imported =
    request.command === "check"
      ? (require("./check/state-file") as typeof import("./check/state-file")).readState(
          request.stateFile as string,
        )
      : undefined;
  const pack = startPolicyPack(policyPackDir);
  // A failed start is reported where the pack is awaited; never as an unhandled rejection.
  pack.catch(() => undefined);
  try {
    if (prepared) {
      const { runPlan } = require("./plan/plan") as typeof import("./plan/plan");
      return await runPlan(prepared, pack);
    }
    const { checkImported } = require("./check/check") as typeof import("./check/check");
    return await checkImported(
      imported as NonNullable<typeof imported>,
      {
        stateFile: request.stateFile as string,
        policyConfigFile: request.policyConfigFile,
        asOf: request.asOf,
      },
      pack,
    );
  } finally {
    pack.then(
      (p) => p.stop(),
      () => undefined,
    );
  }
}

/* eslint-enable @typescript-eslint/no-require-imports */

const processEnv: MainEnv = {
  write: (text) => writeAll(process.stdout, text),
  writeError: (text) => process.stderr.write(text),
  report: judgeWithOwnPack,
};

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, see the file comment */
function render(report: Report, format: Format): string {
  switch (format) {
    case "json":
      return (require("./report/json") as typeof import("./report/json")).jsonReport(report);
    case "markdown":
      return (require("./report/markdown") as typeof import("./report/markdown")).markdownReport(report);
    default:
      return (require("./report/text") as typeof import("./report/text")).textReport(report);
  }
}

async function run(command: "plan" | "check", rest: readonly string[], env: MainEnv): Promise<number> {
  const { values } = parseArgs({
    args: [...rest],
    strict: true,
    allowPositionals: false,
    options: {
      stack: { type: "string" },
      config: { type: "string" },
      program: { type: "string" },
      "policy-config": { type: "string" },
      state: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      sarif: { type: "string" },
      debug: { type: "boolean" },
      "as-of": { type: "string" },
      compare: { type: "string" },
    },
  });
  const asOf = asOfFlag(values["as-of"]);
  if (values.json && values.markdown) {
    throw new InputError("choose one of --json and --markdown");
  }
  const format: Format = values.json ? "json" : values.markdown ? "markdown" : "text";
  if (command === "plan" && values.state) {
    throw new InputError("--state belongs to 'check'; 'plan' takes --stack and --config");
  }
  if (command === "check") {
    if (!values.state) {
      throw new InputError(
        "check needs --state FILE (a 'pulumi stack export' document or 'plan --json' output)",
      );
    }
    if (values.stack || values.config || values.program) {
      throw new InputError("--program, --stack and --config belong to 'plan'; 'check' takes --state");
    }
  }
  // Every input is read and checked before anything starts: a bad base, policy config, stack, config
  // or state file is reported at once, without starting the pack or loading the Pulumi SDK.
  const base = values.compare
    ? (require("./report/diff") as typeof import("./report/diff")).readBaseDocument(values.compare)
    : undefined;
  let report = await env.report({
    command,
    stack: values.stack ?? "dev",
    configFile: values.config,
    programDir: values.program,
    stateFile: values.state,
    policyConfigFile: values["policy-config"],
    asOf,
  });
  if (base && values.compare) {
    const { diffPlans } = require("./report/diff") as typeof import("./report/diff");
    const { jsonDocument } = require("./report/json") as typeof import("./report/json");
    report = { ...report, diff: diffPlans(base, jsonDocument(report), values.compare) };
  }
  if (values.sarif !== undefined) {
    writeSarif(report, values.sarif);
  }
  await env.write(render(report, format));
  const { exitCodeOf } = require("./report/report") as typeof import("./report/report");
  return exitCodeOf(report);
}
/** Writes the SARIF report; its locations are the source file relative to the current directory. */
function writeSarif(report: Report, file: string): void {
  const { sarifReport } = require("./report/sarif") as typeof import("./report/sarif");
  const source = report.sourceFile;
  const uri = source ? path.relative(process.cwd(), source).split(path.sep).join("/") : "Pulumi.yaml";
  const text = source && fs.existsSync(source) ? fs.readFileSync(source, "utf8") : undefined;
  try {
    fs.writeFileSync(file, sarifReport(report, { uri, text }));
  } catch (err) {
    throw new InputError(`--sarif ${file}: cannot write the file (${(err as Error).message})`);
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/* eslint-disable @typescript-eslint/no-require-imports -- lazy loading, see the file comment */
/** Print what a tool returns; it succeeded. */
const printed = async (env: MainEnv, text: Promise<string> | string): Promise<number> => {
  await env.write(await text);
  return 0;
};

/** Offline tools that need no policy pack: each returns its exit code. */
const tools: Record<string, (rest: readonly string[], env: MainEnv) => Promise<number>> = {
  size: (rest, env) => printed(env, (require("./size/size") as typeof import("./size/size")).runSize(rest)),
  // The stack config, the catalog and the policy config: no program run, no policy pack.
  select: async (rest, env) => {
    const run = (require("./select/select") as typeof import("./select/select")).runSelect(rest);
    await env.write(run.text);
    return run.code;
  },
  prices: (rest, env) =>
    printed(env, (require("./prices/prices") as typeof import("./prices/prices")).runPrices(rest)),
  // Only the stack configs and the catalog: no program run, no policy pack.
  lifecycle: (rest, env) =>
    (require("./lifecycle/lifecycle") as typeof import("./lifecycle/lifecycle")).lifecycleCommand(
      rest,
      env.write,
    ),
  eval: async (rest, env) => {
    if (rest.includes("--help") || rest.includes("-h")) {
      return printed(env, `${(require("./eval/args") as typeof import("./eval/args")).evalUsage}\n`);
    }
    return (require("./eval/eval") as typeof import("./eval/eval")).evalCommand(rest);
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs the tool; returns the exit code. Bad input prints a message, never a stack trace (unless --debug). */
export async function main(argv: readonly string[], env: MainEnv = processEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    (command === undefined ? process.stderr : process.stdout).write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (Object.hasOwn(tools, command)) {
    return reportErrors(() => tools[command](rest, env), rest, env);
  }
  if (command !== "plan" && command !== "check") {
    env.writeError(`error: unknown command '${command}'\n${usage}\n`);
    return 2;
  }
  return reportErrors(() => run(command, rest, env), rest, env);
}

/** Runs a command; bad input prints a message and returns 2, never a stack trace (unless --debug). */
async function reportErrors(
  fn: () => Promise<number>,
  rest: readonly string[],
  env: MainEnv,
): Promise<number> {
  const debug = rest.includes("--debug");
  try {
    return await fn();
  } catch (err) {
    const known =
      err instanceof InputError ||
      (err instanceof Error && err.name === "ConfigError") ||
      (err instanceof TypeError && String((err as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS"));
    const message = err instanceof Error ? err.message : String(err);
    env.writeError(`error: ${message.split("\n").join("\n  ")}\n`);
    if (!known) {
      env.writeError("(an unexpected error; run again with --debug for the stack trace)\n");
    }
    if (debug && err instanceof Error && err.stack) {
      env.writeError(`${err.stack}\n`);
    }
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
