import { strict as assert } from "node:assert";
import * as path from "node:path";
import { CliResult, PlanDoc, e2eTimeoutMs, planJson } from "../helpers/cli";

/** A consumer's own project: TypeScript program in infra/, stack files in config/, namespace contoso-chat. */
const consumer = path.join("test", "fixtures", "programs", "consumer");

describe("plan --program DIR (a consumer's own program, end to end)", function () {
  this.timeout(e2eTimeoutMs);
  let result: CliResult;
  let doc: PlanDoc;

  before(async () => {
    ({ result, doc } = await planJson(["--program", consumer]));
  });

  it("runs the consumer's TypeScript program under the project's name and the stack's name", () => {
    assert.equal(doc.stack, "dev");
    assert.ok(doc.resources.length > 0);
    const foreign = doc.resources.filter((r) => !r.urn.startsWith("urn:pulumi:dev::contoso-chat::"));
    assert.deepEqual(
      foreign.map((r) => r.urn),
      [],
    );
    const platform = doc.resources.filter((r) => r.type === "foundry-platform:index:AiPlatform");
    assert.deepEqual(
      platform.map((r) => r.name),
      ["chat"],
    );
  });

  it("reads config under the consumer's namespace, with the Pulumi.yaml defaults under the stack's values", () => {
    const deployments = doc.resources.filter((r) => r.type === "azure-native:cognitiveservices:Deployment");
    assert.deepEqual(
      deployments.map((d) => [d.inputs.deploymentName, d.inputs.sku]),
      [["gpt-5.4-mini", { name: "GlobalStandard", capacity: 5 }]],
    );
    const account = doc.resources.find((r) => r.type === "azure-native:cognitiveservices:Account");
    assert.deepEqual(account?.inputs.tags, {
      environment: "dev",
      owner: "chat-team@contoso.com",
      costCenter: "CC-2002",
    });
    // workload comes from Pulumi.yaml's project config default ("chat").
    const group = doc.resources.find((r) => r.type === "azure-native:resources:ResourceGroup");
    assert.match(String(group?.inputs.resourceGroupName), /-chat-dev-/);
  });

  it("judges it with the pack, choosing policies/config/dev.json by the stack name", () => {
    assert.equal(doc.policyConfig.file, path.join("policies", "config", "dev.json"));
    assert.equal(doc.policyConfig.reason, "the stack name 'dev'");
    // planJson pins the day (--as-of), so the lifecycle rules judge on a fixed date too. Dev keeps
    // public access (no private endpoint), and this minimal program declares no expected traffic,
    // so its cost cannot be shown to fit the budget: two advisory findings, nothing mandatory.
    assert.deepEqual(
      doc.violations.map((v) => `${v.enforcementLevel} ${v.policy}`),
      ["advisory ai-account-private-endpoint", "advisory cost-stack-budget"],
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(doc.errors, []);
  });
});
