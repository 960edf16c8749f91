/**
 * API Management tiers the gateway runs on. Consumption has no circuit breakers; the v2 tiers are
 * the cheapest with the AI gateway policies (BasicV2 for dev, StandardV2 by default); Premium and
 * PremiumV2 for zones, multiple regions and network isolation.
 * @enum
 */
export const GatewaySku = {
  BasicV2: "BasicV2",
  StandardV2: "StandardV2",
  Premium: "Premium",
  PremiumV2: "PremiumV2",
} as const;
export type GatewaySku = (typeof GatewaySku)[keyof typeof GatewaySku];
/**
 * Every `GatewaySku` value.
 * @internal
 */
export const gatewaySkus: readonly GatewaySku[] = Object.values(GatewaySku);
