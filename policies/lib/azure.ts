/**
 * Views of the Azure resources the rules judge, read from azure-native inputs (Analyze) or outputs
 * (AnalyzeStack). A model deployment can come as `cognitiveservices.Deployment` or as the generic
 * `resources.Resource` (Model Router on a newer API version); both read the same here.
 */
import { field, sameText, text } from "./read";
import { types } from "./types";

/** An ARM location as the rules compare it: lower case without spaces (`Sweden Central` → `swedencentral`). */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}

/**
 * A model deployment, whichever resource type declares it. Every field is read when it is used, so
 * a rule only touches (and only trips on an unknown value in) the properties it judges.
 */
export interface AiDeploymentView {
  /** Deployment type (`sku.name`), for example `GlobalStandard`. */
  readonly skuName: string | undefined;
  readonly modelName: string | undefined;
  readonly modelVersion: string | undefined;
  /** `properties.model.format`, for example `OpenAI` or `DeepSeek`. */
  readonly modelFormat: string | undefined;
  readonly versionUpgradeOption: string | undefined;
  readonly raiPolicyName: string | undefined;
  /** Name of the account the deployment belongs to, where the props say. */
  readonly accountName: string | undefined;
  /** The `propertyDependencies` key that holds the account (`accountName` or `parentResourcePath`). */
  readonly accountDependencyKey: string;
}

const cognitiveServices = "microsoft.cognitiveservices";
const armDeploymentType = "microsoft.cognitiveservices/accounts/deployments";

/** True when a generic `resources.Resource` is a `Microsoft.CognitiveServices/accounts/deployments`. */
export function isGenericAiDeployment(props: Record<string, unknown>): boolean {
  // Inputs carry the namespace and type; outputs of a deployed resource carry the ARM `type`.
  const namespace = text(props.resourceProviderNamespace);
  if (namespace !== undefined) {
    const resourceType = text(props.resourceType)?.toLowerCase();
    return (
      sameText(namespace, cognitiveServices) &&
      (resourceType === "deployments" || resourceType === "accounts/deployments")
    );
  }
  return sameText(text(props.type), armDeploymentType);
}

/** The account name in a generic resource's `parentResourcePath` (`accounts/<name>`). */
function accountOfParentPath(path: string | undefined): string | undefined {
  const match = /^accounts\/([^/]+)$/i.exec(path ?? "");
  return match ? match[1] : undefined;
}

/**
 * The deployment view of a resource, or undefined when the resource is not a model deployment
 * (any other type, or a generic resource of another provider or type).
 */
export function aiDeploymentView(type: string, props: Record<string, unknown>): AiDeploymentView | undefined {
  const generic = type === types.genericResource;
  if (type !== types.aiDeployment && !(generic && isGenericAiDeployment(props))) {
    return undefined;
  }
  return {
    get skuName() {
      return text(field(props.sku, "name"));
    },
    get modelName() {
      return text(field(props.properties, "model", "name"));
    },
    get modelVersion() {
      return text(field(props.properties, "model", "version"));
    },
    get modelFormat() {
      return text(field(props.properties, "model", "format"));
    },
    get versionUpgradeOption() {
      return text(field(props.properties, "versionUpgradeOption"));
    },
    get raiPolicyName() {
      return text(field(props.properties, "raiPolicyName"));
    },
    get accountName() {
      return generic ? accountOfParentPath(text(props.parentResourcePath)) : text(props.accountName);
    },
    accountDependencyKey: generic ? "parentResourcePath" : "accountName",
  };
}

/** The deployment's name for messages: `deploymentName`, `resourceName` or `name`. */
export function deploymentNameOf(props: Record<string, unknown>): string | undefined {
  return text(props.deploymentName) ?? text(props.resourceName) ?? text(props.name);
}

/** True for an identity `type` that gives the resource a managed identity (system or user assigned). */
export function hasManagedIdentity(identityType: string | undefined): boolean {
  if (identityType === undefined) {
    return false;
  }
  return identityType
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .some((t) => t === "systemassigned" || t === "userassigned");
}
