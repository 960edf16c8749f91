/**
 * The selector end to end: `select` on a workloads-only stack, and the plan of that stack through
 * the policy pack (prod's policy config) with no mandatory violation. One plan in `before`; the
 * selection runs in-process (no policy pack). And the worked examples of docs/select.md are the
 * tool's output.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/main";
import { docsExamples } from "../../cli/select/docs-examples";
import { runSelect, selectionJson } from "../../cli/select/select";
import { InputError } from "../../cli/errors";
import { PlanDoc, e2eTimeoutMs, pinnedDay, planJson, stackTracePattern } from "../helpers/cli";

const stackFile = "test/fixtures/workloads/Pulumi.prod.yaml";
const args = ["--config", stackFile, "--stack", "prod"];

type SelectDoc = ReturnType<typeof selectionJson>;

describe("select and a workloads-only stack", function () {
  this.timeout(e2eTimeoutMs);
  let plan: PlanDoc;
  let code: number;
  let selection: SelectDoc;

  before(async () => {
    const planned = planJson(args);
    const run = runSelect([...args, "--json", "--as-of", pinnedDay]);
    selection = JSON.parse(run.text) as SelectDoc;
    code = run.code;
    const { result, doc } = await planned;
    assert.equal(result.code, 0, result.stderr);
    plan = doc;
  });

  it("select --json has exactly the issue's shape, best candidate first", () => {
    assert.equal(code, 0);
    assert.deepEqual(
      selection.workloads.map((w) => w.name),
      ["triage", "analyst", "helpdesk", "assist", "nightly"],
    );
    for (const w of selection.workloads) {
      assert.deepEqual(Object.keys(w), ["name", "candidates", "rejected", "derived"]);
      for (const c of w.candidates) {
        assert.deepEqual(Object.keys(c), ["model", "version", "deploymentType", "monthlyUsd", "reasons"]);
      }
      for (const r of w.rejected) {
        assert.deepEqual(Object.keys(r), ["model", "deploymentType", "why"]);
      }
      const fixed = w.candidates.filter((c) => c.model !== "model-router").map((c) => c.monthlyUsd ?? 0);
      assert.deepEqual(
        fixed,
        [...fixed].sort((a, b) => a - b),
        `${w.name}: cheapest first`,
      );
    }
    const best = Object.fromEntries(
      selection.workloads.map((w) => [w.name, `${w.candidates[0].model} ${w.candidates[0].deploymentType}`]),
    );
    assert.deepEqual(best, {
      triage: "gpt-5.4-nano GlobalStandard",
      analyst: "gpt-5.4 GlobalStandard",
      helpdesk: "model-router GlobalStandard",
      assist: "gpt-5.4 GlobalProvisionedManaged",
      nightly: "gpt-5.4-mini DataZoneBatch",
    });
  });

  it("the plan of the workloads-only stack passes the policy pack with no mandatory violation", () => {
    assert.equal(plan.policyConfig.file, "policies/config/prod.json");
    assert.equal(plan.summary.mandatory, 0, JSON.stringify(plan.violations, null, 2));
    assert.equal(plan.summary.errors, 0);
    assert.equal(plan.summary.passed, true);
  });

  it("the plan deploys exactly what select derives, at the same types and capacities", () => {
    const deployed = new Map(
      plan.resources
        .filter(
          (r) =>
            r.type === "azure-native:cognitiveservices:Deployment" ||
            r.type === "azure-native:resources:Resource",
        )
        .map((r) => [
          String(r.inputs.deploymentName ?? r.inputs.resourceName),
          r.inputs.sku as { name: string; capacity: number },
        ]),
    );
    const derived = selection.workloads.flatMap((w) => w.derived);
    assert.equal(derived.length, 8);
    for (const spec of derived) {
      assert.deepEqual(deployed.get(spec.name), { name: spec.type, capacity: spec.capacity }, spec.name);
    }
    const router = plan.resources.find((r) => r.inputs.resourceName === "helpdesk");
    const routing = (router?.inputs.properties as { routing?: { models: { name: string }[] } }).routing;
    assert.deepEqual(
      routing?.models.map((m) => m.name),
      selection.workloads[2].derived[0].routing?.models.map((m) => m.model),
    );
  });

  it("the teams' products and the semantic cache are derived from the workloads", () => {
    const products = plan.resources
      .filter((r) => r.type === "azure-native:apimanagement:Product")
      .map((r) => r.inputs.productId)
      .sort();
    assert.deepEqual(products, ["team-assistants", "team-research", "team-support"]);
    assert.ok(plan.resources.some((r) => r.type === "azure-native:redisenterprise:RedisEnterprise"));
  });

  it("--workload picks one; an unknown one is bad input that lists the known ones", () => {
    const one = JSON.parse(
      runSelect([...args, "--json", "--as-of", pinnedDay, "--workload", "nightly"]).text,
    ) as SelectDoc;
    assert.deepEqual(
      one.workloads.map((w) => w.name),
      ["nightly"],
    );
    assert.throws(
      () => runSelect([...args, "--as-of", pinnedDay, "--workload", "nope"]),
      (err: unknown) =>
        err instanceof InputError &&
        /--workload nope: no such workload .*; known: triage, analyst, helpdesk, assist, nightly/.test(
          err.message,
        ),
    );
  });

  it("a workload that fits nothing still shows its rankings, then the config problem (exit 2)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-select-"));
    const staging = path.join(dir, "Pulumi.staging.yaml");
    fs.writeFileSync(
      staging,
      fs.readFileSync(stackFile, "utf8").replace("environment: prod", "environment: staging"),
    );
    const run = runSelect([
      "--config",
      staging,
      "--stack",
      "staging",
      "--as-of",
      pinnedDay,
      "--workload",
      "triage",
    ]);
    assert.equal(run.code, 2);
    assert.match(
      run.text,
      /GlobalStandard needs 296K TPM at the peak; policies\/config\/staging\.json caps a standard deployment at 200K/,
    );
    assert.match(
      run.text,
      /The stack config is not valid:\n {2}foundry-platform:workloads\[0\] \(got "triage"\): no model and deployment type meets the contract/,
    );
  });

  it("a bad contract exits 2 with the field path and no stack trace", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-select-"));
    const bad = path.join(dir, "Pulumi.prod.yaml");
    fs.writeFileSync(
      bad,
      fs
        .readFileSync(stackFile, "utf8")
        .replace("asyncShare: 0.2, repeatShare: 0.3", "asyncShare: 1.5, repeatShare: 0.3"),
    );
    // The command's entry point in-process (the binary exits with what it returns).
    const written: string[] = [];
    const code = await main(["select", "--config", bad, "--stack", "prod", "--as-of", pinnedDay], {
      write: async () => undefined,
      writeError: (text) => written.push(text),
      report: () => Promise.reject(new Error("select runs no plan")),
    });
    const stderr = written.join("");
    assert.equal(code, 2);
    assert.match(
      stderr,
      /foundry-platform:workloads\[3\]\.traffic\.asyncShare \(got 1\.5\): too big; allowed: at most 1/,
    );
    assert.doesNotMatch(stderr, stackTracePattern);
  });
});

describe("docs/select.md worked examples", () => {
  const page = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "select.md"), "utf8");
  const examples = docsExamples(page);

  it("has one per task kind the issue names, and a provisioned one", () => {
    assert.deepEqual(
      examples.map((e) => e.args[e.args.indexOf("--workload") + 1]),
      ["triage", "analyst", "helpdesk", "nightly", "assist"],
    );
  });

  for (const e of examples) {
    it(`'select ${e.args.join(" ")}' prints what the page shows (npm run docs regenerates it)`, () => {
      assert.equal(e.written, e.printed);
    });
  }
});
