import { resourceRule } from "../../lib/rule";
import { aiDataPlaneGrant, aiDataPlaneRoles, allowedPrincipalTypesSchema, roleLabel } from "../../lib/roles";
import { types } from "../../lib/types";
import { asString } from "../../lib/values";

interface Config {
  allowedPrincipalTypes?: string[];
}

const defaultAllowed = ["Group", "ServicePrincipal"];

/** AI data access goes to groups and workload identities, which are reviewed and revoked as a whole. */
export const rbacRoleAssignmentDataPlanePrincipal = resourceRule({
  name: "rbac-role-assignment-data-plane-principal",
  description:
    "Assignments of AI data-plane roles (Cognitive Services OpenAI User and Contributor, Cognitive Services User, Azure AI User, Developer and Project Manager) must go to groups or service principals, not to individual users, and must say which with `principalType`. Direct user grants escape group reviews and linger after people change teams.",
  severity: "medium",
  remediationSteps:
    'Add the user to an Entra ID group (AccessControl creates one per role family) and assign the role to the group with `principalType: "Group"`; for workloads assign it to their managed identity with `principalType: "ServicePrincipal"`. `allowedPrincipalTypes` sets which principal types may hold these roles.',
  configSchema: allowedPrincipalTypesSchema(defaultAllowed),
  references: { waf: "Security" },
  resourceTypes: [types.roleAssignment],
  validate: (props, args, report) => {
    const guid = aiDataPlaneGrant(props);
    if (guid === undefined) {
      return;
    }
    const allowed = args.getConfig<Config>().allowedPrincipalTypes ?? defaultAllowed;
    const principalType = asString(props.principalType);
    if (principalType === undefined) {
      report(
        `The assignment grants ${roleLabel(guid, aiDataPlaneRoles)} without a principalType, so it may go to an individual user; set principalType to ${allowed.join(" or ")}.`,
      );
    } else if (!allowed.includes(principalType)) {
      report(
        `The assignment grants ${roleLabel(guid, aiDataPlaneRoles)} to a principal of type ${principalType}; allowed: ${allowed.join(", ")}.`,
      );
    }
  },
});
