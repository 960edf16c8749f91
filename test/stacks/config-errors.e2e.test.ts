import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pinned, root, runCli, stackTracePattern } from "../helpers/cli";

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

describe("invalid stack config (through the plan command)", function () {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-config-"));
  let results: Awaited<ReturnType<typeof runCli>>[] = [];

  before(async () => {
    results = await Promise.all(
      cases.map((c, i) => {
        const file = path.join(dir, `case-${i}`, "Pulumi.dev.yaml");
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, c.config);
        return runCli(pinned(["plan", "--config", file]));
      }),
    );
  });

  it("leaves no policy pack running after the tool exits on bad config", async () => {
    // Every run above has exited; a pack still alive would be an orphan of one of them.
    await new Promise((r) => setTimeout(r, 300));
    const listing = execFileSync("ps", ["-eo", "ppid=,args="], { encoding: "utf8" });
    const orphans = listing
      .split("\n")
      .filter((line) => line.includes(path.join(root, "policies", "index.ts")))
      .filter((line) => Number(line.trim().split(/\s+/)[0]) !== process.pid);
    assert.deepEqual(orphans, []);
  });

  cases.forEach((c, i) => {
    it(`${c.what}: exit 2, the key path and what is allowed, no stack trace`, () => {
      const r = results[i];
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.equal(r.stdout, "");
      assert.doesNotMatch(r.stderr, stackTracePattern);
      for (const e of c.expect) {
        if (typeof e === "string") {
          assert.ok(r.stderr.includes(e), `expected '${e}' in:\n${r.stderr}`);
        } else {
          assert.match(r.stderr, e);
        }
      }
    });
  });
});
