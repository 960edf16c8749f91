import { familyOf } from "../../../components/catalog";
import { capacityOf, deploymentType } from "../../lib/deployments";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface Config {
  maxCapacity?: number;
}

const defaultMax = 100;

/** Standard (pay-per-token) deployments get a rate limit the environment can afford. */
export const costDeploymentStandardCapacity = resourceRule({
  name: "cost-deployment-standard-capacity",
  description:
    "A standard (pay-per-token) model deployment may have at most the environment's capacity cap, in thousands of tokens per minute. The capacity is the deployment's rate limit, and so the ceiling of what a runaway client can spend per minute.",
  severity: "medium",
  remediationSteps:
    "Lower `sku.capacity` of the deployment to the cap, or spread the load over several deployments or regions behind the gateway; raise `maxCapacity` in the environment's policy config only with the budget owner's approval. Applies to Standard, GlobalStandard and DataZoneStandard deployments.",
  configSchema: {
    properties: {
      maxCapacity: {
        type: "integer",
        minimum: 1,
        default: defaultMax,
        description: "Largest sku.capacity (thousands of tokens per minute) of one standard deployment.",
      },
    },
  },
  references: { waf: "Cost Optimization" },
  resourceTypes: [types.aiDeployment],
  validate: (props, args, report) => {
    const { type } = deploymentType(props);
    if (type === undefined || familyOf(type) !== "standard") {
      return;
    }
    const max = args.getConfig<Config>().maxCapacity ?? defaultMax;
    const capacity = capacityOf(props);
    if (capacity !== undefined && capacity > max) {
      report(
        `${type} capacity ${capacity}K TPM exceeds this environment's cap of ${max}K TPM per deployment.`,
      );
    }
  },
});
