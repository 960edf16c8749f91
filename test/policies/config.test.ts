import { strict as assert } from "node:assert";
import * as path from "node:path";
import { AnalyzerInfo } from "../../cli/analyzer/client";
import { readPolicyConfigFile, resolvePolicyConfig } from "../../cli/analyzer/policy-config";
import { policies } from "../../policies/policies";
import { root } from "../helpers/cli";

const environments = ["dev", "staging", "prod"] as const;
const file = (env: string) => path.join(root, "policies", "config", `${env}.json`);

/** What the pack says about itself over GetAnalyzerInfo, built from the same rule list. */
const info: AnalyzerInfo = {
  name: "foundry-platform",
  version: "0.1.0",
  policies: policies.map((p) => ({
    name: p.name,
    description: p.description,
    enforcementLevel: p.enforcementLevel ?? "advisory",
    severity: p.severity,
    remediationSteps: p.remediationSteps,
    configSchema: p.configSchema
      ? {
          properties: p.configSchema.properties as Record<string, unknown>,
          required: p.configSchema.required,
        }
      : undefined,
  })),
};

describe("policy config per environment", () => {
  for (const env of environments) {
    it(`${env}.json sets a level for every rule and validates against the rules' config schemas`, () => {
      const doc = readPolicyConfigFile(file(env));
      for (const p of policies) {
        assert.ok(p.name in doc, `${env}.json has no entry for ${p.name}`);
      }
      assert.doesNotThrow(() => resolvePolicyConfig(doc, info, file(env)));
    });
  }

  it("sets the levels and parameters the issue asks for", () => {
    const resolved = Object.fromEntries(
      environments.map((env) => [env, resolvePolicyConfig(readPolicyConfigFile(file(env)), info, file(env))]),
    );
    const level = (env: string, rule: string) => resolved[env][rule].enforcementLevel;
    assert.equal(level("prod", "ai-account-restrict-network-access"), "mandatory");
    assert.equal(level("dev", "ai-account-restrict-network-access"), "advisory");
    assert.equal(level("prod", "ai-deployment-controlled-version-upgrade"), "mandatory");
    assert.equal(resolved.prod["ai-deployment-approved-model"].properties.requireExplicitVersion, true);
  });

  it("fills in schema defaults where a file leaves a parameter out", () => {
    const resolved = resolvePolicyConfig({ "ai-deployment-data-residency": "mandatory" }, info, "inline");
    assert.equal(resolved["ai-deployment-data-residency"].properties.dataResidency, "dataZone");
    assert.deepEqual(resolved["ai-deployment-controlled-version-upgrade"].properties.disallowedOptions, [
      "OnceNewDefaultVersionAvailable",
    ]);
    assert.equal(resolved["ai-deployment-content-filter"].properties.maxSeverityThreshold, "Medium");
  });
});
