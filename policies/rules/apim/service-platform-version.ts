import { text } from "../../lib/read";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";

/** The gateway does not run on the retired stv1 compute platform. */
export const apimServicePlatformVersion = stackRule({
  name: "apim-service-platform-version",
  description:
    "API Management services must not run on the stv1 compute platform, whose support Azure retired on 31 August 2024 (24 February 2025 in Azure Government and Azure in China): stv1 services are unsupported and may suffer outages. The platform version is an output of the deployed service, so this rule judges a stack export (`check`) and a real preview; a plan has none to judge.",
  severity: "high",
  remediationSteps:
    "Migrate the service to the stv2 platform (Learn: “Migrate an API Management instance hosted on the stv1 platform to stv2”), then export the stack and check it again.",
  references: { azurePolicy: ["1dc2fc00-2245-4143-99f4-874c937f13ef"], waf: "Reliability" },
  resourceTypes: [types.apimService],
  validate: (resources, _args, report) => {
    // https://learn.microsoft.com/azure/api-management/breaking-changes/stv1-platform-retirement-august-2024
    for (const service of resources) {
      if (text(service.props.platformVersion)?.toLowerCase() === "stv1") {
        report("platformVersion is stv1: migrate the service to stv2.", service.urn);
      }
    }
  },
});
