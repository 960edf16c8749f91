import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { policies } from "../../policies/policies";
import { CliResult, PlanDoc, e2eTimeoutMs, parseDoc, root, runCli } from "../helpers/cli";

const states = path.join(root, "test", "fixtures", "states");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-fail-closed-"));

/** A copy of a fixture export whose stack is renamed, so that no policy config carries its name. */
function renamed(fixture: string, stack: string): string {
  const text = fs
    .readFileSync(path.join(states, fixture), "utf8")
    .replaceAll("urn:pulumi:prod::", `urn:pulumi:${stack}::`);
  const file = path.join(tmp, `${stack}-${fixture}`);
  fs.writeFileSync(file, text);
  return file;
}

interface Checked {
  readonly result: CliResult;
  readonly doc: PlanDoc;
}

async function check(file: string): Promise<Checked> {
  const result = await runCli(["check", "--state", file, "--json"]);
  return { result, doc: parseDoc(result) };
}

describe("check with no flags fails closed (end to end)", function () {
  this.timeout(e2eTimeoutMs);
  let byName: Checked;
  let unnamed: Checked;
  let byTag: Checked;

  before(async () => {
    // Three runs, one after the other: each starts the tool and the pack.
    byName = await check(path.join(states, "governance-export.json"));
    unnamed = await check(renamed("governance-export.json", "team-x"));
    byTag = await check(renamed("ai-gateway-export.json", "prod-westeurope"));
  });

  it("judges a prod export with policies/config/prod.json, chosen by the stack name, and exits 1", () => {
    const { result, doc } = byName;
    assert.equal(result.code, 1, result.stderr);
    assert.equal(doc.policyConfig.file, path.join("policies", "config", "prod.json"));
    assert.equal(doc.policyConfig.reason, "the stack name 'prod'");
    const prod = JSON.parse(
      fs.readFileSync(path.join(root, "policies", "config", "prod.json"), "utf8"),
    ) as Record<string, { enforcementLevel: string }>;
    for (const p of policies) {
      assert.equal(doc.policyConfig.levels[p.name], prod[p.name].enforcementLevel, p.name);
    }
    assert.ok(
      doc.violations.some(
        (v) => v.policy === "ai-account-disable-local-auth" && v.enforcementLevel === "mandatory",
      ),
    );
  });

  it("runs every rule at mandatory when no config fits the stack, says so, and exits 1", () => {
    const { result, doc } = unnamed;
    assert.equal(result.code, 1, result.stderr);
    assert.equal(doc.stack, "team-x");
    assert.equal(doc.policyConfig.file, null);
    assert.match(doc.policyConfig.reason, /no config for stack 'team-x' and no environment tag/);
    assert.deepEqual(
      policies.map((p) => doc.policyConfig.levels[p.name]),
      policies.map(() => "mandatory"),
    );
    assert.ok(doc.violations.length > 0);
    assert.deepEqual(
      doc.violations.filter((v) => v.enforcementLevel !== "mandatory"),
      [],
      "every finding blocks",
    );
    assert.ok(doc.violations.some((v) => v.policy === "ai-account-disable-local-auth"));
  });

  it("falls back to the resources' one environment tag when the stack name has no config", () => {
    const { result, doc } = byTag;
    assert.equal(result.code, 1, result.stderr);
    assert.equal(doc.policyConfig.file, path.join("policies", "config", "prod.json"));
    assert.equal(doc.policyConfig.reason, "the environment tag 'prod' of the resources");
  });
});
