/** The pure cost model: prices deployments, the gateway and the workspace; sizes PTUs. Imports only the catalog. */
export * from "./units";
export * from "./traffic";
export * from "./ptu";
export * from "./deployment";
export * from "./services";
export * from "./estimate";
export * from "./planner";
export * from "./sizing-facts";
