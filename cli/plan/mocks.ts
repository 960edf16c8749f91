/**
 * Pulumi mocks that answer like Azure would: ARM resource ids, endpoints, principal ids and other
 * computed outputs, so that inputs depending on them resolve during an offline plan. Every value is
 * derived from the resource's URN and inputs, so the same program gives the same outputs.
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

export const mockSubscriptionId = "00000000-0000-0000-0000-000000000000";
export const mockTenantId = "11111111-1111-1111-1111-111111111111";
export const mockClientObjectId = "22222222-2222-2222-2222-222222222222";

type Inputs = Record<string, unknown>;

/** A deterministic GUID from a seed. */
export function guidFrom(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * How to build the ARM id of a type: the provider namespace and, per level, the ARM collection
 * and the input that holds the name at that level (the last level may fall back to the logical name).
 */
interface ArmShape {
  readonly namespace: string;
  readonly levels: readonly (readonly [collection: string, nameInput: string])[];
  /** The input holding the id of the resource this one is an extension of (default `scope`). */
  readonly scopeInput?: string;
  /** Extra computed outputs beyond `id` and `name`. */
  readonly outputs?: (inputs: Inputs, name: string, urn: string) => Inputs;
  /**
   * For types whose path is an input rather than fixed levels (the generic `resources:Resource`):
   * the path after `providers/` and the Azure name.
   */
  readonly path?: (inputs: Inputs, name: string) => { readonly path: string; readonly name: string };
}

function withIdentity(inputs: Inputs, urn: string): Inputs {
  const identity = inputs.identity as { type?: string } | undefined;
  if (!identity?.type || !identity.type.includes("SystemAssigned")) {
    return {};
  }
  return { identity: { ...identity, principalId: guidFrom(`${urn}#principal`), tenantId: mockTenantId } };
}

const shapes: Record<string, ArmShape> = {
  "azure-native:cognitiveservices:Account": {
    namespace: "Microsoft.CognitiveServices",
    levels: [["accounts", "accountName"]],
    outputs: (inputs, name, urn) => {
      const props = (inputs.properties ?? {}) as Inputs;
      const subdomain = (props.customSubDomainName as string | undefined) ?? name;
      const endpoint = `https://${subdomain}.cognitiveservices.azure.com/`;
      return {
        ...withIdentity(inputs, urn),
        properties: {
          ...props,
          endpoint,
          endpoints: {
            "OpenAI Language Model Instance API": `https://${subdomain}.openai.azure.com/`,
            "Azure AI Model Inference API": `https://${subdomain}.services.ai.azure.com/`,
          },
          provisioningState: "Succeeded",
        },
      };
    },
  },
  "azure-native:cognitiveservices:Deployment": {
    namespace: "Microsoft.CognitiveServices",
    levels: [
      ["accounts", "accountName"],
      ["deployments", "deploymentName"],
    ],
  },
  "azure-native:cognitiveservices:RaiPolicy": {
    namespace: "Microsoft.CognitiveServices",
    levels: [
      ["accounts", "accountName"],
      ["raiPolicies", "raiPolicyName"],
    ],
  },
  "azure-native:cognitiveservices:Project": {
    namespace: "Microsoft.CognitiveServices",
    levels: [
      ["accounts", "accountName"],
      ["projects", "projectName"],
    ],
    outputs: (inputs, _name, urn) => withIdentity(inputs, urn),
  },
  "azure-native:apimanagement:ApiManagementService": {
    namespace: "Microsoft.ApiManagement",
    levels: [["service", "serviceName"]],
    outputs: (inputs, name, urn) => ({
      ...withIdentity(inputs, urn),
      gatewayUrl: `https://${name}.azure-api.net`,
      developerPortalUrl: `https://${name}.developer.azure-api.net`,
    }),
  },
  "azure-native:apimanagement:Api": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["apis", "apiId"],
    ],
  },
  "azure-native:apimanagement:ApiDiagnostic": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["apis", "apiId"],
      ["diagnostics", "diagnosticId"],
    ],
  },
  "azure-native:apimanagement:ApiPolicy": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["apis", "apiId"],
      ["policies", "policyId"],
    ],
  },
  "azure-native:apimanagement:Backend": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["backends", "backendId"],
    ],
  },
  "azure-native:apimanagement:Cache": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["caches", "cacheId"],
    ],
  },
  "azure-native:apimanagement:Logger": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["loggers", "loggerId"],
    ],
  },
  "azure-native:apimanagement:Product": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["products", "productId"],
    ],
  },
  "azure-native:apimanagement:ProductApiLink": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["products", "productId"],
      ["apiLinks", "apiLinkId"],
    ],
  },
  "azure-native:apimanagement:ProductPolicy": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["products", "productId"],
      ["policies", "policyId"],
    ],
  },
  "azure-native:apimanagement:Subscription": {
    namespace: "Microsoft.ApiManagement",
    levels: [
      ["service", "serviceName"],
      ["subscriptions", "sid"],
    ],
  },
  "azure-native:authorization:RoleAssignment": {
    namespace: "Microsoft.Authorization",
    levels: [["roleAssignments", "roleAssignmentName"]],
  },
  "azure-native:authorization:ManagementLockByScope": {
    namespace: "Microsoft.Authorization",
    levels: [["locks", "lockName"]],
  },
  "azure-native:monitor:DiagnosticSetting": {
    namespace: "Microsoft.Insights",
    levels: [["diagnosticSettings", "name"]],
    scopeInput: "resourceUri",
  },
  "azure-native:operationalinsights:Workspace": {
    namespace: "Microsoft.OperationalInsights",
    levels: [["workspaces", "workspaceName"]],
    outputs: (_inputs, _name, urn) => ({ customerId: guidFrom(`${urn}#customerId`) }),
  },
  "azure-native:redisenterprise:Database": {
    namespace: "Microsoft.Cache",
    levels: [
      ["redisEnterprise", "clusterName"],
      ["databases", "databaseName"],
    ],
  },
  "azure-native:redisenterprise:RedisEnterprise": {
    namespace: "Microsoft.Cache",
    levels: [["redisEnterprise", "clusterName"]],
    outputs: (inputs, name) => ({
      hostName: `${name}.${(inputs.location as string | undefined) ?? "swedencentral"}.redis.azure.net`,
      provisioningState: "Succeeded",
    }),
  },
  "azure-native:applicationinsights:Component": {
    namespace: "Microsoft.Insights",
    levels: [["components", "resourceName"]],
    outputs: (_inputs, _name, urn) => {
      const key = guidFrom(`${urn}#instrumentationKey`);
      return {
        instrumentationKey: pulumi.secret(key),
        connectionString: pulumi.secret(
          `InstrumentationKey=${key};IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/`,
        ),
        appId: guidFrom(`${urn}#appId`),
      };
    },
  },
  "azure-native:network:PrivateDnsZoneGroup": {
    namespace: "Microsoft.Network",
    levels: [
      ["privateEndpoints", "privateEndpointName"],
      ["privateDnsZoneGroups", "privateDnsZoneGroupName"],
    ],
    outputs: () => ({ provisioningState: "Succeeded" }),
  },
  "azure-native:network:PrivateEndpoint": {
    namespace: "Microsoft.Network",
    levels: [["privateEndpoints", "privateEndpointName"]],
    outputs: (inputs, name) => {
      const group = (inputs.resourceGroupName as string | undefined) ?? "unknown";
      return {
        networkInterfaces: [
          {
            id: `/subscriptions/${mockSubscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/networkInterfaces/${name}.nic`,
          },
        ],
        provisioningState: "Succeeded",
      };
    },
  },
  "azure-native:network:VirtualNetwork": {
    namespace: "Microsoft.Network",
    levels: [["virtualNetworks", "virtualNetworkName"]],
  },
  "azure-native:network:Subnet": {
    namespace: "Microsoft.Network",
    levels: [
      ["virtualNetworks", "virtualNetworkName"],
      ["subnets", "subnetName"],
    ],
  },
  "azure-native:network:NetworkSecurityGroup": {
    namespace: "Microsoft.Network",
    levels: [["networkSecurityGroups", "networkSecurityGroupName"]],
  },
  "azure-native:privatedns:PrivateZone": {
    namespace: "Microsoft.Network",
    levels: [["privateDnsZones", "privateZoneName"]],
  },
  "azure-native:privatedns:VirtualNetworkLink": {
    namespace: "Microsoft.Network",
    levels: [
      ["privateDnsZones", "privateZoneName"],
      ["virtualNetworkLinks", "virtualNetworkLinkName"],
    ],
  },
  "azure-native:resources:Resource": {
    // Generic ARM resource: the id comes from the namespace, parent path, type and name inputs.
    namespace: "",
    levels: [],
    path: (inputs, name) => {
      const resourceName = (inputs.resourceName as string | undefined) ?? name;
      const segments = [
        inputs.resourceProviderNamespace as string | undefined,
        inputs.parentResourcePath as string | undefined,
        inputs.resourceType as string | undefined,
        resourceName,
      ].filter((s): s is string => typeof s === "string" && s !== "");
      return { path: segments.join("/"), name: resourceName };
    },
  },
  "azure-native:applicationinsights:Workbook": {
    namespace: "Microsoft.Insights",
    levels: [["workbooks", "resourceName"]],
  },
  "azure-native:consumption:Budget": {
    namespace: "Microsoft.Consumption",
    levels: [["budgets", "budgetName"]],
  },
  "azure-native:monitor:ActionGroup": {
    namespace: "Microsoft.Insights",
    levels: [["actionGroups", "actionGroupName"]],
  },
  "azure-native:monitor:MetricAlert": {
    namespace: "Microsoft.Insights",
    levels: [["metricAlerts", "ruleName"]],
  },
  "azure-native:monitor:ScheduledQueryRule": {
    namespace: "Microsoft.Insights",
    levels: [["scheduledQueryRules", "ruleName"]],
  },
};

/** The collection name of a type token: `azure-native:apimanagement:NamedValue` → `namedValues`. */
function collectionOf(type: string): string {
  const last = type.split(":").pop() ?? type;
  return `${last.charAt(0).toLowerCase()}${last.slice(1)}s`;
}

/** The ARM id a resource of this type and these inputs would get. */
export function armId(type: string, name: string, inputs: Inputs): string {
  const sub = `/subscriptions/${mockSubscriptionId}`;
  const group = inputs.resourceGroupName as string | undefined;
  if (type === "azure-native:resources:ResourceGroup") {
    return `${sub}/resourceGroups/${(inputs.resourceGroupName as string | undefined) ?? name}`;
  }
  const shape = shapes[type];
  const scope =
    (inputs[shape?.scopeInput ?? "scope"] as string | undefined) ??
    (group ? `${sub}/resourceGroups/${group}` : sub);
  if (shape?.path) {
    return `${scope}/providers/${shape.path(inputs, name).path}`;
  }
  if (shape) {
    const path = shape.levels
      .map(([collection, input], i) => {
        const value = inputs[input] as string | undefined;
        return `${collection}/${value ?? (i === shape.levels.length - 1 ? name : "unknown")}`;
      })
      .join("/");
    return `${scope}/providers/${shape.namespace}/${path}`;
  }
  const [pkg, mod] = type.split(":");
  return `${scope}/providers/${pkg}.${mod}/${collectionOf(type)}/${name}`;
}

/** The Azure name of a resource: its `<x>Name` input for the type's last level, else the logical name. */
function azureName(type: string, name: string, inputs: Inputs): string {
  const shape = shapes[type];
  if (shape?.path) {
    return shape.path(inputs, name).name;
  }
  const input = shape ? shape.levels[shape.levels.length - 1][1] : undefined;
  const value = input
    ? inputs[input]
    : type === "azure-native:resources:ResourceGroup"
      ? inputs.resourceGroupName
      : undefined;
  return typeof value === "string" ? value : name;
}

/** Mocks for `pulumi.runtime.setMocks` that answer like Azure and Entra ID would. */
export class AzureMocks implements pulumi.runtime.Mocks {
  newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Inputs } {
    const inputs = args.inputs as Inputs;
    if (args.type.startsWith("pulumi:providers:")) {
      return { id: `${args.name}-provider-id`, state: inputs };
    }
    const urn = `${args.type}::${args.name}`;
    if (args.type.startsWith("azuread:")) {
      const objectId = guidFrom(`${urn}#objectId`);
      return { id: objectId, state: { ...inputs, objectId } };
    }
    const name = azureName(args.type, args.name, inputs);
    const id = armId(args.type, name, inputs);
    const extra = shapes[args.type]?.outputs?.(inputs, name, urn) ?? {};
    return { id, state: { ...inputs, name, ...extra } };
  }

  call(args: pulumi.runtime.MockCallArgs): Inputs {
    switch (args.token) {
      case "azure-native:authorization:getClientConfig":
        return {
          clientId: mockClientObjectId,
          objectId: mockClientObjectId,
          subscriptionId: mockSubscriptionId,
          tenantId: mockTenantId,
        };
      case "azure-native:managedidentity:getUserAssignedIdentity": {
        const group = String(args.inputs.resourceGroupName ?? "unknown");
        const identity = String(args.inputs.resourceName ?? "unknown");
        const seed = `${group}/${identity}`;
        return {
          id: `/subscriptions/${mockSubscriptionId}/resourceGroups/${group}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${identity}`,
          name: identity,
          clientId: guidFrom(`${seed}#clientId`),
          principalId: guidFrom(`${seed}#principalId`),
          tenantId: mockTenantId,
        };
      }
      case "azure-native:apimanagement:getApiManagementService": {
        const { resourceGroupName, serviceName } = args.inputs as {
          resourceGroupName: string;
          serviceName: string;
        };
        const id = `/subscriptions/${mockSubscriptionId}/resourceGroups/${resourceGroupName}/providers/Microsoft.ApiManagement/service/${serviceName}`;
        return {
          id,
          name: serviceName,
          gatewayUrl: `https://${serviceName}.azure-api.net`,
          identity: {
            type: "SystemAssigned",
            principalId: guidFrom(`${id}#principal`),
            tenantId: mockTenantId,
          },
        };
      }
      case "azure-native:redisenterprise:listDatabaseKeys": {
        const { clusterName, databaseName } = args.inputs as { clusterName: string; databaseName: string };
        return {
          primaryKey: guidFrom(`${clusterName}/${databaseName}#primaryKey`),
          secondaryKey: guidFrom(`${clusterName}/${databaseName}#secondaryKey`),
        };
      }
      case "azuread:index/getClientConfig:getClientConfig":
        return { clientId: mockClientObjectId, objectId: mockClientObjectId, tenantId: mockTenantId };
      default:
        return {};
    }
  }
}
