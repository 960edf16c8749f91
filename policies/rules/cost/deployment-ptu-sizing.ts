import { isProvisioned, ptuSizing } from "../../../components/catalog";
import { capacityOf, deploymentType, modelOf } from "../../lib/deployments";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** Provisioned capacity comes in sizes Azure sells: at least the minimum, in whole steps. */
export const costDeploymentPtuSizing = resourceRule({
  name: "cost-deployment-ptu-sizing",
  description:
    "A provisioned (PTU) model deployment must have at least the model's minimum number of PTUs for its deployment type and a multiple of the model's step, as published for that model and type. Azure rejects other sizes at deploy time, after the rest of the change has been applied.",
  severity: "high",
  remediationSteps:
    "Set `sku.capacity` to the minimum or the next valid size (minimum + n × step) for the model and deployment type; the sizes come from the model catalog (`ptuSizing` in components/catalog, from Microsoft Learn's provisioned throughput onboarding page). Models or types without published sizing in the catalog are not judged.",
  references: { waf: "Cost Optimization" },
  resourceTypes: [types.aiDeployment],
  validate: (props, _args, report) => {
    const { type } = deploymentType(props);
    if (type === undefined || !isProvisioned(type)) {
      return;
    }
    const { model } = modelOf(props);
    const sizing = model ? ptuSizing(model, type) : undefined;
    if (!model || !sizing) {
      return;
    }
    const capacity = capacityOf(props);
    if (capacity === undefined) {
      report(`sku.capacity is not set: ${model} on ${type} needs at least ${sizing.min} PTUs.`);
    } else if (capacity < sizing.min) {
      report(`${capacity} PTUs is below the minimum of ${sizing.min} for ${model} on ${type}.`);
    } else if (capacity % sizing.step !== 0 && (capacity - sizing.min) % sizing.step !== 0) {
      const lower = Math.max(capacity - (capacity % sizing.step), sizing.min);
      report(
        `${capacity} PTUs is not a multiple of ${sizing.step} for ${model} on ${type}; use ${lower} or ${lower + sizing.step}.`,
      );
    }
  },
});
