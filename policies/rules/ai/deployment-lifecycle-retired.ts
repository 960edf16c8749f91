import { modelOf } from "../../lib/deployments";
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
      "A model deployment must not pin a model version that has already retired. Azure stops serving retired versions: the deployment fails its callers, or is upgraded to a version nobody evaluated.",
    severity: "critical",
    remediationSteps:
      "Move the deployment to a version that is still served (see the model catalog in components/catalog and Microsoft Learn's model retirement page), after running the evaluation suite against it. Retirement dates come from the catalog; versions or models it does not know are not judged here (the approved-models rule covers them).",
    configSchema: { properties: { asOf: asOfSchema } },
    references: { waf: "Reliability" },
    resourceTypes: [types.aiDeployment],
    validate: (props, args, report) => {
      const { model, version } = modelOf(props);
      if (!model || !version) {
        return;
      }
      const status = lookup(model, version, judgeDate(args.getConfig<Config>().asOf));
      if (status.status === "retired") {
        report(`${model} version ${version} retired on ${status.retirementDate}; Azure no longer serves it.`);
      }
    },
  });
}

export const aiDeploymentLifecycleRetired = deploymentLifecycleRetired();
