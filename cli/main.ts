/**
 * foundry-platform: offline tools for the platform's stacks.
 *
 *   plan  [--program DIR] [--stack <name>] [--config FILE] [--policy-config FILE] [--as-of YYYY-MM-DD] [--compare BASE.json] [--json | --markdown] [--sarif FILE] [--debug]
 *   check --state FILE [--policy-config FILE] [--as-of YYYY-MM-DD] [--compare BASE.json] [--json | --markdown] [--sarif FILE] [--debug]
 *   lifecycle [--stack <name>]... [--days N] [--as-of YYYY-MM-DD] [--json]
 *   size  --profile FILE [--json] [--svg FILE]
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
  foundry-platform prices (--from FILE | --fetch) [--region R] [--dry-run]
  foundry-platform eval  --dataset FILE.jsonl --endpoint URL --deployment NAME [...]  (eval --help)

  plan       runs a stack's program under Pulumi mocks and its policy pack over the analyzer protocol
             (--program DIR: the Pulumi project in DIR; default: this platform's own stacks, stack dev)
  check      runs the policy pack on a 'pulumi stack export' document or a saved 'plan --json'
  lifecycle  lists the model deployments of each stack that retired or retire within N days (default 90),
             with their successors; exit 1 when there are any (for a scheduled CI job)
  eval       evaluates a deployment on a dataset; compares with a baseline report

  size       finds the cost-optimal PTUs (plus pay-as-you-go spillover) for an hourly demand profile
  prices     refreshes catalog prices from the Azure Retail Prices API (components/catalog/prices.json)

  --as-of  judge model lifecycle as of this day instead of today

  --policy-config FILE  the policy config to judge with; default: the pack's config/<stack>.json,
                        else config/<environment tag>.json, else every rule mandatory

  --compare BASE.json  also show what changed against a saved 'plan --json' (resources, violations, cost)
  --sarif FILE         also write the findings as SARIF 2.1.0 (GitHub code scanning) to FILE
  --debug              show stack traces for errors
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
  if (values["policy-config"] !== undefined) {
    const { readPolicyConfigFile } =
      require("./analyzer/policy-config-file") as typeof import("./analyzer/policy-config-file");
    readPolicyConfigFile(values["policy-config"]);
  }
  const prepared =
    command === "plan"
      ? (require("./plan/prepare") as typeof import("./plan/prepare")).preparePlan({
          stack: values.stack ?? "dev",
          configFile: values.config,
          programDir: values.program,
          policyConfigFile: values["policy-config"],
          asOf,
        })
      : undefined;
  const imported =
    command === "check"
      ? (require("./check/state-file") as typeof import("./check/state-file")).readState(
          values.state as string,
        )
      : undefined;
  const pack = startPolicyPack(policyPackDir);
  // A failed start is reported where the pack is awaited; never as an unhandled rejection.
  pack.catch(() => undefined);
  try {
    let report: Report;
    if (prepared) {
      const { runPlan } = require("./plan/plan") as typeof import("./plan/plan");
      report = await runPlan(prepared, pack);
    } else {
      const { checkImported } = require("./check/check") as typeof import("./check/check");
      report = await checkImported(
        imported as NonNullable<typeof imported>,
        { stateFile: values.state as string, policyConfigFile: values["policy-config"], asOf },
        pack,
      );
    }
    if (base && values.compare) {
      const { diffPlans } = require("./report/diff") as typeof import("./report/diff");
      const { jsonDocument } = require("./report/json") as typeof import("./report/json");
      report = { ...report, diff: diffPlans(base, jsonDocument(report), values.compare) };
    }
    if (values.sarif !== undefined) {
      writeSarif(report, values.sarif);
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
const printed = async (text: Promise<string> | string): Promise<number> => {
  await writeAll(process.stdout, await text);
  return 0;
};

/** Offline tools that need no policy pack: each returns its exit code. */
const tools: Record<string, (rest: readonly string[]) => Promise<number>> = {
  size: (rest) => printed((require("./size/size") as typeof import("./size/size")).runSize(rest)),
  prices: (rest) => printed((require("./prices/prices") as typeof import("./prices/prices")).runPrices(rest)),
  // Only the stack configs and the catalog: no program run, no policy pack.
  lifecycle: (rest) =>
    (require("./lifecycle/lifecycle") as typeof import("./lifecycle/lifecycle")).lifecycleCommand(
      rest,
      (text) => writeAll(process.stdout, text),
    ),
  eval: async (rest) => {
    if (rest.includes("--help") || rest.includes("-h")) {
      return printed(`${(require("./eval/args") as typeof import("./eval/args")).evalUsage}\n`);
    }
    return (require("./eval/eval") as typeof import("./eval/eval")).evalCommand(rest);
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs the tool; returns the exit code. Bad input prints a message, never a stack trace (unless --debug). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    (command === undefined ? process.stderr : process.stdout).write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (Object.hasOwn(tools, command)) {
    return reportErrors(() => tools[command](rest), rest);
  }
  if (command !== "plan" && command !== "check") {
    process.stderr.write(`error: unknown command '${command}'\n${usage}\n`);
    return 2;
  }
  return reportErrors(() => run(command, rest), rest);
}

/** Runs a command; bad input prints a message and returns 2, never a stack trace (unless --debug). */
async function reportErrors(fn: () => Promise<number>, rest: readonly string[]): Promise<number> {
  const debug = rest.includes("--debug");
  try {
    return await fn();
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
