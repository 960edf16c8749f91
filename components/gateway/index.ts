/** The AI gateway: API Management in front of the platform's model deployments. */
export * from "./gateway";
export * from "./args";
export * from "./cache";
export * from "./content-safety";
export * from "./telemetry";
export * from "./sku";
export * from "./targets";
export * from "./pools";
export * from "./products";
export * from "./canary";
export * from "./api-definition";
export * as policyXml from "./xml";
