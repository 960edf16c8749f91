/**
 * The monthly estimate of a stack, from its resources as the engine records them (type, URN and
 * properties). The offline plan and the policy pack both call this with the same resources, so
 * they agree to the cent. Every Azure resource is priced, known to carry no charge of its own, or
 * listed as unpriced with the reason: an unknown is never a 0.
 */
import { Pricing, priceDeployment } from "./deployment";
import { priceGateway, priceWorkspace } from "./services";
import { parseTrafficTag, expectedTrafficTag, ptuPricingTag } from "./traffic";
import { cents } from "./units";

/** A resource as the estimate reads it: its properties are its outputs (or inputs in a preview). */
export interface CostResource {
  readonly urn: string;
  readonly type: string;
  readonly props: Readonly<Record<string, unknown>>;
}

export interface CostItem {
  readonly urn: string;
  readonly kind: string;
  /** USD per month, rounded to cents. */
  readonly monthlyUsd: number;
  /** How the figure was computed. */
  readonly basis: string;
}

export interface UnpricedItem {
  readonly urn: string;
  /** A cost kind (`router-deployment`) or the resource type. */
  readonly kind: string;
  readonly why: string;
}

export interface CostEstimate {
  readonly currency: "USD";
  /** The sum of the items. */
  readonly monthlyUsd: number;
  /** Priced resources, by URN. */
  readonly items: readonly CostItem[];
  /** Resources that cost money but cannot be priced, by URN. */
  readonly unpriced: readonly UnpricedItem[];
}

/** Providers whose resources are Azure resources; everything else (components, other providers) is outside the estimate. */
const azurePackages = ["azure-native", "azure", "azuread"];

/** Azure resource types without a charge of their own, and why. */
const noCharge: Readonly<Record<string, string>> = {
  "azure-native:resources:ResourceGroup": "a container",
  "azure-native:authorization:RoleAssignment": "access control",
  "azure-native:authorization:ManagementLockAtResourceLevel": "a lock",
  "azure-native:authorization:ManagementLockByScope": "a lock",
  "azure-native:cognitiveservices:Account": "billed through its deployments",
  "azure-native:cognitiveservices:Project": "billed through its account's deployments",
  "azure-native:cognitiveservices:RaiPolicy": "content filter settings",
  "azure-native:cognitiveservices:RaiBlocklist": "content filter settings",
  "azure-native:apimanagement:Api": "part of the API Management service",
  "azure-native:apimanagement:ApiDiagnostic": "part of the API Management service",
  "azure-native:apimanagement:ApiOperation": "part of the API Management service",
  "azure-native:apimanagement:ApiOperationPolicy": "part of the API Management service",
  "azure-native:apimanagement:ApiPolicy": "part of the API Management service",
  "azure-native:apimanagement:Backend": "part of the API Management service",
  "azure-native:apimanagement:Cache": "part of the API Management service (an external cache's registration)",
  "azure-native:apimanagement:Logger": "part of the API Management service",
  "azure-native:apimanagement:NamedValue": "part of the API Management service",
  "azure-native:apimanagement:Policy": "part of the API Management service",
  "azure-native:apimanagement:Product": "part of the API Management service",
  "azure-native:apimanagement:ProductApi": "part of the API Management service",
  "azure-native:apimanagement:ProductApiLink": "part of the API Management service",
  "azure-native:apimanagement:ProductPolicy": "part of the API Management service",
  "azure-native:apimanagement:Subscription": "part of the API Management service",
  "azure-native:consumption:Budget": "cost management",
  "azure-native:costmanagement:Budget": "cost management",
  "azure-native:applicationinsights:Workbook": "a saved view",
  "azure-native:monitor:DiagnosticSetting": "its logs are billed as ingestion of the workspace they go to",
  "azure-native:network:VirtualNetwork": "virtual networks are free of charge",
  "azure-native:network:Subnet": "part of a virtual network",
  "azure-native:network:NetworkSecurityGroup": "network security groups are free of charge",
  "azure-native:redisenterprise:Database":
    "the database of an Azure Managed Redis cluster, which is billed per cluster (its SKU)",
  "azure-native:network:PrivateDnsZoneGroup":
    "a private endpoint's DNS registration (the zone and the endpoint carry the charges)",
  "azuread:index/group:Group": "an Entra ID group",
  "azuread:index/groupMember:GroupMember": "an Entra ID group membership",
};

function record(v: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}
function text(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
function number(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** True for a model deployment: the typed resource, or the generic one (model router with routing settings). */
export function isDeploymentResource(r: CostResource): boolean {
  return (
    r.type === "azure-native:cognitiveservices:Deployment" ||
    (r.type === "azure-native:resources:Resource" &&
      text(r.props.resourceProviderNamespace)?.toLowerCase() === "microsoft.cognitiveservices" &&
      text(r.props.resourceType)?.toLowerCase() === "deployments")
  );
}

/** Prices one deployment resource. */
export function priceDeploymentResource(r: CostResource): Pricing {
  const sku = record(r.props.sku);
  const tags = record(r.props.tags);
  const traffic = text(tags?.[expectedTrafficTag]);
  return priceDeployment({
    name: text(r.props.deploymentName) ?? text(r.props.resourceName) ?? text(r.props.name) ?? r.urn,
    model: text(record(record(r.props.properties)?.model)?.name),
    skuName: text(sku?.name),
    capacity: number(sku?.capacity),
    traffic: traffic === undefined ? undefined : parseTrafficTag(traffic),
    ptuPricing: text(tags?.[ptuPricingTag]),
  });
}

/** A generic ARM resource that is a child of an API Management service (a diagnostic, an API setting). */
function isApimChild(r: CostResource): boolean {
  return (
    r.type === "azure-native:resources:Resource" &&
    text(r.props.resourceProviderNamespace)?.toLowerCase() === "microsoft.apimanagement" &&
    (text(r.props.parentResourcePath)?.toLowerCase().startsWith("service/") ?? false)
  );
}

/** Prices one resource; undefined when it carries no charge of its own or is not an Azure resource. */
export function priceResource(r: CostResource): Pricing | undefined {
  if (!azurePackages.includes(r.type.split(":")[0]) || noCharge[r.type] !== undefined || isApimChild(r)) {
    return undefined;
  }
  if (isDeploymentResource(r)) {
    return priceDeploymentResource(r);
  }
  switch (r.type) {
    case "azure-native:apimanagement:ApiManagementService": {
      const sku = record(r.props.sku);
      return priceGateway(text(sku?.name), number(sku?.capacity));
    }
    case "azure-native:operationalinsights:Workspace":
      return priceWorkspace(
        text(record(r.props.sku)?.name),
        number(record(r.props.workspaceCapping)?.dailyQuotaGb),
      );
    case "azure-native:applicationinsights:Component":
      // Workspace-based: its telemetry is ingested (and billed) by the workspace.
      return text(r.props.workspaceResourceId) !== undefined
        ? undefined
        : {
            priced: false,
            kind: r.type,
            why: "classic Application Insights bills its own ingestion, which the catalog does not price",
          };
    case "azure-native:monitor:MetricAlert":
      return {
        priced: false,
        kind: r.type,
        why: "metric alert rules bill per monitored time series; the catalog has no alert prices",
      };
    case "azure-native:monitor:ScheduledQueryRule":
      return {
        priced: false,
        kind: r.type,
        why: "log search alert rules bill per rule and evaluation frequency; the catalog has no alert prices",
      };
    case "azure-native:monitor:ActionGroup":
      return {
        priced: false,
        kind: r.type,
        why: "action groups bill per notification sent, which depends on how many alerts fire",
      };
    default:
      return { priced: false, kind: r.type, why: `the cost model has no price for ${r.type}` };
  }
}

/** The estimate of a set of resources: items and unpriced entries by URN, the total the sum of the rounded items. */
export function estimateCost(resources: readonly CostResource[]): CostEstimate {
  const items: CostItem[] = [];
  const unpriced: UnpricedItem[] = [];
  for (const r of resources) {
    const p = priceResource(r);
    if (p?.priced) {
      items.push({ urn: r.urn, kind: p.kind, monthlyUsd: cents(p.monthlyUsd), basis: p.basis });
    } else if (p) {
      unpriced.push({ urn: r.urn, kind: p.kind, why: p.why });
    }
  }
  const byUrn = (a: { urn: string }, b: { urn: string }) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0);
  items.sort(byUrn);
  unpriced.sort(byUrn);
  return {
    currency: "USD",
    monthlyUsd: cents(items.reduce((sum, i) => sum + i.monthlyUsd, 0)),
    items,
    unpriced,
  };
}
