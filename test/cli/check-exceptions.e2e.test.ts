import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import type * as Sarif from "sarif";
import { CliResult, PlanDoc, root, runCli } from "../helpers/cli";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;

const fixture = path.join(root, "test", "fixtures", "states", "small-export.json");
const openai = "urn:pulumi:prod::legacy-ai::azure-native:cognitiveservices:Account::openai";
const asOf = "2026-12-01"; // the date exceptions are judged on, pinned

/** prod's policy config with exceptions: valid, expired, and one for the stack as a whole. */
function policyConfig(): Record<string, unknown> {
  const prod = JSON.parse(
    fs.readFileSync(path.join(root, "policies", "config", "prod.json"), "utf8"),
  ) as Record<string, Record<string, unknown>>;
  const add = (rule: string, exceptions: unknown[]) => (prod[rule] = { ...prod[rule], exceptions, asOf });
  add("ai-account-disable-local-auth", [
    { resource: "openai", reason: "Legacy batch client moves to Entra ID (SEC-7)", expires: "2027-01-31" },
  ]);
  add("ai-account-restrict-network-access", [
    { resource: openai, reason: "Waiting for the private endpoint", expires: "2026-11-30" },
  ]);
  add("cost-stack-budget", [
    {
      resource: "stack",
      reason: "The landing zone's budget covers this subscription",
      expires: "2027-06-30",
    },
  ]);
  return prod;
}

describe("check with acknowledged exceptions (end to end)", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-exceptions-"));
  const configFile = path.join(tmp, "policy.json");
  const sarifFile = path.join(tmp, "check.sarif");
  let result: CliResult;
  let doc: PlanDoc;
  let markdown: CliResult;

  before(async () => {
    fs.writeFileSync(configFile, JSON.stringify(policyConfig(), null, 2));
    const args = ["check", "--state", fixture, "--policy-config", configFile];
    [result, markdown] = await Promise.all([
      runCli([...args, "--json", "--sarif", sarifFile]),
      runCli([...args, "--markdown"]),
    ]);
    doc = JSON.parse(result.stdout) as PlanDoc;
  });

  const findings = (policy: string) => doc.violations.filter((v) => v.policy === policy);

  it("reports an acknowledged finding as advisory with its exception, and it no longer blocks", () => {
    const [v] = findings("ai-account-disable-local-auth");
    assert.equal(v.enforcementLevel, "advisory");
    assert.deepEqual(v.exception, {
      status: "acknowledged",
      source: "config",
      reason: "Legacy batch client moves to Entra ID (SEC-7)",
      expires: "2027-01-31",
    });
    assert.match(v.message, /^disableLocalAuth is not set/);
    const [stack] = findings("cost-stack-budget");
    assert.equal(stack.urn, "");
    assert.equal(stack.exception?.status, "acknowledged");
    assert.equal(doc.summary.acknowledged, 2);
  });

  it("counts an expired exception again, at the rule's level", () => {
    const [v] = findings("ai-account-restrict-network-access");
    assert.equal(v.enforcementLevel, "mandatory");
    assert.equal(v.exception?.status, "expired");
    assert.equal(v.exception?.expires, "2026-11-30");
  });

  it("still fails on the findings no valid exception covers", () => {
    assert.equal(result.code, 1);
    const subdomain = findings("ai-account-custom-subdomain");
    assert.ok(
      subdomain.length > 0 && subdomain.every((v) => v.enforcementLevel === "mandatory" && !v.exception),
    );
  });

  it("shows the acknowledgement in the Markdown report", () => {
    assert.equal(markdown.code, 1, markdown.stderr);
    assert.match(markdown.stdout, /\*\*2\*\* acknowledged/);
    assert.match(
      markdown.stdout,
      /\| acknowledged \| high \| `ai-account-disable-local-auth` \| `openai` \| _acknowledged until 2027-01-31 \(config\): Legacy batch client/,
    );
  });

  it("writes valid SARIF 2.1.0 with the acknowledged finding suppressed, located in the stack's config file", () => {
    const log = JSON.parse(fs.readFileSync(sarifFile, "utf8")) as Sarif.Log;
    const validate = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    assert.equal(validate(log), true, JSON.stringify(validate.errors));
    const results = log.runs[0].results ?? [];
    assert.equal(results.length, doc.violations.length);
    const acknowledged = results.filter((r) => r.suppressions?.length);
    assert.deepEqual(acknowledged.map((r) => r.ruleId).sort(), [
      "ai-account-disable-local-auth",
      "cost-stack-budget",
    ]);
    // The fixture's stack is 'prod', so findings point at this repository's prod config.
    assert.equal(
      results[0].locations?.[0].physicalLocation?.artifactLocation?.uri,
      "stacks/Pulumi.prod.yaml",
    );
    assert.ok(log.runs[0].tool.driver.rules?.some((r) => r.id === "apim-api-token-limit"));
  });
});
