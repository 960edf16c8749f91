import { versionUpgradeOptions } from "../../../components/catalog";
import { aiDeploymentView } from "../../lib/azure";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface VersionUpgradeConfig {
  /** Upgrade options the environment refuses. */
  readonly disallowedOptions?: readonly string[];
}

/** What Azure applies when a deployment does not say (REST API default). */
const azureDefault = "OnceNewDefaultVersionAvailable";
const defaultDisallowed: readonly string[] = ["OnceNewDefaultVersionAvailable"];

/** In prod, deployments do not follow new default model versions on their own. */
export const aiDeploymentControlledVersionUpgrade = resourceRule({
  name: "ai-deployment-controlled-version-upgrade",
  description:
    "Model deployments must not use a version upgrade option the environment refuses; in prod that is OnceNewDefaultVersionAvailable, which moves the deployment to a new model version as soon as Microsoft makes it the default, without evaluation. Unset counts as OnceNewDefaultVersionAvailable, Azure's default.",
  severity: "medium",
  remediationSteps:
    "Set `versionUpgradeOption: OnceCurrentVersionExpired` on the deployment (the staging and prod defaults of the stacks), pin the version, and move to a new version through an evaluated change.",
  references: { waf: "Operational Excellence" },
  resourceTypes: [types.aiDeployment, types.genericResource],
  configSchema: {
    properties: {
      disallowedOptions: {
        type: "array",
        description: "versionUpgradeOption values the environment refuses.",
        items: { type: "string", enum: [...versionUpgradeOptions] },
        uniqueItems: true,
        default: [...defaultDisallowed],
      },
    },
  },
  validate: (props, args, report) => {
    const deployment = aiDeploymentView(args.type, props);
    if (!deployment) {
      return;
    }
    const disallowed = args.getConfig<VersionUpgradeConfig>().disallowedOptions ?? defaultDisallowed;
    const option = deployment.versionUpgradeOption;
    const effective = option ?? azureDefault;
    const refused = disallowed.find((d) => d.toLowerCase() === effective.toLowerCase());
    if (refused !== undefined) {
      const allowed = versionUpgradeOptions.filter(
        (o) => !disallowed.some((d) => d.toLowerCase() === o.toLowerCase()),
      );
      const fix = `allowed here: ${allowed.join(", ") || "none"}`;
      report(
        option === undefined
          ? `versionUpgradeOption is not set, so Azure applies ${azureDefault}, which this environment refuses; ${fix}.`
          : `versionUpgradeOption is ${option}, which this environment refuses: the model version would change without evaluation; ${fix}.`,
      );
    }
  },
});
