import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { resolvePolicyConfig } from "../../cli/analyzer/policy-config";
import { EnforcementLevel, PlannedResource } from "../../cli/model";
import { AiPlatform } from "../../components/platform";
import { Rule } from "../../policies/lib/rule";
import { policies } from "../../policies/policies";
import { capture } from "../helpers/mocks";
import { packInfo } from "../helpers/pack-info";
import { Finding, judgeResource, judgeStack } from "../helpers/policy";

const root = path.resolve(__dirname, "..", "..");
const environments = ["dev", "staging", "prod"] as const;
const strictness: Record<EnforcementLevel, number> = { disabled: 0, advisory: 1, remediate: 2, mandatory: 2 };

function envConfig(env: string) {
  const file = path.join(root, "policies", "config", `${env}.json`);
  return resolvePolicyConfig(
    JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>,
    packInfo,
    file,
  );
}

function ruleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? ruleFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Mandatory findings of every rule of the pack on captured resources, with an environment's config. */
async function mandatoryFindings(resources: readonly PlannedResource[], env: string): Promise<string[]> {
  const config = envConfig(env);
  const found: string[] = [];
  const note = (rule: Rule, findings: Finding[] | "unknown", urn?: string) => {
    assert.notEqual(findings, "unknown", `${rule.name} could not judge`);
    for (const f of findings === "unknown" ? [] : findings) {
      found.push(`${rule.name} ${f.urn ?? urn ?? "(stack)"}: ${f.message}`);
    }
  };
  for (const rule of policies.filter((p) => config[p.name].enforcementLevel === "mandatory")) {
    const props = config[rule.name].properties;
    if ("validateResource" in rule) {
      for (const r of resources.filter((x) => x.custom)) {
        note(
          rule,
          await judgeResource(rule, {
            type: r.type,
            name: r.name,
            props: r.inputs,
            protect: r.options.protect,
            config: props,
          }),
          r.urn,
        );
      }
    }
    if ("validateStack" in rule) {
      const stack = resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        parent: r.parent,
        props: r.outputs,
        protect: r.options.protect,
        dependencies: r.options.dependsOn,
        propertyDependencies: r.propertyDependencies,
      }));
      note(rule, await judgeStack(rule, stack, props));
    }
  }
  return found;
}

describe("policy pack", () => {
  it("names every rule <area>-<resource>-<check> in kebab case, once", () => {
    const names = policies.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of names) {
      assert.match(name, /^[a-z]+(-[a-z0-9]+){2,}$/, name);
    }
  });

  it("describes every rule in full sentences with a severity and remediation steps", () => {
    for (const p of policies) {
      assert.match(p.description, /^[A-Z`].*\.$/s, `${p.name}: description`);
      assert.ok(p.description.split(". ").length >= 2, `${p.name}: description says what and why`);
      assert.ok(["low", "medium", "high", "critical"].includes(p.severity), `${p.name}: severity`);
      assert.match(p.remediationSteps, /^[A-Z`].*\.$/s, `${p.name}: remediation`);
    }
  });

  it("keeps one rule per file under policies/rules/<area>/", () => {
    const files = ruleFiles(path.join(root, "policies", "rules"));
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exported = Object.values(require(file) as Record<string, unknown>).filter(
        (v): v is Rule =>
          typeof v === "object" && v !== null && ("validateResource" in v || "validateStack" in v),
      );
      assert.equal(exported.length, 1, `${path.relative(root, file)} exports ${exported.length} rules`);
      const area = path.basename(path.dirname(file));
      assert.ok(exported[0].name.startsWith(`${area}-`), `${exported[0].name} lives under rules/${area}/`);
      assert.ok(policies.includes(exported[0]), `${exported[0].name} is registered in policies.ts`);
    }
    assert.equal(files.length, policies.length);
  });

  it("sets a level for every rule in every environment, valid against the rules' config schemas", () => {
    for (const env of environments) {
      const raw = JSON.parse(
        fs.readFileSync(path.join(root, "policies", "config", `${env}.json`), "utf8"),
      ) as Record<string, unknown>;
      for (const p of policies) {
        assert.ok(p.name in raw, `${env}.json has no entry for ${p.name}`);
      }
      envConfig(env); // throws on a level or property the schemas refuse
    }
  });

  it("is never looser in staging than in dev, nor in prod than in staging", () => {
    const [dev, staging, prod] = environments.map(envConfig);
    for (const p of policies) {
      const [d, s, pr] = [dev, staging, prod].map((c) => strictness[c[p.name].enforcementLevel]);
      assert.ok(d <= s && s <= pr, `${p.name}: dev ${d}, staging ${s}, prod ${pr}`);
    }
  });

  it("tightens cost parameters from dev to prod: no PTUs in dev, caps growing", () => {
    const [dev, staging, prod] = environments.map(envConfig);
    assert.equal(dev["cost-stack-ptu-total"].properties.maxPtu, 0);
    const cap = (c: typeof dev) => c["cost-deployment-standard-capacity"].properties.maxCapacity as number;
    assert.ok(cap(dev) < cap(staging) && cap(staging) < cap(prod));
  });

  for (const env of environments) {
    it(`passes every mandatory rule on an AiPlatform with only the required options (${env})`, async () => {
      const resources = await capture(
        () =>
          new AiPlatform("platform", {
            environment: env,
            owner: "team@contoso.com",
            costCenter: "CC-1",
            workload: "demo",
            location: "swedencentral",
            accounts: [{ name: "main" }],
          }),
        env,
      );
      const found = await mandatoryFindings(resources, env);
      // The budget is the operations components' job (CostControls); no other mandatory finding.
      assert.deepEqual(
        found.filter((f) => !f.startsWith("cost-stack-budget ")),
        [],
      );
    });
  }
});
