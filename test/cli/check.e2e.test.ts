import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  PlanDoc,
  checkJson,
  e2eTimeoutMs,
  pinned,
  root,
  runCli,
  runCliLogged,
  sharedPlanJson,
  stackTracePattern,
} from "../helpers/cli";

const fixture = path.join(root, "test", "fixtures", "states", "small-export.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-check-"));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("check (end to end, offline)", function () {
  this.timeout(e2eTimeoutMs);

  it("judges a stack export: finds the key-auth account, exit 1, never prints a secret", async () => {
    const { result: r, doc } = await checkJson(fixture, "prod");
    assert.equal(r.code, 1, r.stderr);
    assert.equal(doc.stack, "prod");
    assert.equal(doc.resources.length, 5);
    const flagged = doc.violations
      .filter((v) => v.policy === "ai-account-disable-local-auth")
      .map((v) => v.urn);
    assert.deepEqual(flagged, ["urn:pulumi:prod::legacy-ai::azure-native:cognitiveservices:Account::openai"]);
    const secure = doc.resources.find((x) => x.urn.endsWith("::secure"));
    assert.equal(secure?.options.protect, true);
    const openai = doc.resources.find((x) => x.urn.endsWith("::openai"));
    assert.equal(openai?.inputs.tags, "[secret]");
    assert.ok(!r.stdout.includes("SECRETCIPHERTEXT"));
  });

  it("prints the same text report shape as plan", async () => {
    const r = await runCli(
      pinned(["check", "--state", fixture, "--policy-config", "policies/config/prod.json"]),
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Check of stack 'prod': 5 resources/);
    assert.match(r.stdout, /MANDATORY +high +ai-account-disable-local-auth +openai/);
    assert.match(r.stdout, /^FAIL: /m);
  });

  it("judges a saved plan --json the same way the plan did", async () => {
    const { result: planned } = await sharedPlanJson(["--stack", "staging"]);
    assert.equal(planned.code, 0, planned.stderr);
    const file = write("staging-plan.json", planned.stdout);
    const r = await runCli(
      pinned(["check", "--state", file, "--policy-config", "policies/config/staging.json", "--json"]),
    );
    assert.equal(r.code, 0, r.stderr);
    const plan = JSON.parse(planned.stdout) as PlanDoc;
    const checked = JSON.parse(r.stdout) as PlanDoc;
    assert.equal(checked.stack, "staging");
    assert.deepEqual(
      checked.resources.map((x) => x.urn),
      plan.resources.map((x) => x.urn),
    );
    assert.deepEqual(checked.violations, plan.violations);
  });

  it("rejects malformed or unknown files with exit 2 and a clear message", async () => {
    const cases: [string, string | null, RegExp][] = [
      ["not-json.json", "{ nope", /not valid JSON/],
      ["array.json", "[1, 2]", /expected a JSON object/],
      ["unknown.json", JSON.stringify({ hello: "world" }), /not a 'pulumi stack export' document/],
      [
        "v2.json",
        JSON.stringify({ version: 2, deployment: { resources: [] } }),
        /version 2 is not supported/,
      ],
      [
        "no-urn.json",
        JSON.stringify({ version: 3, deployment: { resources: [{ type: "x" }] } }),
        /resources\[0\] must have a string 'urn'/,
      ],
      ["missing.json", null, /cannot read the state file/],
    ];
    const results = await Promise.all(
      cases.map(([name, text]) =>
        runCliLogged(pinned(["check", "--state", text === null ? path.join(tmp, name) : write(name, text)])),
      ),
    );
    results.forEach((r, i) => {
      assert.equal(r.code, 2, `${cases[i][0]}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, cases[i][2]);
      assert.doesNotMatch(r.stderr, stackTracePattern);
      // The state file is read before the pack starts: only the tool ran.
      assert.equal(r.processes.length, 1, `${cases[i][0]} started ${r.processes.join("; ")}`);
    });
    const noState = await runCli(pinned(["check"]));
    assert.equal(noState.code, 2);
    assert.match(noState.stderr, /check needs --state FILE/);
  });

  it("rejects a policy config that names an unknown policy or level", async () => {
    const bad = write(
      "policy.json",
      JSON.stringify({
        "no-such-policy": "mandatory",
        "ai-account-disable-local-auth": { enforcementLevel: "fatal" },
      }),
    );
    const r = await runCli(pinned(["check", "--state", fixture, "--policy-config", bad]));
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /no-such-policy: no such policy in pack 'foundry-platform'; known: .*\bai-account-disable-local-auth\b/,
    );
    assert.match(
      r.stderr,
      /ai-account-disable-local-auth\.enforcementLevel = "fatal": allowed: advisory \| mandatory/,
    );
  });
});
