import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { rulesTable, withRulesTable } from "../../policies/docs/rules-table";
import { policies } from "../../policies/policies";

describe("docs/policy-pack.md rules table", () => {
  it("is generated from the pack's metadata and is up to date (run `npm run docs`)", () => {
    const page = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "policy-pack.md"), "utf8");
    assert.equal(page, withRulesTable(page, rulesTable()));
  });

  it("lists every rule with its severity, a level per environment and mandatory when no config applies", () => {
    const table = rulesTable();
    const level = "(advisory|mandatory|disabled|remediate)";
    for (const p of policies) {
      assert.match(
        table,
        new RegExp(
          `\\| \`${p.name}\` \\| .+ \\| ${p.severity} \\| ${level} \\| ${level} \\| ${level} \\| mandatory \\|$`,
          "m",
        ),
      );
    }
  });
});
