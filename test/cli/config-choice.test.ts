import { strict as assert } from "node:assert";
import { choosePolicyConfig, environmentTags } from "../../cli/analyzer/config-choice";
import { PlannedResource, WireProperties } from "../../cli/model";
import { secretOf } from "../../cli/wire";

const configs = new Set(["/pack/config/dev.json", "/pack/config/staging.json", "/pack/config/prod.json"]);
const base = {
  configPath: (name: string) => `/pack/config/${name}.json`,
  exists: (file: string) => configs.has(file),
};

function tagged(
  tags: WireProperties[string] | undefined,
  where: "inputs" | "outputs" = "inputs",
): PlannedResource {
  const props: WireProperties = tags === undefined ? {} : { tags };
  return {
    urn: "urn:pulumi:s::p::azure-native:resources:ResourceGroup::rg",
    type: "azure-native:resources:ResourceGroup",
    name: "rg",
    custom: true,
    inputs: where === "inputs" ? props : {},
    outputs: where === "outputs" ? props : {},
    options: { protect: false, retainOnDelete: false, dependsOn: [] },
    propertyDependencies: {},
  };
}

describe("policy config choice (fail closed)", () => {
  it("takes --policy-config over everything else", () => {
    const c = choosePolicyConfig({ ...base, explicit: "mine.json", stack: "prod", environments: ["prod"] });
    assert.deepEqual(c, { file: "mine.json", reason: "--policy-config" });
  });

  it("picks the config named like the stack", () => {
    const c = choosePolicyConfig({ ...base, stack: "prod", environments: ["dev"] });
    assert.deepEqual(c, { file: "/pack/config/prod.json", reason: "the stack name 'prod'" });
  });

  it("else the config of the one environment tag the resources carry", () => {
    const c = choosePolicyConfig({ ...base, stack: "prod-westeurope", environments: ["staging"] });
    assert.deepEqual(c, {
      file: "/pack/config/staging.json",
      reason: "the environment tag 'staging' of the resources",
    });
  });

  it("chooses nothing (the pack's mandatory defaults) and says why when the evidence is missing or split", () => {
    const none = choosePolicyConfig({ ...base, stack: "team-x", environments: [] });
    assert.deepEqual(none, { reason: "no config for stack 'team-x' and no environment tag" });
    const split = choosePolicyConfig({ ...base, stack: "team-x", environments: ["dev", "prod"] });
    assert.equal(split.file, undefined);
    assert.match(split.reason, /environment tags 'dev', 'prod' disagree/);
    const unknown = choosePolicyConfig({ ...base, stack: "team-x", environments: ["qa"] });
    assert.equal(unknown.file, undefined);
    assert.match(unknown.reason, /nor for its environment tag 'qa'/);
  });

  it("never reads a path out of a stack name or a tag", () => {
    const seen: string[] = [];
    const c = choosePolicyConfig({
      ...base,
      exists: (f) => (seen.push(f), true),
      stack: "../../etc/prod",
      environments: ["../prod"],
    });
    assert.equal(c.file, undefined);
    assert.deepEqual(seen, []);
  });

  it("reads plain environment tags from inputs or outputs, never a secret one", () => {
    const envs = environmentTags([
      tagged({ environment: "prod", owner: "x" }),
      tagged({ environment: "prod" }, "outputs"),
      tagged({ environment: "dev" }),
      tagged(secretOf("[secret]")),
      tagged({ environment: secretOf("[secret]") }),
      tagged({ environment: "" }),
      tagged(undefined),
    ]);
    assert.deepEqual(envs, ["dev", "prod"]);
  });
});
