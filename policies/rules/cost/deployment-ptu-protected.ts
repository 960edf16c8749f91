import { isProvisioned } from "../../../components/catalog";
import { deploymentType } from "../../lib/deployments";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** Deleting a provisioned deployment may lose capacity that does not come back. */
export const costDeploymentPtuProtected = resourceRule({
  name: "cost-deployment-ptu-protected",
  description:
    "Provisioned (PTU) model deployments must be protected (`protect: true`) so that no `pulumi destroy`, rename or replacement deletes them. Quota does not guarantee capacity: a deleted PTU deployment may not be re-creatable in its region, while its reservation keeps being billed.",
  severity: "high",
  remediationSteps:
    "Set the resource option `protect: true` on the deployment (FoundryAccount does this by default for provisioned types); to delete it on purpose, first unprotect it in a reviewed change. `retainOnDelete` protects too, but the analyzer protocol sends policies `protect` and not `retainOnDelete`, so this rule can only see `protect`: set `protect` even when you also set `retainOnDelete`.",
  references: { waf: "Reliability" },
  resourceTypes: [types.aiDeployment],
  validate: (props, args, report) => {
    const { type } = deploymentType(props);
    if (type !== undefined && isProvisioned(type) && !args.opts.protect) {
      report(`The ${type} deployment is not protected: a destroy or replacement would delete its capacity.`);
    }
  },
});
