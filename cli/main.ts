/**
 * foundry-platform: offline tools for the platform's stacks.
 *
 *   plan  [--stack <name>] [--config FILE] [--policy-config FILE] [--json | --markdown] [--debug]
 *   check --state FILE [--policy-config FILE] [--json | --markdown] [--debug]
 *   eval  --dataset FILE --endpoint URL --deployment NAME [...]   (see cli/eval/args.ts)
 *
 * Exit codes: 0 nothing blocks; 1 a mandatory violation or an error the engine would raise; 2 bad input.
 *
 * The policy pack is started before anything heavy is loaded, so that it boots while this process
 * loads the Pulumi SDK and runs the program; the heavy modules are required lazily for that reason.
 */
import { parseArgs } from "node:util";
import { startPolicyPack } from "./analyzer/pack-process";
import { InputError } from "./errors";
import { writeAll } from "./output";
import { policyPackDir } from "./paths";
import type { Report } from "./report/report";

const usage = `usage:
  foundry-platform plan  [--stack dev|staging|prod] [--config FILE] [--policy-config FILE] [--json | --markdown]
  foundry-platform check --state FILE [--policy-config FILE] [--json | --markdown]
  foundry-platform eval  --dataset FILE.jsonl --endpoint URL --deployment NAME [...]  (eval --help)

  plan   runs a stack's program under Pulumi mocks and its policy pack over the analyzer protocol
  check  runs the policy pack on a 'pulumi stack export' document or a saved 'plan --json'
  eval   evaluates a deployment on a dataset; compares with a baseline report

  --debug  show stack traces for errors
exit codes: 0 nothing blocks; 1 mandatory violation or engine error; 2 bad input`;

type Format = "text" | "json" | "markdown";

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

async function run(command: string, rest: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...rest],
    strict: true,
    allowPositionals: false,
    options: {
      stack: { type: "string" },
      config: { type: "string" },
      "policy-config": { type: "string" },
      state: { type: "string" },
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      debug: { type: "boolean" },
    },
  });
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
    if (values.stack || values.config) {
      throw new InputError("--stack and --config belong to 'plan'; 'check' takes --state");
    }
  }
  const pack = startPolicyPack(policyPackDir);
  // A failed start is reported where the pack is awaited; never as an unhandled rejection.
  pack.catch(() => undefined);
  try {
    let report: Report;
    if (command === "plan") {
      const { plan } = require("./plan/plan") as typeof import("./plan/plan");
      report = await plan(
        {
          stack: values.stack ?? "dev",
          configFile: values.config,
          policyConfigFile: values["policy-config"],
        },
        pack,
      );
    } else {
      const { check } = require("./check/check") as typeof import("./check/check");
      report = await check(
        { stateFile: values.state as string, policyConfigFile: values["policy-config"] },
        pack,
      );
    }
    await writeAll(process.stdout, render(report, format));
    const { exitCodeOf } = require("./report/report") as typeof import("./report/report");
    return exitCodeOf(report);
  } finally {
    pack.then(
      (p) => p.stop(),
      () => undefined,
    );
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs the tool; returns the exit code. Bad input prints a message, never a stack trace (unless --debug). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    (command === undefined ? process.stderr : process.stdout).write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== "plan" && command !== "check" && command !== "eval") {
    process.stderr.write(`error: unknown command '${command}'\n${usage}\n`);
    return 2;
  }
  const debug = rest.includes("--debug");
  try {
    if (command === "eval") {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const evaluation = require("./eval/eval") as typeof import("./eval/eval");
      if (rest.includes("--help") || rest.includes("-h")) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        process.stdout.write(`${(require("./eval/args") as typeof import("./eval/args")).evalUsage}\n`);
        return 0;
      }
      return await evaluation.evalCommand(rest);
    }
    return await run(command, rest);
  } catch (err) {
    const known =
      err instanceof InputError ||
      (err instanceof Error && err.name === "ConfigError") ||
      (err instanceof TypeError && String((err as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS"));
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message.split("\n").join("\n  ")}\n`);
    if (!known) {
      process.stderr.write("(an unexpected error; run again with --debug for the stack trace)\n");
    }
    if (debug && err instanceof Error && err.stack) {
      process.stderr.write(`${err.stack}\n`);
    }
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
