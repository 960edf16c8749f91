/**
 * The component package's schema, as `pulumi package add` gets it: inferred by the SDK's component
 * host (`ComponentProvider` and its `Analyzer`) from the published components' TypeScript types,
 * committed as provider/schema.json. The inference takes about 15 s, so it runs only when the inputs
 * changed since the schema was written, and once per change (cached by input hash).
 */
import { strict as assert } from "node:assert";
import type { PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import * as library from "../../components/index";
import { committedSchemaIfCurrent } from "../../provider/package-schema";
import { packageName, publishedComponents } from "../../provider/components";
import {
  AzureRegion,
  DeploymentType,
  Environment,
  GatewaySku,
  HumanDataAccess,
  LockKind,
  PrincipalType,
  RoutingMode,
  VersionUpgradeOption,
} from "../../components/index";

const token = (name: string) => `${packageName}:index:${name}`;

/** Every `$ref` in a schema fragment. */
function refsOf(node: unknown): string[] {
  if (Array.isArray(node)) {
    return node.flatMap(refsOf);
  }
  if (node && typeof node === "object") {
    return Object.entries(node).flatMap(([k, v]) =>
      k === "$ref" && typeof v === "string" ? [v] : refsOf(v),
    );
  }
  return [];
}

describe("component package schema (provider/schema.json)", function () {
  let schema: PackageSpec;

  before(async function () {
    this.timeout(180_000);
    const text = await committedSchemaIfCurrent();
    assert.ok(text, "provider/schema.json is stale: run `npm run schema:package` and commit it");
    schema = JSON.parse(text) as PackageSpec;
  });

  it("publishes every component the package entry serves, under foundry-platform:index:<Name>", () => {
    assert.equal(schema.name, "foundry-platform");
    assert.deepEqual(
      Object.keys(schema.resources).sort(),
      publishedComponents.map((c) => token(c.name)).sort(),
    );
    for (const component of publishedComponents) {
      // The host constructs `<package>:index:<class name>`; the class registers itself under that token.
      assert.equal(component.typeToken, token(component.name));
      assert.equal(schema.resources[token(component.name)].isComponent, true);
    }
  });

  it("requires exactly the arguments without a default", () => {
    const required = (name: string) => schema.resources[token(name)].requiredInputs;
    assert.deepEqual(required("AiPlatform"), [
      "accounts",
      "costCenter",
      "environment",
      "location",
      "owner",
      "workload",
    ]);
    assert.deepEqual(required("FoundryAccount"), [
      "accountName",
      "diagnosticSettings",
      "location",
      "resourceGroupName",
      "tags",
    ]);
    assert.deepEqual(required("AiGateway"), [
      "diagnosticSettings",
      "location",
      "resourceGroupName",
      "tags",
      "targets",
      "teams",
    ]);
    assert.deepEqual(required("AiNetwork"), ["location", "resourceGroupName"]);
    assert.deepEqual(required("Observability"), [
      "monitoredResources",
      "naming",
      "resourceGroupName",
      "tags",
    ]);
    assert.deepEqual(required("CostControls"), ["actionGroupResourceId", "monthlyAmount", "naming", "scope"]);
    assert.deepEqual(required("AccessControl"), [
      "aiAccounts",
      "naming",
      "resourceGroupId",
      "workspaceResourceId",
    ]);
  });

  it("passes every account and gateway option through AiPlatform (one definition of each)", () => {
    const platformAccount = schema.types[token("PlatformAccountSpec")].properties ?? {};
    const account = schema.resources[token("FoundryAccount")].inputProperties ?? {};
    // What the platform derives itself: names, placement, logs, the catalog day and custom models, tags.
    const derived = [
      "resourceGroupName",
      "location",
      "accountName",
      "diagnosticSettings",
      "catalogDate",
      "customModels",
      "tags",
    ];
    for (const option of Object.keys(account).filter((k) => !derived.includes(k))) {
      assert.ok(option in platformAccount, `PlatformAccountSpec lacks FoundryAccount's '${option}'`);
    }
    assert.ok("sku" in platformAccount && "defaultRaiPolicyName" in platformAccount);
    const platformGateway = schema.types[token("PlatformGatewaySpec")].properties ?? {};
    const gateway = schema.resources[token("AiGateway")].inputProperties ?? {};
    const gatewayDerived = [
      "resourceGroupName",
      "location",
      "serviceName",
      "virtualNetwork",
      "targets",
      "primaryRegion",
      "semanticCache",
      "diagnosticSettings",
      "tags",
    ];
    for (const option of Object.keys(gateway).filter((k) => !gatewayDerived.includes(k))) {
      assert.ok(option in platformGateway, `PlatformGatewaySpec lacks AiGateway's '${option}'`);
    }
  });

  it("publishes plain outputs only: ids, names, URLs and data, no child resource and no SDK dependency", () => {
    const outputs = (name: string) => Object.keys(schema.resources[token(name)].properties ?? {}).sort();
    assert.deepEqual(outputs("AiPlatform"), [
      "accountEndpoints",
      "accountResourceIds",
      "inferenceUrl",
      "resourceGroupName",
      "teamProductIds",
      "workspaceResourceId",
    ]);
    assert.deepEqual(outputs("FoundryAccount"), [
      "deploymentSpecs",
      "endpoint",
      "name",
      "principalId",
      "projectResourceIds",
      "resourceId",
    ]);
    assert.deepEqual(outputs("AiGateway"), [
      "gatewayUrl",
      "inferenceUrl",
      "name",
      "principalId",
      "resourceId",
      "teamProductIds",
    ]);
    assert.deepEqual(schema.resources[token("AiPlatform")].required, [
      "accountEndpoints",
      "accountResourceIds",
      "resourceGroupName",
      "workspaceResourceId",
    ]);
    assert.deepEqual(schema.dependencies, []);
    const dangling = refsOf(schema).filter((ref) => !(ref.replace("#/types/", "") in schema.types));
    assert.deepEqual(dangling, []);
  });

  it("turns the string-literal types into enums with the same values as the code", () => {
    const values = (name: string) => (schema.types[token(name)].enum ?? []).map((e) => e.value);
    const cases: [string, object][] = [
      ["Environment", Environment],
      ["AzureRegion", AzureRegion],
      ["DeploymentType", DeploymentType],
      ["VersionUpgradeOption", VersionUpgradeOption],
      ["RoutingMode", RoutingMode],
      ["GatewaySku", GatewaySku],
      ["HumanDataAccess", HumanDataAccess],
      ["LockKind", LockKind],
      ["PrincipalType", PrincipalType],
    ];
    for (const [name, values_] of cases) {
      assert.deepEqual(values(name).sort(), Object.values(values_).sort(), name);
      assert.equal(schema.types[token(name)].type, "string");
    }
    assert.equal(schema.types[token("AlertWindowMinutes")].type, "number");
    assert.deepEqual(values("AlertWindowMinutes"), [5, 15, 30, 60]);
    const deployment = schema.types[token("ModelDeploymentSpec")].properties ?? {};
    assert.deepEqual(refsOf(deployment.type), [`#/types/${token("DeploymentType")}`]);
  });

  // The SDK's schema keeps the descriptions of components and properties (not of types).
  it("describes every component and every property from the doc comments", () => {
    const undescribed: string[] = [];
    for (const [name, r] of Object.entries(schema.resources)) {
      if (!r.description) undescribed.push(name);
      for (const [k, p] of Object.entries({ ...r.inputProperties, ...r.properties })) {
        if (!p.description) undescribed.push(`${name}.${k}`);
      }
    }
    for (const [name, t] of Object.entries(schema.types)) {
      for (const [k, p] of Object.entries(t.properties ?? {})) {
        if (!p.description) undescribed.push(`${name}.${k}`);
      }
    }
    assert.deepEqual(undescribed, []);
    assert.match(
      schema.resources[token("FoundryAccount")].inputProperties?.allowLocalAuth.description ?? "",
      /API-key authentication/,
    );
  });
});

describe("component package entry", () => {
  it("serves what the SDK's discovery finds in the library's exports, so the packed library serves the same", () => {
    // A packed library's `main` is the compiled components/index; the Node.js plugin host serves
    // every component class its exports hold when the entry is that module instead of index.ts.
    const discovered = getPulumiComponents(library).map((c) => c.name);
    assert.deepEqual(discovered.sort(), publishedComponents.map((c) => c.name).sort());
  });
});
