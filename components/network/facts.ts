/**
 * Network facts of the platform as pure data: how the API Management gateway joins a virtual
 * network on each tier, the subnet delegation and security rules that needs, and the private DNS
 * zones of an AI Services account. No resources here.
 */
import { GatewaySku } from "../gateway/sku";

/**
 * How the gateway joins the virtual network:
 * - `Integration`: outbound VNet integration (Standard v2, Premium v2). The gateway stays public
 *   and reaches private backends through a dedicated subnet delegated to `Microsoft.Web/serverFarms`
 *   (https://learn.microsoft.com/azure/api-management/integrate-vnet-outbound). ARM:
 *   `virtualNetworkType: External` with `virtualNetworkConfiguration.subnetResourceId`.
 * - `Injection`: the classic Developer / Premium tiers are deployed into the subnet (no delegation,
 *   a network security group required; https://learn.microsoft.com/azure/api-management/virtual-network-injection-resources).
 *   ARM: `virtualNetworkType: External` (public gateway) or `Internal` (private gateway).
 * @enum
 */
export const GatewayNetworkMode = { Integration: "Integration", Injection: "Injection" } as const;
export type GatewayNetworkMode = (typeof GatewayNetworkMode)[keyof typeof GatewayNetworkMode];

/**
 * Whether a gateway in a virtual network keeps a public endpoint (`External`) or answers inside the
 * network only (`Internal`, Premium injection only): ARM `virtualNetworkType`.
 * @enum
 */
export const GatewayVirtualNetworkType = { External: "External", Internal: "Internal" } as const;
export type GatewayVirtualNetworkType =
  (typeof GatewayVirtualNetworkType)[keyof typeof GatewayVirtualNetworkType];

/**
 * The delegation the outbound-integration subnet needs (Learn, integrate-vnet-outbound, "Delegate the subnet").
 * @internal
 */
export const integrationSubnetDelegation = "Microsoft.Web/serverFarms";

/**
 * How a tier joins a VNet, or undefined when it cannot (Basic v2, classic Basic/Standard/Consumption).
 * @internal
 */
export function gatewayNetworkMode(sku: GatewaySku): GatewayNetworkMode | undefined {
  switch (sku) {
    case "StandardV2":
    case "PremiumV2":
      return "Integration";
    case "Premium":
      return "Injection";
    default:
      return undefined;
  }
}

/**
 * One network security rule, as data (the fields of an NSG `securityRules` entry).
 * @internal
 */
export interface SecurityRuleSpec {
  readonly name: string;
  readonly priority: number;
  readonly direction: "Inbound" | "Outbound";
  readonly sourceAddressPrefix: string;
  readonly destinationAddressPrefix: string;
  readonly destinationPortRanges: readonly string[];
  readonly description: string;
}

/**
 * The rules an injected (classic Premium / Developer, stv2) gateway's subnet needs for deployment and
 * operation: the bold "required" rows of Learn "Virtual network configuration reference: API
 * Management" (https://learn.microsoft.com/azure/api-management/virtual-network-reference#required-ports).
 * Client traffic on 443 is allowed from the internet only in External mode.
 * @internal
 */
export function injectionSecurityRules(mode: GatewayVirtualNetworkType): SecurityRuleSpec[] {
  const rules: SecurityRuleSpec[] = [
    {
      name: "AllowApiManagementManagement",
      priority: 100,
      direction: "Inbound",
      sourceAddressPrefix: "ApiManagement",
      destinationAddressPrefix: "VirtualNetwork",
      destinationPortRanges: ["3443"],
      description: "Management endpoint for the Azure portal and PowerShell",
    },
    {
      name: "AllowAzureLoadBalancer",
      priority: 110,
      direction: "Inbound",
      sourceAddressPrefix: "AzureLoadBalancer",
      destinationAddressPrefix: "VirtualNetwork",
      destinationPortRanges: ["6390"],
      description: "Azure Infrastructure Load Balancer",
    },
    {
      name: "AllowStorageOutbound",
      priority: 100,
      direction: "Outbound",
      sourceAddressPrefix: "VirtualNetwork",
      destinationAddressPrefix: "Storage",
      destinationPortRanges: ["443"],
      description: "Dependency on Azure Storage",
    },
    {
      name: "AllowSqlOutbound",
      priority: 110,
      direction: "Outbound",
      sourceAddressPrefix: "VirtualNetwork",
      destinationAddressPrefix: "Sql",
      destinationPortRanges: ["1433"],
      description: "Access to Azure SQL endpoints",
    },
    {
      name: "AllowKeyVaultOutbound",
      priority: 120,
      direction: "Outbound",
      sourceAddressPrefix: "VirtualNetwork",
      destinationAddressPrefix: "AzureKeyVault",
      destinationPortRanges: ["443"],
      description: "Access to Azure Key Vault",
    },
    {
      name: "AllowAzureMonitorOutbound",
      priority: 130,
      direction: "Outbound",
      sourceAddressPrefix: "VirtualNetwork",
      destinationAddressPrefix: "AzureMonitor",
      destinationPortRanges: ["1886", "443"],
      description: "Diagnostics logs, metrics, resource health and Application Insights",
    },
  ];
  if (mode === "External") {
    rules.unshift({
      name: "AllowClientHttps",
      priority: 90,
      direction: "Inbound",
      sourceAddressPrefix: "Internet",
      destinationAddressPrefix: "VirtualNetwork",
      destinationPortRanges: ["443"],
      description: "Client communication to API Management",
    });
  }
  return rules;
}

/**
 * The virtual network id a subnet id belongs to (`.../virtualNetworks/<vnet>/subnets/<s>` → `.../virtualNetworks/<vnet>`).
 * @internal
 */
export function virtualNetworkIdOf(subnetResourceId: string): string | undefined {
  const m =
    /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(
      subnetResourceId,
    );
  return m ? m[1] : undefined;
}

/**
 * A subnet id's resource id pattern, for validation.
 * @internal
 */
export function isSubnetResourceId(id: string): boolean {
  return virtualNetworkIdOf(id) !== undefined;
}

/**
 * An IPv4 CIDR block as [first address as a number, prefix length], or undefined when malformed.
 * @internal
 */
export function parseCidr(cidr: string): readonly [number, number] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) {
    return undefined;
  }
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) {
    return undefined;
  }
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return address % size === 0 ? [address, bits] : undefined;
}

/**
 * True when CIDR `inner` lies within CIDR `outer` (both well formed).
 * @internal
 */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  if (!o || !i || i[1] < o[1]) {
    return false;
  }
  return i[0] >= o[0] && i[0] + 2 ** (32 - i[1]) <= o[0] + 2 ** (32 - o[1]);
}

/**
 * True when two well-formed CIDR blocks share an address.
 * @internal
 */
export function cidrOverlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) {
    return false;
  }
  return x[0] < y[0] + 2 ** (32 - y[1]) && y[0] < x[0] + 2 ** (32 - x[1]);
}
