import { field, list, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** A Premium gateway also serves from another region, and that region's gateway is on. */
export const apimServiceMultiRegion = resourceRule({
  name: "apim-service-multi-region",
  description:
    "Premium API Management services must run in at least one additional region, with the gateway of every additional location enabled. A single-region gateway is a single point of failure for every AI API behind it, whatever the redundancy of the models.",
  severity: "low",
  remediationSteps:
    "Add an `additionalLocations` entry (location, `sku`, `zones`) to the Premium service and leave its `disableGateway` unset or false. Only Premium can run in several regions; other tiers are not judged.",
  references: {
    psrule: ["Azure.APIM.MultiRegion", "Azure.APIM.MultiRegionGateway"],
    waf: "Reliability",
  },
  resourceTypes: [types.apimService],
  validate: (props, _args, report) => {
    if (text(field(props.sku, "name"))?.toLowerCase() !== "premium") {
      return;
    }
    const locations = list(props.additionalLocations);
    if (locations.length === 0) {
      report("The Premium service runs in one region: add an additionalLocations entry in another region.");
      return;
    }
    const off = locations
      .map((l, i) => [i, field(l, "disableGateway"), text(field(l, "location"))] as const)
      .filter(([, disabled]) => disabled === true)
      .map(([i, , location]) => `additionalLocations[${i}]${location ? ` (${location})` : ""}`);
    if (off.length > 0) {
      report(
        `The gateway is disabled in ${off.join(", ")}: that region serves no traffic. Set disableGateway to false.`,
      );
    }
  },
});
