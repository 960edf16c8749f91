/** The catalog: typed, sourced model and built-in role facts with pure lookups. Imports nothing of the project. */
export * from "./deployment-types";
export * from "./types";
export * from "./lookup";
export * from "./validate";
export { models } from "./models";
export * from "./roles";
export * from "./custom";
export * from "./lifecycle";
export * from "./price-overlay";
export * from "./service-prices";
