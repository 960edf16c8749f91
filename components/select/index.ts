/** Workload contracts → ranked model candidates → derived deployments. Pure: no resources, no clock. */
export * from "./contract";
export * from "./requirements";
export * from "./demand";
export * from "./price";
export * from "./types";
export * from "./eligibility";
export * from "./select";
export * from "./router";
export * from "./derive";
