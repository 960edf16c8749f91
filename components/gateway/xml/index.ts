/** Pure builders of the gateway's API Management policy documents. */
export * from "./xml";
export * from "./expressions";
export * from "./fragments";
export * from "./documents";
export * from "./reference";
