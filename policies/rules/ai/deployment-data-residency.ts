import { DataScope, dataScopeOf, deploymentTypes, isDeploymentType } from "../../../components/catalog";
import { aiDeploymentView } from "../../lib/azure";
import { shown } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface DataResidencyConfig {
  /** Widest data-processing scope the environment allows. */
  readonly dataResidency?: DataScope;
}

const defaultResidency: DataScope = "dataZone";
/** Scopes from narrowest to widest: a deployment may process data at most as widely as allowed. */
const widths: Record<DataScope, number> = { regional: 0, dataZone: 1, global: 2 };
const scopes = Object.keys(widths) as DataScope[];

/** The deployment types whose data stays within `residency`. */
function typesWithin(residency: DataScope): string[] {
  return deploymentTypes.filter((t) => widths[dataScopeOf(t)] <= widths[residency]);
}

/** Deployment types keep prompts and completions where the environment's data residency allows. */
export const aiDeploymentDataResidency = resourceRule({
  name: "ai-deployment-data-residency",
  description:
    "Model deployments must use a deployment type whose data processing stays within the environment's data residency: `global` allows every type; `dataZone` forbids the Global* types (data may be processed in any Azure region); `regional` allows only Standard and ProvisionedManaged (processing in the account's region). Residency commitments (contracts, GDPR, sector rules) decide where prompts and completions may be processed, and a Global type may send them to any region.",
  severity: "high",
  remediationSteps:
    "Choose a deployment type within the residency set by `dataResidency` of this rule in `policies/config/<env>.json` — for example DataZoneStandard instead of GlobalStandard, or DataZoneProvisionedManaged instead of GlobalProvisionedManaged — or change the environment's residency after a data-protection review.",
  references: { waf: "Security" },
  resourceTypes: [types.aiDeployment, types.genericResource],
  configSchema: {
    properties: {
      dataResidency: {
        type: "string",
        description:
          "Where the environment allows prompts and completions to be processed: global, dataZone (within the US or EU data zone) or regional (the account's region).",
        enum: [...scopes],
        default: defaultResidency,
      },
    },
  },
  validate: (props, args, report) => {
    const deployment = aiDeploymentView(args.type, props);
    if (!deployment) {
      return;
    }
    const residency = args.getConfig<DataResidencyConfig>().dataResidency ?? defaultResidency;
    if (residency === "global") {
      return;
    }
    const allowed = typesWithin(residency).join(", ");
    const sku = deployment.skuName;
    if (sku === undefined || !isDeploymentType(sku)) {
      report(
        `deployment type (sku.name) is ${shown(sku)}, whose data-processing scope is unknown, so it cannot be shown to respect the ${residency} data residency; allowed: ${allowed}.`,
      );
      return;
    }
    const scope = dataScopeOf(sku);
    if (widths[scope] > widths[residency]) {
      report(
        `deployment type ${sku} processes data at ${scope} scope, wider than this environment's ${residency} data residency; allowed: ${allowed}.`,
      );
    }
  },
});
