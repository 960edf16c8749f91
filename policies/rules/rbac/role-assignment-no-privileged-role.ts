import { resourceRule } from "../../lib/rule";
import { privilegedRoles, roleGuidOf, roleLabel } from "../../lib/roles";
import { types } from "../../lib/types";

interface Config {
  forbiddenRoleIds?: string[];
}

/** Nobody gets Owner, Contributor or User Access Administrator from the platform's code. */
export const rbacRoleAssignmentNoPrivilegedRole = resourceRule({
  name: "rbac-role-assignment-no-privileged-role",
  description:
    "Role assignments must not grant Owner, Contributor or User Access Administrator. These roles control everything in their scope, including keys, networking and who else gets access, which is far more than any workload or team of the AI platform needs.",
  severity: "critical",
  remediationSteps:
    "Assign the narrowest built-in role that does the job: Cognitive Services OpenAI User or Azure AI User to call models, Cognitive Services Contributor to manage accounts, Monitoring Reader or Log Analytics Reader to read telemetry. Grant privileged roles, when truly needed, through Privileged Identity Management outside this stack. `forbiddenRoleIds` lists the role GUIDs this rule refuses.",
  configSchema: {
    properties: {
      forbiddenRoleIds: {
        type: "array",
        items: { type: "string", pattern: "^[0-9a-fA-F-]{36}$" },
        default: Object.keys(privilegedRoles),
        description: "Role definition GUIDs that must never be assigned.",
      },
    },
  },
  references: { waf: "Security" },
  resourceTypes: [types.roleAssignment],
  validate: (props, args, report) => {
    const forbidden = (args.getConfig<Config>().forbiddenRoleIds ?? Object.keys(privilegedRoles)).map((g) =>
      g.toLowerCase(),
    );
    const guid = roleGuidOf(props);
    if (guid !== undefined && forbidden.includes(guid)) {
      report(`The assignment grants ${roleLabel(guid, privilegedRoles)}.`);
    }
  },
});
