/**
 * The platform's private network path: a virtual network with a subnet for the API Management
 * gateway and one for private endpoints (or, AVM-style, existing subnets brought by the user), and
 * the private DNS zones of AI Services accounts linked to that network. `AiPlatform` then gives
 * every account a private endpoint in the endpoint subnet, registered in these zones, and joins the
 * gateway to its subnet, so a gateway call reaches a private-only account.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { ComponentArgsError } from "../common/args-error";
import { PrivateEndpointSpec } from "../common/avm";
import { aiServicesPrivateDnsZones } from "../common/private-endpoint";
import { Tags } from "../common/tags";
import {
  cidrContains,
  cidrOverlaps,
  GatewayNetworkMode,
  injectionSecurityRules,
  integrationSubnetDelegation,
  isSubnetResourceId,
  parseCidr,
  virtualNetworkIdOf,
} from "./facts";

export interface AiNetworkArgs {
  /** Resource group of the network, its security group and the private DNS zones. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** Region of the virtual network: the gateway's region (API Management joins only a network in its own region). */
  readonly location: string;
  /**
   * How the gateway joins the network; decides the gateway subnet's delegation and security group.
   * @default "Integration"
   */
  readonly gatewayMode?: GatewayNetworkMode;
  /**
   * For `Injection`: whether the injected gateway keeps a public endpoint (`External`) or answers
   * only inside the network (`Internal`). Decides whether the security group admits internet clients.
   * @default "External"
   */
  readonly injectionType?: "External" | "Internal";
  /**
   * Azure name of the new virtual network. Required unless both existing subnets are given.
   * @default - none
   */
  readonly virtualNetworkName?: string;
  /**
   * Address space of a new virtual network.
   * @default ["10.60.0.0/24"]
   */
  readonly addressPrefixes?: readonly string[];
  /**
   * Prefix of the new gateway subnet; Learn recommends /27 or larger for outbound integration.
   * @default "10.60.0.0/26"
   */
  readonly gatewaySubnetPrefix?: string;
  /**
   * Prefix of the new private-endpoint subnet.
   * @default "10.60.0.64/26"
   */
  readonly privateEndpointSubnetPrefix?: string;
  /**
   * An existing subnet for the gateway (AVM style), prepared for `gatewayMode`: delegated to
   * `Microsoft.Web/serverFarms` for `Integration`, undelegated with a security group for `Injection`.
   * Give it together with `existingPrivateEndpointSubnetResourceId`; no network is then created.
   * @default - a subnet of the new network
   */
  readonly existingGatewaySubnetResourceId?: string;
  /**
   * An existing subnet for the private endpoints. Given with `existingGatewaySubnetResourceId`.
   * @default - a subnet of the new network
   */
  readonly existingPrivateEndpointSubnetResourceId?: string;
  /**
   * Existing private DNS zones for the account endpoints (for example a hub's, linked there to
   * this network by the network team). The policy pack cannot see their links offline and says so.
   * @default - the three AI Services zones are created here and linked to the network
   */
  readonly existingPrivateDnsZoneResourceIds?: readonly string[];
  /** Tags of every taggable resource. */
  readonly tags?: Tags;
}

/** Every problem with the arguments, as sentences naming what to fix; empty when valid. */
export function networkProblems(args: Omit<AiNetworkArgs, "resourceGroupName" | "tags">): string[] {
  const problems: string[] = [];
  const gw = args.existingGatewaySubnetResourceId;
  const pe = args.existingPrivateEndpointSubnetResourceId;
  if ((gw === undefined) !== (pe === undefined)) {
    problems.push(
      "give both existingGatewaySubnetResourceId and existingPrivateEndpointSubnetResourceId, or neither (a network is then created)",
    );
  }
  for (const [key, id] of [
    ["existingGatewaySubnetResourceId", gw],
    ["existingPrivateEndpointSubnetResourceId", pe],
  ] as const) {
    if (id !== undefined && !isSubnetResourceId(id)) {
      problems.push(
        `${key} '${id}' is not a subnet id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>)`,
      );
    }
  }
  if (gw !== undefined && gw === pe) {
    problems.push(
      "the gateway needs a subnet of its own; give a different existingPrivateEndpointSubnetResourceId",
    );
  }
  if (gw !== undefined) {
    for (const key of [
      "virtualNetworkName",
      "addressPrefixes",
      "gatewaySubnetPrefix",
      "privateEndpointSubnetPrefix",
    ] as const) {
      if (args[key] !== undefined) {
        problems.push(`${key} configures a new network; remove it or remove the existing subnet ids`);
      }
    }
    return problems;
  }
  if (args.virtualNetworkName === undefined) {
    problems.push("give virtualNetworkName for a new network, or existing subnet ids");
  } else if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$/.test(args.virtualNetworkName)) {
    problems.push(
      `virtualNetworkName '${args.virtualNetworkName}' must be 2–64 letters, digits, '_', '.' or '-', starting with a letter or digit and ending with a letter, digit or '_'`,
    );
  }
  const space = args.addressPrefixes ?? defaultAddressPrefixes;
  for (const p of space) {
    if (!parseCidr(p)) {
      problems.push(`addressPrefixes: '${p}' is not an IPv4 CIDR block such as 10.60.0.0/24`);
    }
  }
  const subnets = [
    ["gatewaySubnetPrefix", args.gatewaySubnetPrefix ?? defaultGatewaySubnetPrefix, 29],
    [
      "privateEndpointSubnetPrefix",
      args.privateEndpointSubnetPrefix ?? defaultPrivateEndpointSubnetPrefix,
      29,
    ],
  ] as const;
  for (const [key, prefix, smallest] of subnets) {
    const parsed = parseCidr(prefix);
    if (!parsed) {
      problems.push(`${key} '${prefix}' is not an IPv4 CIDR block such as 10.60.0.0/26`);
    } else if (parsed[1] > smallest) {
      problems.push(`${key} '${prefix}' is smaller than /${smallest}; use /27 or larger`);
    } else if (!space.some((s) => cidrContains(s, prefix))) {
      problems.push(`${key} '${prefix}' lies outside the network's address space ${space.join(", ")}`);
    }
  }
  if (cidrOverlaps(subnets[0][1], subnets[1][1])) {
    problems.push(
      `gatewaySubnetPrefix '${subnets[0][1]}' and privateEndpointSubnetPrefix '${subnets[1][1]}' overlap`,
    );
  }
  return problems;
}

const defaultAddressPrefixes = ["10.60.0.0/24"];
const defaultGatewaySubnetPrefix = "10.60.0.0/26";
const defaultPrivateEndpointSubnetPrefix = "10.60.0.64/26";

/**
 * A virtual network (or existing subnets) for the AI gateway and the accounts' private endpoints,
 * and the private DNS zones of AI Services accounts linked to it.
 *
 * Secure by default: the endpoint subnet holds only private endpoints, the gateway subnet is
 * dedicated to the gateway, and the zones resolve the accounts' public host names to their
 * private addresses inside the network only.
 */
export class AiNetwork extends pulumi.ComponentResource {
  /** ARM id of the virtual network the gateway and the endpoints live in. */
  public readonly virtualNetworkResourceId: pulumi.Output<string>;
  /** ARM id of the gateway's subnet. */
  public readonly gatewaySubnetResourceId: pulumi.Output<string>;
  /** ARM id of the private-endpoint subnet. */
  public readonly privateEndpointSubnetResourceId: pulumi.Output<string>;
  /** ARM ids of the private DNS zones an account endpoint registers in. */
  public readonly privateDnsZoneResourceIds: readonly pulumi.Output<string>[];
  /** How the gateway joins the network. */
  public readonly gatewayMode: GatewayNetworkMode;
  /** The region of the network. */
  public readonly location: string;

  constructor(name: string, args: AiNetworkArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:network:AiNetwork", name, {}, opts);

    const problems = networkProblems(args);
    if (problems.length > 0) {
      throw new ComponentArgsError("AiNetwork", name, problems, this);
    }
    this.gatewayMode = args.gatewayMode ?? "Integration";
    this.location = args.location;

    const linkTo: pulumi.Input<string>[] = [];
    if (args.existingGatewaySubnetResourceId !== undefined) {
      const gw = args.existingGatewaySubnetResourceId;
      const pe = args.existingPrivateEndpointSubnetResourceId as string;
      this.gatewaySubnetResourceId = pulumi.output(gw);
      this.privateEndpointSubnetResourceId = pulumi.output(pe);
      const gwVnet = virtualNetworkIdOf(gw) as string;
      const peVnet = virtualNetworkIdOf(pe) as string;
      this.virtualNetworkResourceId = pulumi.output(gwVnet);
      // The gateway resolves the accounts' names in its own network; endpoints in a peered network
      // need the zones linked there too.
      linkTo.push(gwVnet);
      if (peVnet.toLowerCase() !== gwVnet.toLowerCase()) {
        linkTo.push(peVnet);
      }
    } else {
      const vnet = new network.VirtualNetwork(
        `${name}-vnet`,
        {
          resourceGroupName: args.resourceGroupName,
          virtualNetworkName: args.virtualNetworkName,
          location: args.location,
          addressSpace: { addressPrefixes: [...(args.addressPrefixes ?? defaultAddressPrefixes)] },
          tags: args.tags,
        },
        { parent: this },
      );
      const nsg =
        this.gatewayMode === "Injection"
          ? new network.NetworkSecurityGroup(
              `${name}-apim-nsg`,
              {
                resourceGroupName: args.resourceGroupName,
                networkSecurityGroupName: `nsg-${args.virtualNetworkName}-apim`,
                location: args.location,
                securityRules: injectionSecurityRules(args.injectionType ?? "External").map((r) => ({
                  ...r,
                  destinationPortRanges: [...r.destinationPortRanges],
                  access: "Allow",
                  protocol: "Tcp",
                  sourcePortRange: "*",
                })),
                tags: args.tags,
              },
              { parent: this },
            )
          : undefined;
      const gatewaySubnet = new network.Subnet(
        `${name}-snet-apim`,
        {
          resourceGroupName: args.resourceGroupName,
          virtualNetworkName: vnet.name,
          subnetName: "snet-apim",
          addressPrefix: args.gatewaySubnetPrefix ?? defaultGatewaySubnetPrefix,
          delegations:
            this.gatewayMode === "Integration"
              ? [{ name: "apim-integration", serviceName: integrationSubnetDelegation }]
              : [],
          networkSecurityGroup: nsg ? { id: nsg.id } : undefined,
        },
        { parent: vnet },
      );
      // One subnet change at a time: ARM rejects concurrent writes to subnets of one network.
      const endpointSubnet = new network.Subnet(
        `${name}-snet-pep`,
        {
          resourceGroupName: args.resourceGroupName,
          virtualNetworkName: vnet.name,
          subnetName: "snet-pep",
          addressPrefix: args.privateEndpointSubnetPrefix ?? defaultPrivateEndpointSubnetPrefix,
        },
        { parent: vnet, dependsOn: [gatewaySubnet] },
      );
      this.virtualNetworkResourceId = vnet.id;
      this.gatewaySubnetResourceId = gatewaySubnet.id;
      this.privateEndpointSubnetResourceId = endpointSubnet.id;
      linkTo.push(vnet.id);
    }

    if (args.existingPrivateDnsZoneResourceIds !== undefined) {
      this.privateDnsZoneResourceIds = args.existingPrivateDnsZoneResourceIds.map((id) => pulumi.output(id));
    } else {
      this.privateDnsZoneResourceIds = aiServicesPrivateDnsZones.map((zoneName) => {
        const slug = zoneName.split(".")[1];
        // Private DNS zones are global resources (location "global").
        const zone = new privatedns.PrivateZone(
          `${name}-dns-${slug}`,
          {
            resourceGroupName: args.resourceGroupName,
            privateZoneName: zoneName,
            location: "global",
            tags: args.tags,
          },
          { parent: this },
        );
        linkTo.forEach((vnetId, i) => {
          new privatedns.VirtualNetworkLink(
            `${name}-dns-${slug}-link${i === 0 ? "" : `-${i}`}`,
            {
              resourceGroupName: args.resourceGroupName,
              privateZoneName: zone.name,
              virtualNetworkLinkName: i === 0 ? "gateway-network" : `endpoint-network-${i}`,
              location: "global",
              // Resolution only: the zone holds the endpoints' records, no VM registers itself.
              registrationEnabled: false,
              virtualNetwork: { id: vnetId },
              tags: args.tags,
            },
            { parent: zone },
          );
        });
        return zone.id;
      });
    }

    this.registerOutputs({
      virtualNetworkResourceId: this.virtualNetworkResourceId,
      gatewaySubnetResourceId: this.gatewaySubnetResourceId,
      privateEndpointSubnetResourceId: this.privateEndpointSubnetResourceId,
    });
  }

  /** The private endpoint an account gets in this network: group `account`, registered in the zones. */
  accountEndpoint(): PrivateEndpointSpec {
    return {
      subnetResourceId: this.privateEndpointSubnetResourceId,
      privateDnsZoneResourceIds: this.privateDnsZoneResourceIds,
      // The endpoint lives in the network's region, whatever the account's.
      location: this.location,
    };
  }
}
