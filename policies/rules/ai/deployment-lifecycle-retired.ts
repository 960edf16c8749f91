import { describeSuccessor } from "../../../components/catalog";
import { aiDeploymentView } from "../../lib/azure";
import { VersionStatusLookup, asOfSchema, defaultLookup, judgeDate } from "../../lib/lifecycle";
import { Rule, resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface Config {
  asOf?: string;
}

/** Builds the rule over a catalog lookup (the real catalog by default). */
export function deploymentLifecycleRetired(lookup: VersionStatusLookup = defaultLookup): Rule {
  return resourceRule({
    name: "ai-deployment-lifecycle-retired",
    description:
      "A model deployment (including a Model Router deployment declared as a generic resource) must not pin a model version that has already retired. Azure stops serving retired versions: the deployment fails its callers, or is upgraded to a version nobody evaluated.",
    severity: "critical",
    remediationSteps:
      "Move the deployment to the successor the finding names (Microsoft's published replacement, or the catalog's choice where none is published), after evaluating it: a gateway canary (`gateway.upgrade` with `candidateModel` and `candidateVersion`) serves it next to the stable deployment first. Retirement dates come from the model catalog (components/catalog, from Microsoft Learn's model retirement schedule); models it does not hold are reported by ai-deployment-uncatalogued-model.",
    configSchema: { properties: { asOf: asOfSchema } },
    references: { waf: "Reliability" },
    resourceTypes: [types.aiDeployment, types.genericResource],
    validate: (props, args, report) => {
      const view = aiDeploymentView(args.type, props);
      const model = view?.modelName;
      const version = view?.modelVersion;
      if (!model || !version) {
        return;
      }
      const status = lookup(model, version, judgeDate(args.getConfig<Config>().asOf));
      if (status.status === "retired") {
        report(
          `${model} version ${version} retired on ${status.retirementDate}; Azure no longer serves it. ${
            status.successor
              ? `Move to ${describeSuccessor(status.successor)}.`
              : "No successor is published or catalogued: choose another model."
          }`,
        );
      }
    },
  });
}

export const aiDeploymentLifecycleRetired = deploymentLifecycleRetired();
