import { strict as assert } from "node:assert";
import { jsonReport } from "../../cli/report/json";
import { markdownReport } from "../../cli/report/markdown";
import { Report, levelCounts, policyConfigLine } from "../../cli/report/report";
import { textReport } from "../../cli/report/text";

function report(policyConfig: Report["policyConfig"]): Report {
  return {
    command: "check",
    stack: "team-x",
    resources: [],
    violations: [],
    errors: [],
    pack: { name: "foundry-platform", version: "0.1.0", policies: 3 },
    rules: [],
    lifecycle: { asOf: "2026-12-03", windowDays: 90, findings: [] },
    cost: { currency: "USD", monthlyUsd: 0, items: [], unpriced: [] },
    policyConfig,
  };
}

const defaults = {
  reason: "no config for stack 'team-x' and no environment tag",
  levels: { a: "mandatory", b: "mandatory", c: "mandatory" },
} as const;
const chosen = {
  file: "policies/config/dev.json",
  reason: "the stack name 'dev'",
  levels: { a: "mandatory", b: "advisory", c: "disabled" },
} as const;

describe("the policy config line of every report", () => {
  it("counts rules per level, strictest first, mandatory always shown", () => {
    assert.equal(levelCounts(chosen), "1 mandatory, 1 advisory, 1 disabled");
    assert.equal(levelCounts({ reason: "", levels: { a: "advisory" } }), "0 mandatory, 1 advisory");
  });

  it("names the file and how it was chosen, or says the pack's defaults applied and how to relax them", () => {
    assert.equal(
      policyConfigLine(chosen),
      "Policy config: policies/config/dev.json (from the stack name 'dev'): 1 mandatory, 1 advisory, 1 disabled",
    );
    assert.equal(
      policyConfigLine(defaults),
      "Policy config: the pack's defaults (no config for stack 'team-x' and no environment tag; relax with --policy-config FILE): 3 mandatory",
    );
  });

  it("appears in the text and Markdown reports, and as policyConfig in --json", () => {
    assert.match(
      textReport(report(chosen)),
      /^Policy config: policies\/config\/dev\.json \(from the stack name 'dev'\)/m,
    );
    assert.match(markdownReport(report(defaults)), /^Policy config: the pack's defaults \(/m);
    const doc = JSON.parse(jsonReport(report(defaults))) as { policyConfig: unknown };
    assert.deepEqual(doc.policyConfig, { file: null, ...defaults });
  });
});
