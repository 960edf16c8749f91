import { describeSuccessor } from "../../../components/catalog";
import { aiDeploymentView } from "../../lib/azure";
import { VersionStatusLookup, asOfSchema, defaultLookup, judgeDate } from "../../lib/lifecycle";
import { Rule, resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface Config {
  warningDays?: number;
  asOf?: string;
}

const defaultWarningDays = 90;

/** Builds the rule over a catalog lookup (the real catalog by default). */
export function deploymentLifecycleRetiring(lookup: VersionStatusLookup = defaultLookup): Rule {
  return resourceRule({
    name: "ai-deployment-lifecycle-retiring",
    description:
      "A model deployment (including a Model Router deployment declared as a generic resource) should not pin a model version that retires within the environment's warning window. Upgrades go through evaluation, which takes time; starting when the version is already gone is too late.",
    severity: "medium",
    remediationSteps:
      "Plan the move to the successor the finding names now: deploy it next to the current one (the gateway canary, `gateway.upgrade` with `candidateModel` and `candidateVersion`), evaluate it, then switch. `warningDays` sets how many days before retirement this rule starts warning. Retirement dates come from the model catalog (components/catalog); versions without a published date are not judged.",
    configSchema: {
      properties: {
        warningDays: {
          type: "integer",
          minimum: 0,
          default: defaultWarningDays,
          description: "Warn this many days before a pinned model version retires.",
        },
        asOf: asOfSchema,
      },
    },
    references: { waf: "Operational Excellence" },
    resourceTypes: [types.aiDeployment, types.genericResource],
    validate: (props, args, report) => {
      const view = aiDeploymentView(args.type, props);
      const model = view?.modelName;
      const version = view?.modelVersion;
      if (!model || !version) {
        return;
      }
      const config = args.getConfig<Config>();
      const warningDays = config.warningDays ?? defaultWarningDays;
      const status = lookup(model, version, judgeDate(config.asOf));
      if (
        status.status === "active" &&
        status.daysToRetirement !== undefined &&
        status.daysToRetirement <= warningDays
      ) {
        report(
          `${model} version ${version} retires on ${status.retirementDate}, in ${status.daysToRetirement} day${status.daysToRetirement === 1 ? "" : "s"} (warning window: ${warningDays} days). ${
            status.successor
              ? `Successor: ${describeSuccessor(status.successor)}.`
              : "No successor is published or catalogued yet."
          }`,
        );
      }
    },
  });
}

export const aiDeploymentLifecycleRetiring = deploymentLifecycleRetiring();
