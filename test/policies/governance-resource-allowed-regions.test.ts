import { governanceResourceAllowedRegions as rule } from "../../policies/rules/governance/resource-allowed-regions";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const apim = "azure-native:apimanagement:ApiManagementService";

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Account",
  config: { allowedRegions: ["swedencentral", "eastus2"] },
  compliant: [
    ["AI account in an allowed region", { location: "swedencentral" }],
    ["AI account with the display spelling of an allowed region", { location: "Sweden Central" }],
    ["APIM service in an allowed region", { location: "eastus2" }, { type: apim }],
    [
      "APIM service with an additional location that is allowed",
      { location: "eastus2", additionalLocations: [{ location: "swedencentral" }] },
      { type: apim },
    ],
  ],
  broken: [
    [
      "AI account in another region",
      { location: "westeurope" },
      /location is "westeurope", which is not allowed here; allowed: swedencentral, eastus2/,
    ],
    ["AI account without a location", {}, /location is not set/],
    ["APIM service in another region", { location: "westus" }, /location is "westus"/, { type: apim }],
    [
      "APIM service with an additional location that is not allowed",
      { location: "eastus2", additionalLocations: [{ location: "japaneast" }] },
      /additionalLocations\[0\].location is "japaneast"/,
      { type: apim },
    ],
    [
      "no allowed regions configured for the environment",
      { location: "swedencentral" },
      /no allowed regions are configured/,
      { config: {} },
    ],
  ],
  unknown: { location: unknown.string },
  ignored: { type: "azure-native:cognitiveservices:Deployment", props: { location: "westus" } },
});
