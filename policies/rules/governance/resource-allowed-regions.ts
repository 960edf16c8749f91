import { normalizeRegion } from "../../lib/azure";
import { field, list, shown, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface AllowedRegionsConfig {
  /** ARM region names the environment may use, for example `swedencentral`. */
  readonly allowedRegions?: readonly string[];
}

/** AI accounts and API Management services run only in the regions the environment allows. */
export const governanceResourceAllowedRegions = resourceRule({
  name: "governance-resource-allowed-regions",
  description:
    "AI Services accounts and API Management services (including every additional APIM location) must be in one of the environment's allowed regions. Regions decide where prompts, completions and logs are stored and processed, and which data-protection law applies.",
  severity: "medium",
  remediationSteps:
    "Set the resource's `location` (and each `additionalLocations[].location` of an APIM service) to a region listed in `allowedRegions` of this rule in `policies/config/<env>.json`, or, after a data-protection review, add the region there.",
  references: { waf: "Security" },
  resourceTypes: [types.aiAccount, types.apimService],
  configSchema: {
    properties: {
      allowedRegions: {
        type: "array",
        description: "ARM region names (lower case, no spaces) the environment may deploy to.",
        items: { type: "string", pattern: "^[a-z0-9]+$" },
        uniqueItems: true,
      },
    },
  },
  validate: (props, args, report) => {
    const allowed = (args.getConfig<AllowedRegionsConfig>().allowedRegions ?? []).map(normalizeRegion);
    if (allowed.length === 0) {
      report(
        "no allowed regions are configured for this environment: set `allowedRegions` for this rule in policies/config/<env>.json.",
      );
      return;
    }
    const locations: [where: string, value: string | undefined][] = [["location", text(props.location)]];
    if (args.type === types.apimService) {
      list(props.additionalLocations).forEach((l, i) =>
        locations.push([`additionalLocations[${i}].location`, text(field(l, "location"))]),
      );
    }
    for (const [where, location] of locations) {
      if (location === undefined) {
        report(
          `${where} is not set: the region would come from the provider or resource group defaults. Set it explicitly to one of: ${allowed.join(", ")}.`,
        );
      } else if (!allowed.includes(normalizeRegion(location))) {
        report(`${where} is ${shown(location)}, which is not allowed here; allowed: ${allowed.join(", ")}.`);
      }
    }
  },
});
