import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { coverageEnd, coverageGaps, coverageStart, coverageTable } from "../../policies/docs/coverage-table";
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

describe("docs/policy-pack.md coverage table", () => {
  it("leaves no reference unexplained: every PSRule rule and built-in is covered by a rule or listed as not applicable", () => {
    assert.deepEqual(coverageGaps(), []);
  });

  it("finds a gap when a rule stops citing a reference nobody else covers", () => {
    const withoutApproval = policies.filter((p) => p.name !== "apim-product-approval-required");
    assert.deepEqual(coverageGaps(withoutApproval), [
      "'Azure.APIM.ProductApproval' is neither covered by a rule nor listed as not applicable",
    ]);
  });

  it("is generated into the page with each rule's references and the reasons for what no rule covers", () => {
    const page = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "policy-pack.md"), "utf8");
    assert.equal(page, withRulesTable(page, coverageTable(), coverageStart, coverageEnd));
    const table = coverageTable();
    assert.match(
      table,
      /\| `ai-account-disable-local-auth` \| `Azure.AI.DisableLocalAuth` \(alias `Azure.Cognitive.DisableLocalAuth`\) \| Azure AI Services resources should have key access disabled \(disable local authentication\) \(`71ef260a-8f18-47b7-abcb-62d0673d94dc`\)/,
    );
    assert.match(table, /\| PSRule: `Azure.APIM.ProductTerms` \| Deprecated by PSRule for Azure/);
  });
});
