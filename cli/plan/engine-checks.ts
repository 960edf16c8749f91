/**
 * What the Pulumi engine or Azure would reject before any policy runs: two resources with one URN,
 * a dependency on a resource that is not registered, and names Azure refuses.
 */
import { NameRule, nameProblems, nameRules } from "../../components/common/naming";
import { EngineError, PlannedResource, WireValue } from "../model";
import { isSecretValue } from "../wire";

/** Per resource type, which inputs hold Azure names and the rule each must follow. */
const namedInputs: Record<string, readonly (readonly [path: readonly string[], rule: NameRule])[]> = {
  "azure-native:resources:ResourceGroup": [[["resourceGroupName"], nameRules.resourceGroup]],
  "azure-native:cognitiveservices:Account": [
    [["accountName"], nameRules.aiAccount],
    [["properties", "customSubDomainName"], nameRules.customSubDomain],
  ],
  "azure-native:cognitiveservices:Deployment": [[["deploymentName"], nameRules.modelDeployment]],
  "azure-native:cognitiveservices:Project": [[["projectName"], nameRules.aiProject]],
  "azure-native:apimanagement:ApiManagementService": [[["serviceName"], nameRules.apiManagement]],
  "azure-native:operationalinsights:Workspace": [[["workspaceName"], nameRules.logAnalyticsWorkspace]],
};

function at(props: WireValue, path: readonly string[]): WireValue | undefined {
  let node: WireValue | undefined = props;
  for (const key of path) {
    if (typeof node !== "object" || node === null || Array.isArray(node) || isSecretValue(node)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

export function engineChecks(resources: readonly PlannedResource[]): EngineError[] {
  const errors: EngineError[] = [];
  const urns = new Set<string>();
  for (const r of resources) {
    if (urns.has(r.urn)) {
      errors.push({
        kind: "duplicate-urn",
        urn: r.urn,
        message: `two resources share the URN ${r.urn}; give one of them another name (or another parent)`,
      });
    }
    urns.add(r.urn);
  }
  for (const r of resources) {
    for (const dep of r.options.dependsOn) {
      if (!urns.has(dep)) {
        errors.push({
          kind: "missing-dependency",
          urn: r.urn,
          message: `depends on ${dep}, which is not registered in this stack`,
        });
      }
    }
    if (r.parent && !urns.has(r.parent)) {
      errors.push({
        kind: "missing-dependency",
        urn: r.urn,
        message: `its parent ${r.parent} is not registered in this stack`,
      });
    }
    for (const [path, rule] of namedInputs[r.type] ?? []) {
      const value = at(r.inputs, path);
      if (typeof value === "string") {
        for (const problem of nameProblems(rule, value)) {
          errors.push({ kind: "invalid-name", urn: r.urn, message: `${path.join(".")}: ${problem}` });
        }
      }
    }
  }
  return errors;
}
