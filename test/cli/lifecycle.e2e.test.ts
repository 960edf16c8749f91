import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { lifecycleCommand } from "../../cli/lifecycle/lifecycle";
import { lifecycleMarkdown, lifecycleText } from "../../cli/report/lifecycle";
import { PlanDoc, planJson, root } from "../helpers/cli";

/**
 * A dev stack on gpt-5 with a custom model, planned the day gpt-5 retired (2027-02-09): the plan
 * completes, the mandatory lifecycle rule fails it naming the successor, and the lifecycle section
 * lists it once; the custom model plans with an advisory finding.
 */
const stack = `config:
  foundry-platform:environment: dev
  foundry-platform:owner: platform-team@contoso.com
  foundry-platform:costCenter: CC-1001
  foundry-platform:workload: contoso
  foundry-platform:location: swedencentral
  foundry-platform:customModels:
    - name: contoso-support-ft
      format: OpenAI
      versions: ["1"]
      deploymentTypes: [GlobalStandard]
      source: fine-tuned from gpt-5.4-mini by the support team
  foundry-platform:accounts:
    - name: main
      deployments:
        - model: gpt-5
          version: "2025-08-07"
          type: GlobalStandard
          capacity: 10
        - model: contoso-support-ft
          version: "1"
          type: GlobalStandard
          capacity: 5
`;

describe("model lifecycle (end to end)", () => {
  let doc: PlanDoc;
  let code: number;
  let policyFile: string;

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-lifecycle-"));
    const file = path.join(dir, "Pulumi.dev.yaml");
    fs.writeFileSync(file, stack);
    // The dev config, with the custom model approved like any model the team adopts.
    const dev = JSON.parse(fs.readFileSync(path.join(root, "policies/config/dev.json"), "utf8")) as Record<
      string,
      { approvedModels?: Record<string, string[]> }
    >;
    dev["ai-deployment-approved-model"].approvedModels = {
      ...dev["ai-deployment-approved-model"].approvedModels,
      "gpt-5": ["2025-08-07"],
      "contoso-support-ft": ["1"],
    };
    policyFile = path.join(dir, "dev.json");
    fs.writeFileSync(policyFile, JSON.stringify(dev));
    const planned = await planJson([
      "--config",
      file,
      "--policy-config",
      policyFile,
      "--as-of",
      "2027-02-09",
    ]);
    doc = planned.doc;
    code = planned.result.code;
  });

  it("fails the plan with the mandatory retired rule naming the successor, never a config error", () => {
    assert.equal(code, 1);
    const retired = doc.violations.filter((v) => v.policy === "ai-deployment-lifecycle-retired");
    assert.equal(retired.length, 1);
    assert.equal(retired[0].enforcementLevel, "mandatory");
    assert.match(
      retired[0].message,
      /^gpt-5 version 2025-08-07 retired on 2027-02-09; Azure no longer serves it\. Move to gpt-5\.4 2026-03-05 \(serves until 2027-09-02; the catalog's choice, no replacement is published\)\.$/,
    );
  });

  it("lists each lifecycle finding once in the JSON report, with the successor", () => {
    assert.equal(doc.lifecycle.asOf, "2027-02-09");
    assert.equal(doc.lifecycle.windowDays, 30);
    assert.deepEqual(
      doc.lifecycle.findings.map((f) => [f.kind, f.deployment, f.successor?.model ?? null]),
      [
        ["retired", "gpt-5", "gpt-5.4"],
        ["custom", "contoso-support-ft", null],
      ],
    );
    assert.match(doc.lifecycle.findings[0].urn ?? "", /cognitiveservices:Deployment::platform-main-gpt-5$/);
  });

  it("plans a custom model with an advisory finding, never silently", () => {
    const custom = doc.violations.filter((v) => v.policy === "ai-deployment-uncatalogued-model");
    assert.equal(custom.length, 1);
    assert.equal(custom[0].enforcementLevel, "advisory");
    assert.match(
      custom[0].message,
      /^model 'contoso-support-ft' \(format OpenAI\) is not in the model catalog/,
    );
    const deployment = doc.resources.find((r) => r.inputs.deploymentName === "contoso-support-ft");
    assert.deepEqual((deployment?.inputs.properties as { model: unknown }).model, {
      format: "OpenAI",
      name: "contoso-support-ft",
      version: "1",
    });
  });

  it("renders the same findings in the text and Markdown reports", () => {
    const section = {
      asOf: doc.lifecycle.asOf,
      windowDays: doc.lifecycle.windowDays,
      findings: doc.lifecycle.findings.map((f) => ({
        kind: f.kind as "retired" | "custom",
        urn: f.urn ?? "",
        account: f.account ?? undefined,
        deployment: f.deployment,
        model: f.model,
        version: f.version ?? undefined,
        retirementDate: f.retirementDate ?? undefined,
        successor: f.successor
          ? {
              model: f.successor.model,
              version: f.successor.version ?? undefined,
              basis: f.successor.basis as "catalog",
              retirementDate: f.successor.retirementDate ?? undefined,
              catalogued: true,
            }
          : undefined,
        message: f.message,
      })),
    };
    const text = lifecycleText(section).join("\n");
    assert.match(text, /^Model lifecycle as of 2027-02-09 \(window: 30 days\):/);
    assert.match(
      text,
      /RETIRED {3}platform-main\/gpt-5\n {6}gpt-5 2025-08-07 retired on 2027-02-09; successor: gpt-5\.4 2026-03-05/,
    );
    const md = lifecycleMarkdown(section).join("\n");
    assert.match(
      md,
      /\| \*\*retired\*\* \| `platform-main\/gpt-5` \| gpt-5 2025-08-07 \| 2027-02-09 \| gpt-5\.4 2026-03-05 \(serves until 2027-09-02; the catalog's choice, no replacement is published\) \|/,
    );
    assert.equal((text.match(/platform-main\/gpt-5\b/g) ?? []).length, 1, "once");
  });
});

describe("lifecycle command", () => {
  async function run(args: string[]): Promise<{ code: number; out: string }> {
    let out = "";
    const code = await lifecycleCommand(args, async (t) => {
      out += t;
    });
    return { code, out };
  }

  it("reports nothing due for the stacks today (exit 0) and what retires within N days later on (exit 1)", async () => {
    const today = await run(["--as-of", "2026-12-03", "--json"]);
    assert.equal(today.code, 0);
    const doc = JSON.parse(today.out) as { due: number; stacks: { stack: string; findings: unknown[] }[] };
    assert.equal(doc.due, 0);
    assert.deepEqual(
      doc.stacks.map((s) => s.stack),
      ["dev", "prod", "staging"],
    );
    const later = await run(["--stack", "prod", "--as-of", "2027-03-01", "--days", "90"]);
    assert.equal(later.code, 1);
    assert.match(
      later.out,
      /retiring {2}main\/router\n {8}model-router 2025-11-18 retires on 2027-05-20, in 80 days/,
    );
    assert.match(later.out, /^DUE: 1 deployment\(s\) retired or retire within 90 days of 2027-03-01/m);
  });
});
