/**
 * Reading the resources of a plan for the reports that picture them (the topology, the deployment
 * and team inventory): the types they look for and total readers of wire values.
 */
import { PlannedResource } from "../model";

export type Json = Record<string, unknown>;

/** The resource types the pictures read. */
export const reportTypes = {
  account: "azure-native:cognitiveservices:Account",
  deployment: "azure-native:cognitiveservices:Deployment",
  generic: "azure-native:resources:Resource",
  apim: "azure-native:apimanagement:ApiManagementService",
  backend: "azure-native:apimanagement:Backend",
  product: "azure-native:apimanagement:Product",
  productPolicy: "azure-native:apimanagement:ProductPolicy",
};

/** `v` as an object, or an empty one. */
export const rec = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};

/** `v` as a non-empty string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** A model deployment: the typed resource, or the generic one a model router is declared as. */
export function isDeploymentResource(r: PlannedResource, props: Json): boolean {
  return (
    r.type === reportTypes.deployment ||
    (r.type === reportTypes.generic && str(props.resourceType)?.toLowerCase() === "deployments")
  );
}
