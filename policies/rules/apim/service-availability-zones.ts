import { normalizeRegion } from "../../lib/azure";
import { field, list, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asNumber } from "../../lib/values";

interface Config {
  regionsWithoutZones?: string[];
}

/** Premium gateways spread their units over availability zones, in every region they run in. */
export const apimServiceAvailabilityZones = resourceRule({
  name: "apim-service-availability-zones",
  description:
    "Premium API Management services must be zone redundant in their primary region and in every additional location: at least two availability zones, and at least as many units as zones so that each zone hosts one. A gateway in one zone goes down with it, taking every AI API with it.",
  severity: "medium",
  remediationSteps:
    'Set `zones: ["1", "2", "3"]` and `sku.capacity` to at least the number of zones on the service, and `zones` and `sku.capacity` likewise on each `additionalLocations` entry. For a region without availability zones, list it in `regionsWithoutZones` of this rule. Only the Premium tier is judged (zone redundancy is a Premium feature of the classic tiers).',
  references: {
    psrule: ["Azure.APIM.AvailabilityZone", "Azure.APIM.AvailabilityZone.Units"],
    azurePolicy: ["42daa904-5969-47ef-92cb-b75df946195a"],
    waf: "Reliability: RE:05 Regions and availability zones",
    note: "Judges Premium services only, as PSRule does (the preview built-in flags every other tier as well); regions without zones are listed in config rather than read from the provider.",
  },
  configSchema: {
    properties: {
      regionsWithoutZones: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Regions without availability zones, where a Premium service is not judged.",
      },
    },
  },
  resourceTypes: [types.apimService],
  validate: (props, args, report) => {
    if (text(field(props.sku, "name"))?.toLowerCase() !== "premium") {
      return;
    }
    const skip = new Set((args.getConfig<Config>().regionsWithoutZones ?? []).map(normalizeRegion));
    const places: [where: string, location: string | undefined, zones: unknown, capacity: unknown][] = [
      ["the primary region", text(props.location), props.zones, field(props.sku, "capacity")],
      ...list(props.additionalLocations).map((l, i): [string, string | undefined, unknown, unknown] => [
        `additionalLocations[${i}]`,
        text(field(l, "location")),
        field(l, "zones"),
        field(field(l, "sku"), "capacity"),
      ]),
    ];
    const problems: string[] = [];
    for (const [where, location, zones, capacity] of places) {
      if (location !== undefined && skip.has(normalizeRegion(location))) {
        continue;
      }
      const count = list(zones).length;
      const units = asNumber(capacity) ?? 1;
      const at = `${where}${location ? ` (${location})` : ""}`;
      if (count < 2) {
        problems.push(`${at} uses ${count} availability zone${count === 1 ? "" : "s"}`);
      } else if (units < count) {
        problems.push(`${at} has ${units} unit${units === 1 ? "" : "s"} for ${count} zones`);
      }
    }
    if (problems.length > 0) {
      report(
        `The Premium service is not zone redundant: ${problems.join("; ")}. Use at least two zones and a unit per zone.`,
      );
    }
  },
});
