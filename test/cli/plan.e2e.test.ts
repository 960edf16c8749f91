import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  PlanDoc,
  e2eTimeoutMs,
  pinned,
  pinnedDay,
  planJson,
  root,
  runCli,
  runCliLogged,
  sharedPlanJson,
  stackTracePattern,
} from "../helpers/cli";

const types = {
  resourceGroup: "azure-native:resources:ResourceGroup",
  account: "azure-native:cognitiveservices:Account",
  deployment: "azure-native:cognitiveservices:Deployment",
};

function tempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-plan-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface CostDoc {
  cost: {
    currency: string;
    monthlyUsd: number;
    items: { urn: string; kind: string; monthlyUsd: number; basis: string }[];
    unpriced: { urn: string; why: string }[];
  };
}

/**
 * The prod plan prices itself (every deployment priced or unpriced with a reason, items adding up to
 * the total), and `--markdown --compare` against a changed base shows the diff first, then the cost
 * and the topology diagram.
 */
async function costAndCompare(doc: PlanDoc): Promise<void> {
  const { cost } = doc as unknown as CostDoc;
  assert.equal(cost.currency, "USD");
  const sum = cost.items.reduce((s, i) => s + i.monthlyUsd, 0);
  assert.ok(Math.abs(sum - cost.monthlyUsd) < 0.01, `items add up to ${sum}, total ${cost.monthlyUsd}`);
  const accounted = new Set([...cost.items.map((i) => i.urn), ...cost.unpriced.map((u) => u.urn)]);
  for (const r of doc.resources.filter((x) => x.type === types.deployment)) {
    assert.ok(accounted.has(r.urn), `${r.name} is priced or unpriced`);
  }
  assert.ok(cost.unpriced.every((u) => u.why.length > 10));
  const ptu = cost.items.find((i) => i.urn.endsWith("::platform-main-gpt-5.4-ptu"));
  assert.equal(ptu?.kind, "provisioned-deployment");
  assert.match(ptu?.basis ?? "", /15 PTU × \$[\d.]+\/PTU-month \(one-month reservation\)/);
  assert.match(
    cost.items.find((i) => i.urn.endsWith("::platform-main-gpt-5.4"))?.basis ?? "",
    /overflow of gpt-5.4-ptu/,
  );
  assert.ok(cost.items.some((i) => i.kind === "batch-deployment" && i.monthlyUsd > 0));

  // A base in which the PTU deployment cost more and the batch deployment did not exist.
  const base = JSON.parse(JSON.stringify(doc)) as PlanDoc & CostDoc;
  base.resources = base.resources.filter((r) => !r.urn.endsWith("::platform-main-gpt-5.4-batch"));
  base.cost.items = base.cost.items.map((i) =>
    i.urn.endsWith("::platform-main-gpt-5.4-ptu") ? { ...i, monthlyUsd: i.monthlyUsd + 1000 } : i,
  );
  base.cost.monthlyUsd += 1000;
  const file = tempFile("base.json", JSON.stringify(base));
  const md = await runCli(pinned(["plan", "--stack", "prod", "--markdown", "--compare", file]));
  assert.equal(md.code, 0, md.stderr);
  const at = (text: string) => md.stdout.indexOf(text);
  assert.ok(
    at("#### Changes against") > 0 && at("#### Changes against") < at("**Monthly cost estimate"),
    "the diff comes first",
  );
  assert.match(md.stdout, /1 added, 0 changed, 0 removed/);
  assert.match(md.stdout, /\| ➕ \| `platform-main-gpt-5.4-batch` \|/);
  assert.match(md.stdout, /\| `platform-main-gpt-5.4-ptu` \| \$[\d,.]+ \| \$[\d,.]+ \| -\$1,000\.00 \|/);
  assert.ok(at("```mermaid") > at("**Monthly cost estimate"));
  const chart = md.stdout.slice(at("```mermaid"), md.stdout.indexOf("```", at("```mermaid") + 3));
  assert.match(chart, /subgraph region\d+\["swedencentral"\]/);
  assert.match(chart, /dep\d+ -\. spillover \.-> dep\d+/);
  assert.match(chart, /pool\d+ -->\|"priority 1 · weight 100"\| dep\d+/);
  assert.match(chart, /team\d+\[\/"Team assistants"\/\]:::team/);
  assert.match(chart, /:::ptu/);
  assert.match(chart, /:::batch/);
  assert.match(chart, /:::router/);

  // The summary names every deployment of the plan, per account, with its model and capacity.
  const isDeployment = (r: PlanDoc["resources"][number]) =>
    r.type === types.deployment ||
    (r.type === "azure-native:resources:Resource" && r.inputs.resourceType === "deployments");
  for (const d of doc.resources.filter(isDeployment)) {
    const name = (d.inputs.deploymentName ?? d.inputs.resourceName) as string;
    const props = d.inputs.properties as { model: { name: string; version: string } };
    const sku = d.inputs.sku as { name: string; capacity: number };
    const capacity = /Provisioned/.test(sku.name)
      ? `${sku.capacity} PTU`
      : /Batch/.test(sku.name)
        ? `${sku.capacity} (batch quota)`
        : `${sku.capacity}K TPM`;
    assert.ok(
      md.stdout.includes(
        `| \`${name}\` | ${props.model.name} | ${props.model.version} | ${sku.name} | ${capacity} |`,
      ),
      `${d.name} is listed with its model and capacity`,
    );
  }
  assert.match(
    md.stdout,
    /\*\*9 deployments in 2 accounts\*\*: 15 PTU provisioned · 950K TPM standard · 100 batch quota/,
  );
  assert.match(
    md.stdout,
    /\| `assistants` \| gpt-5\.4, gpt-5\.4-mini, model-router \| 100,000 \| 2,000,000,000 \/ monthly \|/,
  );
  assert.ok(at("#### Changes against") < at("#### Model deployments"), "the diff still comes first");
}

describe("plan (end to end, offline)", function () {
  this.timeout(e2eTimeoutMs);

  for (const stack of ["dev", "staging", "prod"]) {
    it(`plans the ${stack} stack with exit 0 and the core resources`, async () => {
      const { result, doc } = await sharedPlanJson(["--stack", stack]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(doc.stack, stack);
      assert.equal(doc.summary.passed, true);
      // The stacks sit on the longest runway: nothing retires within the window of the pinned day.
      assert.equal(doc.lifecycle.asOf, pinnedDay);
      assert.deepEqual(doc.lifecycle.findings, []);
      const byType = (t: string) => doc.resources.filter((r) => r.type === t);
      assert.equal(byType(types.resourceGroup).length, 1);
      assert.ok(byType(types.account).length >= 1);
      assert.ok(byType(types.deployment).length >= 1);
      for (const account of byType(types.account)) {
        const props = account.inputs.properties as Record<string, unknown>;
        assert.equal(account.inputs.kind, "AIServices");
        assert.equal(props.disableLocalAuth, true);
        assert.equal(props.customSubDomainName, account.inputs.accountName);
      }
      if (stack === "prod") {
        // Two regions; the PTU deployment is protected and spills over to its Global Standard twin;
        // batch, embeddings and a model router (generic resource, newer API) sit next to it.
        assert.deepEqual(
          byType(types.account)
            .map((a) => a.inputs.location)
            .sort(),
          ["eastus2", "swedencentral"],
        );
        const named = (n: string) =>
          doc.resources.find(
            (r) =>
              (r.inputs.deploymentName ?? r.inputs.resourceName) === n && r.name.startsWith("platform-main-"),
          );
        const ptu = named("gpt-5.4-ptu");
        assert.deepEqual(ptu?.inputs.sku, { name: "GlobalProvisionedManaged", capacity: 15 });
        assert.equal((ptu?.inputs.properties as Record<string, unknown>).spilloverDeploymentName, "gpt-5.4");
        assert.equal(ptu?.options.protect, true);
        assert.equal((named("gpt-5.4-batch")?.inputs.sku as Record<string, unknown>).name, "GlobalBatch");
        const router = named("router");
        assert.equal(router?.type, "azure-native:resources:Resource");
        assert.equal(router?.inputs.apiVersion, "2025-10-01-preview");
        assert.ok(named("text-embedding-3-large"));
        await costAndCompare(doc);
      }
      if (stack !== "prod") {
        assert.ok(
          byType(types.deployment).every(
            (d) => !String((d.inputs.sku as Record<string, unknown>).name).includes("Provisioned"),
          ),
          `${stack} has no provisioned throughput`,
        );
      }
      // Every resource but the platform component hangs under a registered parent.
      const urns = new Set(doc.resources.map((r) => r.urn));
      for (const r of doc.resources) {
        if (r.type !== "foundry-platform:index:AiPlatform") {
          assert.ok(r.parent && urns.has(r.parent), `${r.urn} has no registered parent`);
        }
      }
    });
  }

  it("prints a resource tree, the violations and a summary line, and writes them as SARIF", async () => {
    const sarif = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fp-sarif-")), "plan.sarif");
    const result = await runCli(pinned(["plan", "--sarif", sarif]));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Plan of stack 'dev': \d+ resources/);
    assert.match(result.stdout, /└─ platform-main {2}\(azure-native:cognitiveservices:Account\)/);
    // dev's accounts have no private endpoint (the network component adds them): advisory only.
    assert.match(result.stdout, /^Violations \(0 mandatory, 1 advisory, 0 acknowledged\):$/m);
    assert.match(result.stdout, /advisory +high +ai-account-private-endpoint +platform-main/);
    assert.match(
      result.stdout,
      /^PASS: \d+ resources, 0 mandatory and 1 advisory violations, 0 acknowledged, 0 errors/m,
    );
    const log = JSON.parse(fs.readFileSync(sarif, "utf8")) as {
      version: string;
      runs: {
        results: {
          ruleId: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    assert.equal(log.version, "2.1.0");
    const [finding] = log.runs[0].results;
    assert.equal(finding.ruleId, "ai-account-private-endpoint");
    const where = finding.locations[0].physicalLocation;
    assert.equal(where.artifactLocation.uri, "stacks/Pulumi.dev.yaml");
    const line = fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8").split("\n")[
      where.region.startLine - 1
    ];
    assert.match(line, /- name: main/); // the config entry that declares the account
    // Resource names may say "cost" (CostControls); a cost section would start a line.
    assert.doesNotMatch(result.stdout, /^cost/im, "no cost section until prices are modelled");
  });

  it("chains deployments of one account with dependsOn, in declaration order", async () => {
    const { doc } = await sharedPlanJson(["--stack", "dev"]);
    const deployments = doc.resources.filter((r) => r.type === types.deployment);
    const [first, second] = ["gpt-5.4-mini", "text-embedding-3-small"].map((n) =>
      deployments.find((d) => d.inputs.deploymentName === n),
    );
    assert.ok(first && second);
    assert.deepEqual(
      first.options.dependsOn.filter((u) => u.includes("Deployment")),
      [],
    );
    assert.ok(second.options.dependsOn.includes(first.urn));
  });

  it("carries a violation over the gRPC path: exit 1 and the violation in --json", async () => {
    const base = fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8");
    const file = tempFile(
      "Pulumi.dev.yaml",
      base.replace("    - name: main\n", "    - name: main\n      allowLocalAuth: true\n"),
    );
    const { result, doc } = await planJson(["--config", file]);
    assert.equal(result.code, 1);
    const violation = doc.violations.find((v) => v.policy === "ai-account-disable-local-auth");
    assert.ok(violation, JSON.stringify(doc.violations));
    assert.equal(violation.enforcementLevel, "mandatory");
    assert.equal(violation.severity, "high");
    assert.match(violation.urn, /azure-native:cognitiveservices:Account::platform-main$/);
    assert.equal(doc.summary.passed, false);
  });

  it("is deterministic: two --json plans are byte-identical", async () => {
    const { result: a } = await sharedPlanJson(["--stack", "dev"]);
    const b = await runCli(pinned(["plan", "--json", "--stack", "dev"]));
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
  });

  it("plans a config with a secure: value and never prints it; a gateway left off in dev is a warning in every format", async () => {
    const ciphertext = "v1:Zm9vYmFyLXNlY3JldC1jaXBoZXJ0ZXh0:c2VjcmV0LXZhbHVl";
    const base = fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8");
    // The case: a gateway section with a team in dev, without enabled: true, deploys nothing.
    const gateway = [
      "  foundry-platform:gateway:",
      "    publisherEmail: platform-team@contoso.com",
      "    teams:",
      "      - { name: apps, tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: [gpt-5.4-mini] }",
      "",
    ].join("\n");
    const file = tempFile(
      "Pulumi.dev.yaml",
      base.replace(/foundry-platform:owner: .*/, `foundry-platform:owner:\n    secure: ${ciphertext}`) +
        gateway,
    );
    const warning =
      "gateway.enabled is not set and defaults to false in dev, so nothing of this section is deployed: publisherEmail, teams (1: apps); set gateway.enabled: true to deploy the gateway";
    let json = "";
    for (const format of [[], ["--json"], ["--markdown"]]) {
      const result = await runCli(pinned(["plan", "--config", file, ...format]));
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!result.stdout.includes(ciphertext) && !result.stderr.includes(ciphertext));
      assert.ok(!result.stdout.includes("Zm9vYmFy"));
      assert.ok(result.stdout.includes(warning), `${format.join("") || "text"} shows the warning`);
      json = format[0] === "--json" ? result.stdout : json;
      if (format.length === 0) {
        assert.match(result.stdout, /^PASS: .*, 1 config warning \(policy pack/m);
      }
    }
    const doc = JSON.parse(json) as PlanDoc;
    assert.deepEqual(
      (doc as unknown as { configWarnings: { key: string }[] }).configWarnings.map((w) => w.key),
      ["foundry-platform:gateway"],
    );
    assert.equal(doc.resources.filter((r) => r.type.startsWith("azure-native:apimanagement:")).length, 0);
    const account = doc.resources.find((r) => r.type === types.account);
    assert.ok(account);
    assert.deepEqual((account.inputs.tags as Record<string, unknown>).owner, "[secret]");
  });

  it("writes a compact markdown summary for pull requests", async () => {
    const result = await runCli(pinned(["plan", "--stack", "prod", "--markdown"]));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^### ✅ foundry-platform plan: `prod`/);
    assert.match(
      result.stdout,
      /\*\*Model lifecycle\*\* as of 2026-12-03 \(window: 90 days\): nothing retires in the window\./,
    );
    assert.match(result.stdout, /\| `azure-native:cognitiveservices:Deployment` \| \d+ \|/);
  });

  it("rejects bad input with exit 2 and no stack trace, before starting the policy pack", async () => {
    const cases: string[][] = [
      ["plan", "--stack", "nope"],
      ["plan", "--bogus"],
      ["plan", "--json", "--markdown"],
      ["plan", "--config", "/does/not/exist.yaml"],
      ["plan", "--policy-config", "/does/not/exist.json"],
      ["plan", "--as-of", "2027-02-30"],
      ["lifecycle", "--days", "soon"],
      ["frobnicate"],
    ];
    const results = await Promise.all(cases.map((c) => runCliLogged(c)));
    results.forEach((r, i) => {
      assert.equal(r.code, 2, `${cases[i].join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /error: /);
      assert.doesNotMatch(r.stderr, stackTracePattern);
      assert.equal(r.stdout, "");
      // Only the tool ran: the inputs are checked before the pack starts.
      assert.equal(r.processes.length, 1, `${cases[i].join(" ")} started ${r.processes.join("; ")}`);
      assert.match(r.processes[0], /foundry-platform\.js/);
    });
  });
});
