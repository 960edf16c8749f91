import { resourceRule } from "../../lib/rule";
import { aiDataPlaneGrant, aiDataPlaneRoles, allowedPrincipalTypesSchema, roleLabel } from "../../lib/roles";
import { types } from "../../lib/types";
import { asString } from "../../lib/values";

interface Config {
  allowedPrincipalTypes?: string[];
}

const defaultAllowed = ["ServicePrincipal"];

/** In staging and prod people reach the models through the gateway, which meters, logs and limits them. */
export const rbacRoleAssignmentGatewayOnly = resourceRule({
  name: "rbac-role-assignment-gateway-only",
  description:
    "AI data-plane roles (Cognitive Services OpenAI User and Contributor, Cognitive Services User, Azure AI User, Developer and Project Manager) may go only to workload identities (service principals): the AI gateway's managed identity and named automation identities. A group or user holding one calls the models directly, around the gateway's token limits, team quotas, content safety and logs.",
  severity: "high",
  remediationSteps:
    'Remove the assignment and let people call the models through the gateway with their team\'s subscription (AiPlatform `humanDataAccess: "gatewayOnly"`, the default in staging and prod). Give pipelines that must call a model directly their own managed identity (AiPlatform `automationIdentities`). `allowedPrincipalTypes` sets which principal types may hold these roles.',
  configSchema: allowedPrincipalTypesSchema(defaultAllowed),
  references: {
    waf: "Security",
    note: "No built-in counterpart: the gateway-only pattern of the AI gateway (people reach models through API Management's limits and logs).",
  },
  resourceTypes: [types.roleAssignment],
  validate: (props, args, report) => {
    const guid = aiDataPlaneGrant(props);
    if (guid === undefined) {
      return;
    }
    const allowed = args.getConfig<Config>().allowedPrincipalTypes ?? defaultAllowed;
    const principalType = asString(props.principalType);
    if (principalType === undefined || !allowed.includes(principalType)) {
      report(
        `The assignment grants ${roleLabel(guid, aiDataPlaneRoles)} to a principal of type ${principalType ?? "not set"} on ${asString(props.scope) ?? "an unknown scope"}: it calls the models around the gateway. Allowed: ${allowed.join(", ")}.`,
      );
    }
  },
});
