import { isProvisioned } from "../../../components/catalog";
import { capacityOf, deploymentNameOf, deploymentType } from "../../lib/deployments";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";

interface Config {
  maxPtu?: number;
}

/** Provisioned throughput is the biggest fixed cost of the platform; each environment has a ceiling. */
export const costStackPtuTotal = stackRule({
  name: "cost-stack-ptu-total",
  description:
    "The provisioned throughput units (PTUs) of all provisioned model deployments in the stack must add up to at most the environment's `maxPtu` (0 in dev). PTUs are billed every hour whether or not they serve traffic, so the total is a fixed monthly cost.",
  severity: "high",
  remediationSteps:
    "Reduce `sku.capacity` of provisioned deployments, move bursty or experimental traffic to standard (pay-per-token) deployments, or raise `maxPtu` in the environment's policy config together with the budget. Dev and staging default to 0: use standard deployments there.",
  configSchema: {
    properties: {
      maxPtu: {
        type: "integer",
        minimum: 0,
        default: 0,
        description: "Most PTUs all provisioned deployments of the stack may have together.",
      },
    },
  },
  references: { waf: "Cost Optimization" },
  resourceTypes: [types.aiDeployment],
  validate: (resources, args, report) => {
    const max = args.getConfig<Config>().maxPtu ?? 0;
    const provisioned: string[] = [];
    let total = 0;
    for (const r of resources) {
      const { type } = deploymentType(r.props);
      if (type === undefined || !isProvisioned(type)) {
        continue;
      }
      const capacity = capacityOf(r.props) ?? 0;
      total += capacity;
      provisioned.push(`${deploymentNameOf(r.props) ?? r.name} ${capacity}`);
    }
    if (total > max) {
      report(
        `The stack's provisioned deployments total ${total} PTUs (${provisioned.join(", ")}), more than this environment's maximum of ${max}.`,
      );
    }
  },
});
