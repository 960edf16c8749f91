import { strict as assert } from "node:assert";
import { PlannedResource } from "../../cli/model";
import { engineChecks } from "../../cli/plan/engine-checks";

function resource(
  urn: string,
  type: string,
  inputs: Record<string, unknown> = {},
  dependsOn: string[] = [],
): PlannedResource {
  return {
    urn,
    type,
    name: urn.split("::").pop() ?? "",
    custom: true,
    inputs: inputs as PlannedResource["inputs"],
    outputs: {},
    options: { protect: false, retainOnDelete: false, dependsOn },
    propertyDependencies: {},
  };
}

const rg = resource(
  "urn:pulumi:s::p::azure-native:resources:ResourceGroup::rg",
  "azure-native:resources:ResourceGroup",
  {
    resourceGroupName: "rg-ok",
  },
);

describe("engine checks", () => {
  it("accepts a consistent set of resources", () => {
    assert.deepEqual(engineChecks([rg]), []);
  });

  it("reports two resources with one URN", () => {
    const errors = engineChecks([rg, rg]);
    assert.deepEqual(
      errors.map((e) => e.kind),
      ["duplicate-urn"],
    );
  });

  it("reports a dependency on a resource that is not registered", () => {
    const ghost = "urn:pulumi:s::p::azure-native:resources:ResourceGroup::ghost";
    const errors = engineChecks([rg, resource("urn:pulumi:s::p::x:y:Z::a", "x:y:Z", {}, [ghost])]);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].kind, "missing-dependency");
    assert.match(errors[0].message, /ghost, which is not registered/);
  });

  const badNames: [string, string, Record<string, unknown>, RegExp][] = [
    [
      "azure-native:cognitiveservices:Account",
      "account",
      { accountName: "a" },
      /accountName: 'a' is 1 character long; AI Services account names take 2 to 64/,
    ],
    [
      "azure-native:cognitiveservices:Account",
      "subdomain",
      { accountName: "ok-name", properties: { customSubDomainName: "Not_Lower" } },
      /properties\.customSubDomainName: 'Not_Lower' is not a valid AI Services custom subdomain name/,
    ],
    [
      "azure-native:apimanagement:ApiManagementService",
      "apim",
      { serviceName: "1-starts-with-digit" },
      /serviceName: '1-starts-with-digit' is not a valid API Management service name/,
    ],
    [
      "azure-native:apimanagement:ApiManagementService",
      "apim-long",
      { serviceName: `a${"b".repeat(50)}` },
      /is 51 characters long; API Management service names take 1 to 50/,
    ],
    [
      "azure-native:operationalinsights:Workspace",
      "workspace",
      { workspaceName: "abc" },
      /workspaceName: 'abc' is 3 characters long; Log Analytics workspace names take 4 to 63/,
    ],
    [
      "azure-native:resources:ResourceGroup",
      "rg-dot",
      { resourceGroupName: "rg." },
      /must not end with '\.'/,
    ],
  ];
  for (const [type, name, inputs, message] of badNames) {
    it(`reports a name Azure would refuse: ${type} ${name}`, () => {
      const errors = engineChecks([resource(`urn:pulumi:s::p::${type}::${name}`, type, inputs)]);
      assert.equal(errors[0]?.kind, "invalid-name");
      assert.match(errors.map((e) => e.message).join("\n"), message);
    });
  }
});
