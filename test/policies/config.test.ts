import { strict as assert } from "node:assert";
import * as path from "node:path";
import { readPolicyConfigFile, resolvePolicyConfig } from "../../cli/analyzer/policy-config";
import { policies } from "../../policies/policies";
import { root } from "../helpers/cli";
import { packInfo as info } from "../helpers/pack-info";

const environments = ["dev", "staging", "prod"] as const;
const file = (env: string) => path.join(root, "policies", "config", `${env}.json`);

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

describe("policy config when none applies (fail closed)", () => {
  it("runs every rule at mandatory, and a rule a file leaves out at mandatory too", () => {
    const none = resolvePolicyConfig({}, info, "(pack defaults)");
    assert.deepEqual(
      policies.filter((p) => none[p.name].enforcementLevel !== "mandatory").map((p) => p.name),
      [],
    );
    const partial = resolvePolicyConfig({ "ai-account-disable-local-auth": "advisory" }, info, "inline");
    assert.equal(partial["ai-account-disable-local-auth"].enforcementLevel, "advisory");
    assert.equal(partial["ai-account-managed-identity"].enforcementLevel, "mandatory");
  });

  it("no rule declares a level of its own below the pack's mandatory", () => {
    const relaxed = policies.filter(
      (p) => p.enforcementLevel !== undefined && p.enforcementLevel !== "mandatory",
    );
    assert.deepEqual(
      relaxed.map((p) => `${p.name}: ${p.enforcementLevel}`),
      [],
      "set a relaxed level in policies/config/<env>.json instead",
    );
  });
});
