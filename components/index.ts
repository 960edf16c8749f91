/** foundry-platform: Pulumi components for running AI in production on Microsoft Foundry. */
export * from "./platform";
export * from "./foundry/account";
export * from "./foundry/deployments";
export * from "./gateway";
export * from "./common/environment";
export * from "./common/naming";
export * from "./common/regions";
export * from "./common/tags";
export * from "./catalog/deployment-types";
