import { strict as assert } from "node:assert";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import { builtInRoles } from "../../components/catalog/roles";
import { loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError } from "../../stacks/config/problems";
import { platformProgram } from "../../stacks/program";
import { capture, ofType, typeToken } from "../helpers/mocks";

function configMap(environment: string, net: unknown): Record<string, string> {
  return {
    "foundry-platform:environment": environment,
    "foundry-platform:owner": "o@contoso.com",
    "foundry-platform:costCenter": "CC",
    "foundry-platform:workload": "contoso",
    "foundry-platform:location": "swedencentral",
    "foundry-platform:accounts": JSON.stringify([
      {
        name: "main",
        deployments: [{ model: "gpt-5-mini", version: "2025-08-07", type: "GlobalStandard", capacity: 10 }],
      },
    ]),
    ...(net === undefined ? {} : { "foundry-platform:network": JSON.stringify(net) }),
    "foundry-platform:access": JSON.stringify({
      automationIdentities: [{ name: "nightly", principalId: "66666666-6666-4666-8666-666666666666" }],
    }),
  };
}

function problemsOf(net: unknown): string[] {
  try {
    loadPlatformConfig(configMap("prod", net), [], undefined, new Date("2026-09-01T00:00:00Z"));
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems.map(
      (p) => `${p.key}${p.value === undefined ? "" : ` (got ${p.value})`}: ${p.message}`,
    );
  }
  return [];
}

describe("network config", () => {
  it("names the key, the value and what is allowed", () => {
    assert.deepEqual(problemsOf({ gatewaySubnetPrefix: "10.60.0.0" }), [
      'foundry-platform:network.gatewaySubnetPrefix (got "10.60.0.0"): must be an IPv4 CIDR block such as 10.60.0.0/24',
    ]);
    assert.match(
      problemsOf({ existingGatewaySubnetResourceId: "subnet-1" }).join("\n"),
      /^foundry-platform:network\.existingGatewaySubnetResourceId \(got "subnet-1"\): must be a subnet id/,
    );
    assert.match(problemsOf({ vnet: "x" }).join("\n"), /foundry-platform:network/);
  });

  it("builds the network path in prod by default and not when disabled; never in dev by default", async () => {
    const plan = async (environment: string, net: unknown) => {
      const loaded = loadPlatformConfig(
        configMap(environment, net),
        [],
        undefined,
        new Date("2026-09-01T00:00:00Z"),
      );
      return capture(() => platformProgram(loaded));
    };
    const endpoints = async (environment: string, net: unknown) =>
      ofType(await plan(environment, net), typeToken(network.PrivateEndpoint)).length;
    const prod = await plan("prod", undefined);
    assert.equal(ofType(prod, typeToken(network.PrivateEndpoint)).length, 1);
    // People go through the gateway in prod; the named automation identity keeps direct access.
    const dataPlane = ofType(prod, typeToken(authorization.RoleAssignment)).filter((r) =>
      String(r.inputs.roleDefinitionId).endsWith(builtInRoles["Cognitive Services OpenAI User"]),
    );
    assert.deepEqual(
      dataPlane.map((r) => [r.inputs.principalType, r.inputs.principalId]),
      [["ServicePrincipal", "66666666-6666-4666-8666-666666666666"]],
    );
    assert.equal(await endpoints("prod", { enabled: false }), 0);
    assert.equal(await endpoints("dev", undefined), 0);
  });
});
