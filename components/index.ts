/** foundry-platform: Pulumi components for running AI in production on Microsoft Foundry. */
export * from "./platform";
export * from "./foundry/account";
export * from "./foundry/deployments";
export * from "./observability/observability";
export * from "./observability/settings";
export * from "./observability/cost";
export * from "./access/access-control";
export * from "./gateway";
export * from "./common/environment";
export * from "./common/naming";
export * from "./common/regions";
export * from "./common/tags";
export * from "./catalog/deployment-types";
export * from "./common/avm";
export * from "./common/private-endpoint";
export * from "./select";
