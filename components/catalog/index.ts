/** The model catalog: typed, sourced model facts and pure lookups. Imports nothing of the project. */
export * from "./deployment-types";
export * from "./types";
export * from "./lookup";
export * from "./validate";
export { models } from "./models";
