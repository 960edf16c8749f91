/**
 * Invalid stack config through `plan`. Every case runs through the same code as the tool
 * (`plan()`, in this process: config errors stop it before the program or the pack run); two cases
 * also run the real command, for exit code 2, an empty stdout, no stack trace, and no policy pack
 * left running once the tool has exited.
 */
import { strict as assert } from "node:assert";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PackProcess } from "../../cli/analyzer/pack-process";
import { plan } from "../../cli/plan/plan";
import { CliResult, e2eTimeoutMs, pinned, pinnedDay, root, runCli, stackTracePattern } from "../helpers/cli";

const dev = fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8");

interface Case {
  readonly what: string;
  readonly config: string;
  /** Every line the error must contain (key paths and the allowed values). */
  readonly expect: readonly (string | RegExp)[];
}

const cases: Case[] = [
  {
    what: "wrong type",
    config: dev.replace("capacity: 10", "capacity: ten"),
    expect: ['foundry-platform:accounts[0].deployments[0].capacity (got "ten"): expected number'],
  },
  {
    what: "unknown top-level key",
    config: dev.replace(
      "  foundry-platform:workload:",
      "  foundry-platform:colour: blue\n  foundry-platform:workload:",
    ),
    expect: [/foundry-platform:colour: unknown key; .*known keys here: .*\baccounts, /],
  },
  {
    what: "unknown nested key",
    config: dev.replace("    - name: main\n", "    - name: main\n      sku: S1\n"),
    expect: [/foundry-platform:accounts\[0\]\.sku: unknown key/],
  },
  {
    what: "out of range",
    config: dev.replace("capacity: 10", "capacity: 0"),
    expect: ["foundry-platform:accounts[0].deployments[0].capacity (got 0): too small; allowed: at least 1"],
  },
  {
    what: "missing required key",
    config: dev.replace(/ {2}foundry-platform:costCenter: .*\n/, ""),
    expect: ["foundry-platform:costCenter: required; expected string"],
  },
  {
    what: "bad YAML",
    config: dev.replace("type: GlobalStandard", "type: [GlobalStandard"),
    expect: [/Pulumi\.dev\.yaml:\d+:\d+: not valid YAML/],
  },
  {
    what: "value not in the allowed set",
    config: dev.replace("environment: dev", "environment: qa"),
    expect: ['foundry-platform:environment (got "qa"): not allowed; allowed: dev | staging | prod'],
  },
  {
    what: "unknown region",
    config: dev.replace("foundry-platform:location: swedencentral", "foundry-platform:location: mars"),
    expect: [/foundry-platform:location \(got "mars"\): not allowed; allowed: .*swedencentral/],
  },
  {
    what: "name pattern",
    config: dev.replace("workload: contoso", "workload: Contoso_Ltd"),
    expect: ['foundry-platform:workload (got "Contoso_Ltd"): must be 2 to 12 lower-case letters or digits'],
  },
  {
    what: "duplicate deployment name",
    config: dev.replace("model: text-embedding-3-small", "model: gpt-5.4-mini"),
    expect: [
      /foundry-platform:accounts\[0\]\.deployments\[1\]\.model \(got "gpt-5\.4-mini"\): duplicate deployment name/,
    ],
  },
  {
    what: "empty list",
    config: dev.replace(/ {2}foundry-platform:accounts:[\s\S]*$/, "  foundry-platform:accounts: []\n"),
    expect: ["foundry-platform:accounts (got []): too small; allowed: at least 1 entry"],
  },
  {
    what: "bad IP rule",
    // The dev stack allow-lists a range for its public endpoint; break it.
    config: dev.replace('ipRules: ["203.0.113.0/24"]', "ipRules: [203.0.113.0/240x]"),
    expect: [
      /foundry-platform:accounts\[0\]\.networkAcls\.ipRules\[0\] \(got "203\.0\.113\.0\/240x"\): must be an IPv4 address/,
    ],
  },
  {
    what: "every problem at once",
    config: dev
      .replace("environment: dev", "environment: qa")
      .replace("capacity: 10", "capacity: -1")
      .replace("workload: contoso", "workload: x"),
    expect: [
      "foundry-platform:environment",
      "foundry-platform:accounts[0].deployments[0].capacity",
      "foundry-platform:workload",
    ],
  },
];

/** Where the tool runs its policy pack from: the bundle `bin/foundry-platform.js` builds. */
function packBundle(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundles = require(path.join(root, "bin", "bundles.js")) as { ensureBundles(): { pack: string } };
  return bundles.ensureBundles().pack;
}

/**
 * Policy packs running from `bundle` whose parent is not a running `foundry-platform` command: a
 * pack the tool left behind is re-parented (to init or a subreaper) once the tool has exited.
 */
function orphanPacks(bundle: string): { pid: number; line: string }[] {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([line, pid, ppid, args]) => ({ line, pid: Number(pid), ppid: Number(ppid), args }));
  const argsOf = new Map(rows.map((r) => [r.pid, r.args]));
  const tool = path.join("bin", "foundry-platform.js");
  return rows
    .filter((r) => r.args.includes(bundle))
    .filter((r) => !(argsOf.get(r.ppid) ?? "").includes(tool))
    .map(({ pid, line }) => ({ pid, line }));
}

/** The orphans still there after `ms`: a pack the tool stopped as it exited may take a moment to go. */
async function lastingOrphans(bundle: string, ms: number): Promise<{ pid: number; line: string }[]> {
  const deadline = Date.now() + ms;
  let orphans = orphanPacks(bundle);
  while (orphans.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    orphans = orphanPacks(bundle);
  }
  return orphans;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

function expectProblems(text: string, c: Case): void {
  for (const e of c.expect) {
    if (typeof e === "string") {
      assert.ok(text.includes(e), `expected '${e}' in:\n${text}`);
    } else {
      assert.match(text, e);
    }
  }
}

describe("invalid stack config (through the plan command)", function () {
  this.timeout(e2eTimeoutMs);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-config-"));
  const neverStarted = new Promise<PackProcess>(() => undefined);
  const files = cases.map((c, i) => {
    const file = path.join(dir, `case-${i}`, "Pulumi.dev.yaml");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c.config);
    return file;
  });
  /** The cases that also run as the real command. */
  const endToEnd = ["every problem at once", "bad YAML"].map((what) =>
    cases.findIndex((c) => c.what === what),
  );
  const results = new Map<number, CliResult>();

  before(async () => {
    for (const i of endToEnd) {
      results.set(i, await runCli(pinned(["plan", "--config", files[i]])));
    }
  });

  cases.forEach((c, i) => {
    it(`${c.what}: names the key path and what is allowed`, async () => {
      await assert.rejects(
        plan({ stack: "dev", configFile: files[i], asOf: pinnedDay }, neverStarted),
        (err: Error) => {
          expectProblems(err.message, c);
          return true;
        },
      );
    });
  });

  it("exits 2 with the problems on stderr, nothing on stdout and no stack trace", () => {
    for (const i of endToEnd) {
      const r = results.get(i) as CliResult;
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.equal(r.stdout, "");
      assert.doesNotMatch(r.stderr, stackTracePattern);
      expectProblems(r.stderr, cases[i]);
    }
  });

  it("leaves no policy pack running after the tool exits on bad config (and would see one)", async () => {
    const bundle = packBundle();
    // The search finds a pack that outlives the process that started it: start one from here.
    const stray = spawn(process.execPath, [bundle, "127.0.0.1:0"], { stdio: "ignore" });
    try {
      assert.deepEqual(
        orphanPacks(bundle).map((o) => o.pid),
        [stray.pid],
      );
    } finally {
      stray.kill();
    }
    await exited(stray);
    // Every run above has exited; a pack still alive would be an orphan of one of them.
    assert.deepEqual(await lastingOrphans(bundle, 10_000), []);
  });
});
