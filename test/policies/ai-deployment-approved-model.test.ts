import { strict as assert } from "node:assert";
import { aiDeploymentApprovedModel as rule } from "../../policies/rules/ai/deployment-approved-model";
import { judgeResource, unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const generic = "azure-native:resources:Resource";
const approvedModels = { "gpt-4.1": ["2025-04-14"], "model-router": ["2025-11-18"] };
const prod = { approvedModels, requireExplicitVersion: true };
const deployment = (name: string, version?: string) => ({
  accountName: "aif-contoso-prod-sdc-main",
  sku: { name: "GlobalStandard", capacity: 10 },
  properties: { model: { format: "OpenAI", name, version } },
});
/** A Model Router deployment on a newer API version, through the generic resource. */
const router = (version: string) => ({
  resourceProviderNamespace: "Microsoft.CognitiveServices",
  parentResourcePath: "accounts/aif-contoso-prod-sdc-main",
  resourceType: "deployments",
  resourceName: "model-router",
  apiVersion: "2025-10-01-preview",
  sku: { name: "GlobalStandard", capacity: 10 },
  properties: { model: { format: "OpenAI", name: "model-router", version }, routing: { mode: "balanced" } },
});

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Deployment",
  config: prod,
  compliant: [
    ["approved model and version", deployment("gpt-4.1", "2025-04-14")],
    ["model name in another case", deployment("GPT-4.1", "2025-04-14")],
    [
      "approved model without a version where versions need not be explicit",
      deployment("gpt-4.1"),
      { config: { approvedModels, requireExplicitVersion: false } },
    ],
    [
      "approved Model Router deployment declared as a generic resource",
      router("2025-11-18"),
      { type: generic },
    ],
    [
      "a catalog model version when the environment lists no models",
      deployment("gpt-4.1", "2025-04-14"),
      { config: {} },
    ],
  ],
  broken: [
    [
      "model not approved",
      deployment("gpt-4o", "2024-11-20"),
      /model 'gpt-4o' is not approved in this environment; approved models: gpt-4.1, model-router/,
    ],
    [
      "version not approved",
      deployment("gpt-4.1", "2024-01-01"),
      /version '2024-01-01' of model 'gpt-4.1' is not approved in this environment; approved versions: 2025-04-14/,
    ],
    [
      "no version where it must be explicit (prod)",
      deployment("gpt-4.1"),
      /model 'gpt-4.1' has no version: .* Pin one of: 2025-04-14/,
    ],
    ["no model name", { properties: { model: { format: "OpenAI" } } }, /properties.model.name is not set/],
    [
      "Model Router version not approved (generic resource)",
      router("2025-05-19"),
      /version '2025-05-19' of model 'model-router'/,
      { type: generic },
    ],
    [
      "a model outside the catalog when the environment lists no models",
      deployment("contoso-llm", "2026-01-01"),
      /model 'contoso-llm' is not approved/,
      { config: {} },
    ],
  ],
  unknown: { properties: { model: { name: unknown.string } } },
  ignored: { type: "azure-native:cognitiveservices:Account", props: deployment("gpt-4o", "x") },
});

describe(`policy ${rule.name} on generic resources`, () => {
  it("ignores generic resources that are not Cognitive Services deployments", async () => {
    for (const props of [
      { ...router("x"), resourceProviderNamespace: "Microsoft.Storage" },
      { ...router("x"), resourceType: "raiPolicies" },
      { resourceProviderNamespace: "Microsoft.Web", resourceType: "sites", parentResourcePath: "" },
    ]) {
      assert.deepEqual(await judgeResource(rule, { type: generic, props, config: prod }), []);
    }
  });

  it("judges a deployed generic resource by its ARM type output", async () => {
    const findings = await judgeResource(rule, {
      type: generic,
      props: { type: "Microsoft.CognitiveServices/accounts/deployments", properties: router("x").properties },
      config: prod,
    });
    assert.ok(findings !== "unknown" && findings.length === 1);
    assert.match(findings[0].message, /version 'x' of model 'model-router'/);
  });
});
