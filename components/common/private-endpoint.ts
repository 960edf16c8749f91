/**
 * Private endpoints (AVM `privateEndpoints`): a network interface in a subnet that reaches one
 * resource over Private Link, optionally registered in private DNS zones through a DNS zone group.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { PrivateEndpointSpec } from "./avm";
import { Tags } from "./tags";

/** What a private endpoint connects to. */
export interface PrivateEndpointTarget {
  /** Resource group the endpoint is created in. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** Region used when the spec names none. */
  readonly location: pulumi.Input<string>;
  /** ARM id of the resource the endpoint reaches. */
  readonly resourceId: pulumi.Input<string>;
  /** Azure name of that resource; the endpoint is named `pep-<resourceName>[-<n>]` by default. */
  readonly resourceName: string;
  /** Private Link sub-resources, for example `["account"]` for AI Services or `["Gateway"]` for API Management. */
  readonly groupIds: readonly string[];
  readonly tags?: Tags;
}

/** A declared private endpoint and its DNS zone group. */
export interface DeclaredPrivateEndpoint {
  readonly endpoint: network.PrivateEndpoint;
  readonly dnsZoneGroup?: network.PrivateDnsZoneGroup;
}

/** The last segment of an ARM id (`.../privateDnsZones/privatelink.openai.azure.com` → the zone name). */
function lastSegment(id: pulumi.Input<string>, fallback: string): pulumi.Output<string> {
  return pulumi.output(id).apply((value) => value.split("/").filter(Boolean).pop() ?? fallback);
}

/**
 * Declares the private endpoints of one resource, named `<name>-pep-<index>`; each DNS zone group is
 * named `<name>-pep-<index>-dns` and is a child of its endpoint.
 */
export function declarePrivateEndpoints(
  name: string,
  target: PrivateEndpointTarget,
  specs: readonly PrivateEndpointSpec[],
  opts: pulumi.CustomResourceOptions,
): DeclaredPrivateEndpoint[] {
  return specs.map((spec, i) => {
    const endpointName =
      spec.name ?? (specs.length === 1 ? `pep-${target.resourceName}` : `pep-${target.resourceName}-${i}`);
    const endpoint = new network.PrivateEndpoint(
      `${name}-pep-${i}`,
      {
        resourceGroupName: target.resourceGroupName,
        privateEndpointName: endpointName,
        location: spec.location ?? target.location,
        subnet: { id: spec.subnetResourceId },
        privateLinkServiceConnections: [
          {
            name: endpointName,
            privateLinkServiceId: target.resourceId,
            groupIds: [...target.groupIds],
          },
        ],
        tags: target.tags,
      },
      opts,
    );
    const zones = spec.privateDnsZoneResourceIds ?? [];
    const dnsZoneGroup =
      zones.length === 0
        ? undefined
        : new network.PrivateDnsZoneGroup(
            `${name}-pep-${i}-dns`,
            {
              resourceGroupName: target.resourceGroupName,
              privateEndpointName: endpoint.name,
              privateDnsZoneGroupName: "default",
              privateDnsZoneConfigs: zones.map((zoneId, z) => ({
                name: lastSegment(zoneId, `zone-${z}`),
                privateDnsZoneId: zoneId,
              })),
            },
            { parent: endpoint },
          );
    return { endpoint, dnsZoneGroup };
  });
}

/**
 * Private DNS zones an AI Services (Foundry) account's `account` endpoint needs
 * (https://learn.microsoft.com/azure/private-link/private-endpoint-dns).
 */
export const aiServicesPrivateDnsZones = [
  "privatelink.cognitiveservices.azure.com",
  "privatelink.openai.azure.com",
  "privatelink.services.ai.azure.com",
] as const;
