/**
 * The private network path of a stack, for the reachability rule: which virtual network an API
 * Management service joins, which private endpoints reach which AI account and from which network,
 * which private DNS zones those endpoints register in and which networks the zones are linked to.
 * Networks are compared by the resource group and name in ARM ids (`.../resourceGroups/<rg>/
 * providers/Microsoft.Network/virtualNetworks/<vnet>`), which every reference carries.
 */
import { PolicyResource } from "@pulumi/policy";
import { hostOf } from "./apim-graph";
import { ResourceIndex, azureName, resolveRef } from "./joins";
import { field, list, sameText, text } from "./read";
import { types } from "./types";
import { lastSegment } from "./values";

/** Types the network path reads. */
export const networkPathTypes: readonly string[] = [
  types.apimService,
  types.apimBackend,
  types.aiAccount,
  types.privateEndpoint,
  types.privateDnsZoneGroup,
  types.privateDnsZone,
  types.privateDnsZoneLink,
];

/** The private DNS zone an AI host name resolves through (Learn, "Azure Private Endpoint private DNS zone values"). */
export const aiPrivateZones: Readonly<Record<string, string>> = {
  ".cognitiveservices.azure.com": "privatelink.cognitiveservices.azure.com",
  ".openai.azure.com": "privatelink.openai.azure.com",
  ".services.ai.azure.com": "privatelink.services.ai.azure.com",
};

/** `rg/vnet` (lower case) of a virtual network or subnet id, or undefined when the id is not one. */
export function networkKey(id: string | undefined): string | undefined {
  const m = id
    ? /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)/i.exec(id)
    : null;
  return m ? `${m[1]}/${m[2]}`.toLowerCase() : undefined;
}

/** The zone name and subdomain of an AI host (`aif-x.openai.azure.com` → the openai zone, `aif-x`). */
export function zoneOfHost(host: string): { zone: string; subdomain: string } | undefined {
  for (const [suffix, zone] of Object.entries(aiPrivateZones)) {
    if (host.endsWith(suffix)) {
      return { zone, subdomain: host.slice(0, -suffix.length) };
    }
  }
  return undefined;
}

/** How an account can be reached from the network. */
export function isPrivateOnly(account: PolicyResource): boolean {
  const access = text(field(account.props.properties, "publicNetworkAccess"));
  const defaultAction = text(field(account.props.properties, "networkAcls", "defaultAction"));
  // Disabled public access, or a Deny ACL (API Management is not a trusted service for the bypass).
  return sameText(access, "Disabled") || sameText(defaultAction, "Deny");
}

export class NetworkPath {
  readonly accounts: ResourceIndex;
  readonly endpoints: ResourceIndex;
  readonly zones: ResourceIndex;
  private readonly all: readonly PolicyResource[];

  constructor(resources: readonly PolicyResource[]) {
    this.all = resources;
    const ofType = (t: string) => resources.filter((r) => r.type === t);
    this.accounts = new ResourceIndex(ofType(types.aiAccount), (r) => azureName(r, "accountName"));
    this.endpoints = new ResourceIndex(ofType(types.privateEndpoint), (r) =>
      azureName(r, "privateEndpointName"),
    );
    this.zones = new ResourceIndex(ofType(types.privateDnsZone), (r) => azureName(r, "privateZoneName"));
  }

  /** The network a service joins (`virtualNetworkType` External/Internal and a subnet), else undefined. */
  serviceNetwork(service: PolicyResource): string | undefined {
    const type = text(service.props.virtualNetworkType);
    if (type === undefined || sameText(type, "None")) {
      return undefined;
    }
    return networkKey(text(field(service.props.virtualNetworkConfiguration, "subnetResourceId")));
  }

  /** The account a backend URL's host belongs to (by custom subdomain or name), or one its URL was built from. */
  accountOfBackend(backend: PolicyResource): PolicyResource | undefined {
    const viaDeps = (backend.propertyDependencies?.url ?? []).find((d) => this.accounts.has(d));
    if (viaDeps) {
      return viaDeps;
    }
    const host = hostOf(text(backend.props.url) ?? "");
    const sub = host ? zoneOfHost(host)?.subdomain : undefined;
    if (!sub) {
      return undefined;
    }
    return this.accountsByHostLabel().get(sub.toLowerCase());
  }

  private hostLabels?: Map<string, PolicyResource>;

  /**
   * Accounts by the lower-case labels a host name can start with: custom subdomain and name. The
   * first account in stack order that carries a label keeps it.
   */
  private accountsByHostLabel(): Map<string, PolicyResource> {
    if (this.hostLabels === undefined) {
      this.hostLabels = new Map();
      for (const a of this.accounts.all) {
        const custom = text(field(a.props.properties, "customSubDomainName"));
        for (const label of [custom, this.accounts.nameOf(a)]) {
          const key = label?.toLowerCase();
          if (key !== undefined && !this.hostLabels.has(key)) {
            this.hostLabels.set(key, a);
          }
        }
      }
    }
    return this.hostLabels;
  }

  /** The private endpoints with an `account` connection to this account. */
  endpointsOf(account: PolicyResource): PolicyResource[] {
    const name = this.accounts.nameOf(account);
    return this.endpoints.all.filter((pe) => {
      const connections = [
        ...list(pe.props.privateLinkServiceConnections),
        ...list(pe.props.manualPrivateLinkServiceConnections),
      ];
      const toAccount =
        (pe.propertyDependencies?.privateLinkServiceConnections ?? []).some((d) => d.urn === account.urn) ||
        connections.some((c) => sameText(lastSegment(text(field(c, "privateLinkServiceId")) ?? ""), name));
      const groups = connections.flatMap((c) => list(field(c, "groupIds")).map((g) => text(g)));
      return toAccount && groups.some((g) => sameText(g, "account"));
    });
  }

  /** The network an endpoint's subnet is in. */
  endpointNetwork(pe: PolicyResource): string | undefined {
    return networkKey(text(field(pe.props.subnet, "id")));
  }

  /** The private DNS zone ids an endpoint's zone groups register it in. */
  zoneIdsOf(pe: PolicyResource): string[] {
    const groups = this.all.filter(
      (r) =>
        r.type === types.privateDnsZoneGroup &&
        resolveRef(r, "privateEndpointName", this.endpoints)[0]?.urn === pe.urn,
    );
    return groups.flatMap((g) =>
      list(g.props.privateDnsZoneConfigs)
        .map((c) => text(field(c, "privateDnsZoneId")))
        .filter((id): id is string => id !== undefined),
    );
  }

  /** The zone of the stack with this name, if any. */
  zoneNamed(zoneName: string): PolicyResource | undefined {
    return this.zones.named(zoneName)[0];
  }

  /** The networks a zone of the stack is linked to. */
  zoneLinks(zone: PolicyResource): string[] {
    const links = this.all.filter(
      (r) =>
        r.type === types.privateDnsZoneLink &&
        resolveRef(r, "privateZoneName", this.zones)[0]?.urn === zone.urn,
    );
    return links
      .map((l) => networkKey(text(field(l.props.virtualNetwork, "id"))))
      .filter((k): k is string => k !== undefined);
  }
}
