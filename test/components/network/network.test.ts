import { strict as assert } from "node:assert";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { AiNetwork, AiNetworkArgs, networkProblems } from "../../../components/network/network";
import {
  cidrContains,
  cidrOverlaps,
  gatewayNetworkMode,
  injectionSecurityRules,
  virtualNetworkIdOf,
} from "../../../components/network/facts";
import { capture, captureErrors, hasAncestor, ofType, prop, typeToken } from "../../helpers/mocks";

const sub =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network";
const base: AiNetworkArgs = {
  resourceGroupName: "rg-ai",
  location: "swedencentral",
  virtualNetworkName: "vnet-ai",
};

describe("network facts (pure)", () => {
  it("joins a virtual network the way each tier can", () => {
    assert.equal(gatewayNetworkMode("StandardV2"), "Integration");
    assert.equal(gatewayNetworkMode("PremiumV2"), "Integration");
    assert.equal(gatewayNetworkMode("Premium"), "Injection");
    assert.equal(gatewayNetworkMode("BasicV2"), undefined);
  });

  it("admits internet clients to an injected gateway only in External mode", () => {
    const inbound = (mode: "External" | "Internal") =>
      injectionSecurityRules(mode)
        .filter((r) => r.direction === "Inbound")
        .map((r) => `${r.sourceAddressPrefix}:${r.destinationPortRanges.join(",")}`);
    assert.deepEqual(inbound("External"), ["Internet:443", "ApiManagement:3443", "AzureLoadBalancer:6390"]);
    assert.deepEqual(inbound("Internal"), ["ApiManagement:3443", "AzureLoadBalancer:6390"]);
    const priorities = injectionSecurityRules("External").map((r) => `${r.direction}${r.priority}`);
    assert.equal(new Set(priorities).size, priorities.length, "priorities are unique per direction");
  });

  it("reads the network of a subnet id and compares CIDR blocks", () => {
    assert.equal(virtualNetworkIdOf(`${sub}/virtualNetworks/v1/subnets/s1`), `${sub}/virtualNetworks/v1`);
    assert.equal(virtualNetworkIdOf(`${sub}/virtualNetworks/v1`), undefined);
    assert.ok(cidrContains("10.60.0.0/24", "10.60.0.64/26"));
    assert.ok(!cidrContains("10.60.0.0/24", "10.60.1.0/26"));
    assert.ok(cidrOverlaps("10.60.0.0/25", "10.60.0.64/26"));
    assert.ok(!cidrOverlaps("10.60.0.0/26", "10.60.0.64/26"));
  });

  it("names every problem with the arguments, with the key and how to fix it", () => {
    assert.deepEqual(networkProblems(base), []);
    const problems = (a: Partial<AiNetworkArgs>) => networkProblems({ ...base, ...a }).join("\n");
    assert.match(
      problems({ gatewaySubnetPrefix: "10.60.0.0/25" }),
      /gatewaySubnetPrefix '10.60.0.0\/25' and privateEndpointSubnetPrefix '10.60.0.64\/26' overlap/,
    );
    assert.match(
      problems({ gatewaySubnetPrefix: "10.61.0.0/26" }),
      /lies outside the network's address space 10.60.0.0\/24/,
    );
    assert.match(problems({ gatewaySubnetPrefix: "10.60.0.0/30" }), /smaller than \/29; use \/27 or larger/);
    assert.match(
      problems({ addressPrefixes: ["10.60.0.1/24"] }),
      /addressPrefixes: '10.60.0.1\/24' is not an IPv4 CIDR block/,
    );
    assert.match(
      problems({ virtualNetworkName: undefined }),
      /give virtualNetworkName for a new network, or existing subnet ids/,
    );
    assert.match(
      problems({ existingGatewaySubnetResourceId: `${sub}/virtualNetworks/v/subnets/apim` }),
      /give both existingGatewaySubnetResourceId and existingPrivateEndpointSubnetResourceId/,
    );
    assert.match(
      networkProblems({
        location: "swedencentral",
        existingGatewaySubnetResourceId: `${sub}/virtualNetworks/v/subnets/apim`,
        existingPrivateEndpointSubnetResourceId: "not-an-id",
      }).join("\n"),
      /existingPrivateEndpointSubnetResourceId 'not-an-id' is not a subnet id/,
    );
  });
});

describe("AiNetwork", () => {
  it("creates a network with a delegated gateway subnet, an endpoint subnet and the three linked zones", async () => {
    const rs = await capture(() => new AiNetwork("net", base));
    const [vnet] = ofType(rs, typeToken(network.VirtualNetwork));
    assert.deepEqual(prop(vnet.inputs, "addressSpace", "addressPrefixes"), ["10.60.0.0/24"]);
    const subnets = ofType(rs, typeToken(network.Subnet));
    assert.deepEqual(
      subnets.map((s) => [s.inputs.subnetName, s.inputs.addressPrefix, s.parent === vnet.urn]),
      [
        ["snet-apim", "10.60.0.0/26", true],
        ["snet-pep", "10.60.0.64/26", true],
      ],
    );
    // Outbound VNet integration needs the subnet delegated to Microsoft.Web/serverFarms.
    assert.deepEqual(prop(subnets[0].inputs, "delegations", "0", "serviceName"), "Microsoft.Web/serverFarms");
    assert.deepEqual(subnets[1].inputs.delegations, undefined);
    assert.ok(subnets[1].options.dependsOn.includes(subnets[0].urn), "one subnet write at a time");
    assert.equal(ofType(rs, typeToken(network.NetworkSecurityGroup)).length, 0);
    const zones = ofType(rs, typeToken(privatedns.PrivateZone));
    assert.deepEqual(
      zones.map((z) => [z.inputs.privateZoneName, z.inputs.location]),
      [
        ["privatelink.cognitiveservices.azure.com", "global"],
        ["privatelink.openai.azure.com", "global"],
        ["privatelink.services.ai.azure.com", "global"],
      ],
    );
    const links = ofType(rs, typeToken(privatedns.VirtualNetworkLink));
    assert.equal(links.length, 3);
    for (const l of links) {
      assert.equal(l.inputs.registrationEnabled, false);
      assert.match(String(prop(l.inputs, "virtualNetwork", "id")), /\/virtualNetworks\/vnet-ai$/);
    }
    const [component] = ofType(rs, "foundry-platform:network:AiNetwork");
    assert.ok(rs.filter((r) => r.custom).every((r) => hasAncestor(rs, r, component.urn)));
  });

  it("gives an injected (Premium) gateway an undelegated subnet with the required security rules", async () => {
    const rs = await capture(
      () => new AiNetwork("net", { ...base, gatewayMode: "Injection", injectionType: "Internal" }),
    );
    const [nsg] = ofType(rs, typeToken(network.NetworkSecurityGroup));
    const rules = nsg.inputs.securityRules as { name: string; access: string; protocol: string }[];
    assert.deepEqual(
      rules.map((r) => r.name),
      injectionSecurityRules("Internal").map((r) => r.name),
    );
    assert.ok(rules.every((r) => r.access === "Allow" && r.protocol === "Tcp"));
    const [apimSubnet] = ofType(rs, typeToken(network.Subnet));
    assert.deepEqual(apimSubnet.inputs.delegations, []);
    assert.match(
      String(prop(apimSubnet.inputs, "networkSecurityGroup", "id")),
      /networkSecurityGroups\/nsg-vnet-ai-apim$/,
    );
  });

  it("uses existing subnets (AVM style): no network, zones linked to both subnets' networks", async () => {
    const rs = await capture(
      () =>
        new AiNetwork("net", {
          resourceGroupName: "rg-ai",
          location: "swedencentral",
          existingGatewaySubnetResourceId: `${sub}/virtualNetworks/spoke/subnets/apim`,
          existingPrivateEndpointSubnetResourceId: `${sub}/virtualNetworks/endpoints/subnets/pep`,
        }),
    );
    assert.equal(ofType(rs, typeToken(network.VirtualNetwork)).length, 0);
    assert.equal(ofType(rs, typeToken(network.Subnet)).length, 0);
    const linked = ofType(rs, typeToken(privatedns.VirtualNetworkLink)).map((l) =>
      String(prop(l.inputs, "virtualNetwork", "id"))
        .split("/")
        .pop(),
    );
    assert.deepEqual([...new Set(linked)].sort(), ["endpoints", "spoke"]);
  });

  it("creates no zones when existing (hub) zones are given, and refuses bad arguments at construction", async () => {
    const zone = `${sub}/privateDnsZones/privatelink.openai.azure.com`;
    const rs = await capture(
      () => new AiNetwork("net", { ...base, existingPrivateDnsZoneResourceIds: [zone] }),
    );
    assert.equal(ofType(rs, typeToken(privatedns.PrivateZone)).length, 0);
    const errors = await captureErrors(() => new AiNetwork("net", { ...base, gatewaySubnetPrefix: "nope" }));
    assert.match(errors[0], /AiNetwork 'net': gatewaySubnetPrefix 'nope' is not an IPv4 CIDR block/);
  });
});
