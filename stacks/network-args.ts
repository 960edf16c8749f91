/** The `network` section as the platform's network args (shared by the program and the config checks). */
import type { PlatformNetworkSpec } from "../components/platform";
import type { NetworkConfig } from "./config/network";
import type { EnvironmentDefaults } from "./defaults";

/**
 * The network section as platform args, or undefined when there is no private network (dev by
 * default: public access with Entra ID only).
 */
export function networkArgs(
  network: NetworkConfig | undefined,
  defaults: EnvironmentDefaults,
): PlatformNetworkSpec | undefined {
  if (!(network?.enabled ?? defaults.privateNetwork)) {
    return undefined;
  }
  return {
    addressPrefixes: network?.addressPrefixes,
    gatewaySubnetPrefix: network?.gatewaySubnetPrefix,
    privateEndpointSubnetPrefix: network?.privateEndpointSubnetPrefix,
    existingGatewaySubnetResourceId: network?.existingGatewaySubnetResourceId,
    existingPrivateEndpointSubnetResourceId: network?.existingPrivateEndpointSubnetResourceId,
    existingPrivateDnsZoneResourceIds: network?.existingPrivateDnsZoneResourceIds,
  };
}
