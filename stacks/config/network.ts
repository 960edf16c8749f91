/**
 * The `network` config section: the private network path from the AI gateway to the accounts — a
 * virtual network with a gateway subnet and a private-endpoint subnet (or existing subnets), a
 * private endpoint per account and the AI Services private DNS zones linked to the network.
 */
import { z } from "zod";

const subnetId = z
  .string()
  .regex(
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i,
    {
      message:
        "must be a subnet id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>)",
    },
  );

const cidr = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, {
  message: "must be an IPv4 CIDR block such as 10.60.0.0/24",
});

export const networkConfig = z
  .strictObject({
    enabled: z
      .boolean()
      .optional()
      .describe(
        "Create the private network path. Default: true in staging and prod, false in dev (public access with Entra ID only).",
      ),
    addressPrefixes: z
      .array(cidr)
      .min(1)
      .optional()
      .describe("Address space of the new virtual network. Default: [10.60.0.0/24]."),
    gatewaySubnetPrefix: cidr
      .optional()
      .describe("Prefix of the gateway's subnet (/27 or larger recommended). Default: 10.60.0.0/26."),
    privateEndpointSubnetPrefix: cidr
      .optional()
      .describe("Prefix of the private-endpoint subnet. Default: 10.60.0.64/26."),
    existingGatewaySubnetResourceId: subnetId
      .optional()
      .describe(
        "Use this existing subnet for the gateway instead of creating a network (delegated to Microsoft.Web/serverFarms for StandardV2/PremiumV2).",
      ),
    existingPrivateEndpointSubnetResourceId: subnetId
      .optional()
      .describe(
        "Use this existing subnet for the accounts' private endpoints; give it with existingGatewaySubnetResourceId.",
      ),
    existingPrivateDnsZoneResourceIds: z
      .array(
        z.string().regex(/\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/i, {
          message: "must be a private DNS zone id",
        }),
      )
      .min(1)
      .optional()
      .describe(
        "Existing private DNS zones (for example a hub's) instead of creating the three AI Services zones here; their links are then the network team's.",
      ),
  })
  .describe(
    "Private network path: the gateway joins the network and every account gets a private endpoint in it. Applies with its defaults in staging and prod even when the section is absent.",
  );

export type NetworkConfig = z.infer<typeof networkConfig>;
