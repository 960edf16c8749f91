import { field, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface Config {
  minApiVersion?: string;
}

const defaultMinimum = "2021-08-01";

/** The date part of an ARM API version (`2021-08-01-preview` → `2021-08-01`). */
function dateOf(version: string): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})(-preview)?$/.exec(version.trim())?.[1];
}

/** The service refuses management calls with retired control-plane API versions. */
export const apimServiceMinApiVersion = resourceRule({
  name: "apim-service-min-api-version",
  description:
    "API Management services must set `apiVersionConstraint.minApiVersion` to the environment's minimum (2021-08-01 by default) or later. Control-plane API versions before 2021-08-01 are retired, and without the constraint old tools and templates can still change the service through them.",
  severity: "medium",
  remediationSteps:
    'Set `apiVersionConstraint: { minApiVersion: "2021-08-01" }` (or later) on the API Management service (AiGateway does this). `minApiVersion` of this rule sets the minimum. Consumption services have no such setting and are not judged.',
  references: {
    psrule: ["Azure.APIM.MinAPIVersion"],
    azurePolicy: ["549814b6-3212-4203-bdc8-1548d342fb67"],
    waf: "Operational Excellence",
  },
  configSchema: {
    properties: {
      minApiVersion: {
        type: "string",
        pattern: "^\\d{4}-\\d{2}-\\d{2}$",
        default: defaultMinimum,
        description: "The oldest control-plane API version the service may accept.",
      },
    },
  },
  resourceTypes: [types.apimService],
  validate: (props, args, report) => {
    if (/^consumption$/i.test(text(field(props.sku, "name")) ?? "")) {
      return;
    }
    const minimum = args.getConfig<Config>().minApiVersion ?? defaultMinimum;
    const set = text(field(props.apiVersionConstraint, "minApiVersion"));
    if (set === undefined) {
      report(
        `apiVersionConstraint.minApiVersion is not set: management calls with retired API versions are accepted. Set it to ${minimum} or later.`,
      );
      return;
    }
    const date = dateOf(set);
    if (date === undefined || date < minimum) {
      report(`apiVersionConstraint.minApiVersion is '${set}', older than ${minimum}.`);
    }
  },
});
