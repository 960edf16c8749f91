/**
 * The stack rules join resources through what the offline plan captures from the program: a
 * program registers accounts, RAI policies, deployments, an APIM service, a workspace and diagnostic
 * settings under the plan's mocks, and the captured resources (outputs, parents, property
 * dependencies — what AnalyzeStack receives) are judged.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { PlannedResource } from "../../cli/model";
import { aiDeploymentContentFilter } from "../../policies/rules/ai/deployment-content-filter";
import { governanceResourceDiagnosticLogs } from "../../policies/rules/governance/resource-diagnostic-logs";
import { capture, ofType, typeToken } from "../helpers/mocks";
import { judgeStack, StackResourceCase } from "../helpers/policy";

const categories = ["Hate", "Sexual", "Selfharm", "Violence"];
const strictFilters = [
  ...categories.flatMap((name) =>
    ["Prompt", "Completion"].map((source) => ({
      name,
      source,
      enabled: true,
      blocking: true,
      severityThreshold: "Medium",
    })),
  ),
  { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
];

interface Options {
  /** Give the APIM service a diagnostic setting. */
  readonly apimDiagnostics: boolean;
  /** How the deployment names its policy: the policy's `name` output, or a plain string. */
  readonly policyReference: "output" | "string";
}

/** A small platform as components declare it, registered under the plan's mocks. */
function program(opts: Options): void {
  const rg = "rg-ai";
  const workspace = new operationalinsights.Workspace("logs", {
    resourceGroupName: rg,
    workspaceName: "log-main",
  });
  const diag = (name: string, resourceUri: pulumi.Input<string>) =>
    new monitor.DiagnosticSetting(`${name}-diag-0`, {
      resourceUri,
      workspaceId: workspace.id,
      logs: [{ categoryGroup: "allLogs", enabled: true }],
      metrics: [{ category: "AllMetrics", enabled: true }],
    });
  for (const name of ["main", "second"]) {
    const account = new cognitiveservices.Account(name, {
      resourceGroupName: rg,
      accountName: `aif-${name}`,
      kind: "AIServices",
      identity: { type: "SystemAssigned" },
      properties: { customSubDomainName: `aif-${name}`, disableLocalAuth: true },
    });
    const policy = new cognitiveservices.RaiPolicy(
      `${name}-strict`,
      {
        resourceGroupName: rg,
        accountName: account.name,
        raiPolicyName: "strict",
        properties: {
          basePolicyName: "Microsoft.DefaultV2",
          mode: "Blocking",
          contentFilters: strictFilters,
        },
      },
      { parent: account },
    );
    new cognitiveservices.Deployment(
      `${name}-gpt-4.1`,
      {
        resourceGroupName: rg,
        accountName: account.name,
        deploymentName: "gpt-4.1",
        sku: { name: "GlobalStandard", capacity: 10 },
        properties: {
          model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" },
          raiPolicyName: opts.policyReference === "output" ? policy.name : "strict",
        },
      },
      { parent: account, dependsOn: [policy] },
    );
    diag(name, account.id);
  }
  const apim = new apimanagement.ApiManagementService("gw", {
    resourceGroupName: rg,
    serviceName: "apim-main",
    publisherEmail: "platform@contoso.com",
    publisherName: "Contoso",
    sku: { name: "StandardV2", capacity: 1 },
    identity: { type: "SystemAssigned" },
  });
  if (opts.apimDiagnostics) {
    diag("gw", apim.id);
  }
}

/** A captured resource as AnalyzeStack receives it: outputs, parent and property dependencies. */
function asStackCase(r: PlannedResource): StackResourceCase {
  return {
    type: r.type,
    urn: r.urn,
    name: r.name,
    props: r.outputs as Record<string, unknown>,
    parent: r.parent,
    dependencies: r.options.dependsOn,
    propertyDependencies: r.propertyDependencies,
  };
}

describe("stack rules on the resources the offline plan captures", () => {
  it("the plan records the property dependencies the joins use", async () => {
    const resources = await capture(() => program({ apimDiagnostics: true, policyReference: "output" }));
    const settings = ofType(resources, typeToken(monitor.DiagnosticSetting));
    assert.equal(settings.length, 3);
    for (const s of settings) {
      assert.equal(s.propertyDependencies.resourceUri.length, 1);
      assert.match(s.propertyDependencies.workspaceId[0], /operationalinsights:Workspace::logs$/);
    }
    const deployment = ofType(resources, typeToken(cognitiveservices.Deployment))[0];
    assert.ok(deployment.propertyDependencies.properties.some((u) => u.includes("RaiPolicy")));
  });

  for (const policyReference of ["output", "string"] as const) {
    it(`a compliant platform passes both stack rules (raiPolicyName as ${policyReference})`, async () => {
      const resources = (await capture(() => program({ apimDiagnostics: true, policyReference }))).map(
        asStackCase,
      );
      assert.deepEqual(await judgeStack(governanceResourceDiagnosticLogs, resources), []);
      assert.deepEqual(await judgeStack(aiDeploymentContentFilter, resources), []);
    });
  }

  it("finds the APIM service without a diagnostic setting", async () => {
    const resources = (
      await capture(() => program({ apimDiagnostics: false, policyReference: "output" }))
    ).map(asStackCase);
    const findings = await judgeStack(governanceResourceDiagnosticLogs, resources);
    assert.ok(findings !== "unknown");
    assert.deepEqual(
      findings.map((f) => f.urn),
      [resources.find((r) => r.type === typeToken(apimanagement.ApiManagementService))?.urn],
    );
  });
});
