import { aiDeploymentDataResidency as rule } from "../../policies/rules/ai/deployment-data-residency";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const deployment = (type?: string) => ({
  accountName: "a",
  sku: type === undefined ? undefined : { name: type, capacity: 15 },
  properties: { model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" } },
});
const global = { config: { dataResidency: "global" } };
const dataZone = { config: { dataResidency: "dataZone" } };
const regional = { config: { dataResidency: "regional" } };

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Deployment",
  compliant: [
    ["global residency allows GlobalStandard", deployment("GlobalStandard"), global],
    [
      "global residency allows any type, even one the catalog does not know",
      deployment("DeveloperTier"),
      global,
    ],
    ["dataZone residency allows DataZoneStandard", deployment("DataZoneStandard"), dataZone],
    [
      "dataZone residency allows DataZoneProvisionedManaged",
      deployment("DataZoneProvisionedManaged"),
      dataZone,
    ],
    ["dataZone residency allows regional Standard", deployment("Standard"), dataZone],
    ["regional residency allows Standard", deployment("Standard"), regional],
    ["regional residency allows ProvisionedManaged", deployment("ProvisionedManaged"), regional],
    ["the default residency (dataZone) allows DataZoneBatch", deployment("DataZoneBatch"), { config: {} }],
  ],
  broken: [
    [
      "dataZone residency forbids GlobalStandard",
      deployment("GlobalStandard"),
      /GlobalStandard processes data at global scope, wider than this environment's dataZone data residency/,
      dataZone,
    ],
    [
      "dataZone residency forbids GlobalBatch",
      deployment("GlobalBatch"),
      /GlobalBatch processes data at global scope/,
      dataZone,
    ],
    [
      "dataZone residency forbids GlobalProvisionedManaged",
      deployment("GlobalProvisionedManaged"),
      /GlobalProvisionedManaged/,
      dataZone,
    ],
    [
      "regional residency forbids DataZoneStandard",
      deployment("DataZoneStandard"),
      /DataZoneStandard processes data at dataZone scope, wider than this environment's regional data residency; allowed: Standard, ProvisionedManaged/,
      regional,
    ],
    ["regional residency forbids GlobalStandard", deployment("GlobalStandard"), /global scope/, regional],
    [
      "the default residency (dataZone) forbids GlobalStandard",
      deployment("GlobalStandard"),
      /dataZone data residency/,
      { config: {} },
    ],
    [
      "a type of unknown scope under a restricted residency",
      deployment("DeveloperTier"),
      /"DeveloperTier", whose data-processing scope is unknown/,
      dataZone,
    ],
    ["no deployment type under a restricted residency", deployment(), /sku.name\) is not set/, regional],
    [
      "Model Router (generic resource) on GlobalStandard under dataZone residency",
      {
        resourceProviderNamespace: "Microsoft.CognitiveServices",
        resourceType: "deployments",
        parentResourcePath: "accounts/a",
        sku: { name: "GlobalStandard", capacity: 10 },
        properties: { model: { name: "model-router", version: "2025-11-18" } },
      },
      /GlobalStandard processes data at global scope/,
      { ...dataZone, type: "azure-native:resources:Resource" },
    ],
  ],
  unknown: { sku: { name: unknown.string } },
  ignored: { type: "azure-native:cognitiveservices:Account", props: { sku: { name: "GlobalStandard" } } },
});
