import { aiDeploymentControlledVersionUpgrade as rule } from "../../policies/rules/ai/deployment-controlled-version-upgrade";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const deployment = (versionUpgradeOption?: string) => ({
  accountName: "a",
  sku: { name: "GlobalStandard", capacity: 10 },
  properties: { model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" }, versionUpgradeOption },
});

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Deployment",
  config: { disallowedOptions: ["OnceNewDefaultVersionAvailable"] },
  compliant: [
    ["upgrades only when the pinned version expires", deployment("OnceCurrentVersionExpired")],
    ["no automatic upgrade", deployment("NoAutoUpgrade")],
    ["the schema default refuses the same option", deployment("OnceCurrentVersionExpired"), { config: {} }],
    [
      "Model Router as a generic resource",
      {
        resourceProviderNamespace: "Microsoft.CognitiveServices",
        resourceType: "deployments",
        parentResourcePath: "accounts/a",
        properties: {
          model: { name: "model-router", version: "2025-11-18" },
          versionUpgradeOption: "OnceCurrentVersionExpired",
        },
      },
      { type: "azure-native:resources:Resource" },
    ],
  ],
  broken: [
    [
      "follows every new default version",
      deployment("OnceNewDefaultVersionAvailable"),
      /versionUpgradeOption is OnceNewDefaultVersionAvailable, which this environment refuses: .*allowed here: OnceCurrentVersionExpired, NoAutoUpgrade/,
    ],
    [
      "not set: Azure's default follows new versions",
      deployment(),
      /not set, so Azure applies OnceNewDefaultVersionAvailable/,
    ],
    [
      "an option the environment's own list refuses",
      deployment("NoAutoUpgrade"),
      /NoAutoUpgrade, which this environment refuses/,
      { config: { disallowedOptions: ["OnceNewDefaultVersionAvailable", "NoAutoUpgrade"] } },
    ],
  ],
  unknown: { properties: { versionUpgradeOption: unknown.string } },
  ignored: { type: "azure-native:cognitiveservices:RaiPolicy", props: deployment() },
});
