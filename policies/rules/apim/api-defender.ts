import { PolicyResource } from "@pulumi/policy";
import { ApimGraph, apimGraphTypes } from "../../lib/apim-graph";
import { dependenciesOf } from "../../lib/stack";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";
import { asString, lastSegment } from "../../lib/values";

/** Every REST API of the gateway is watched by Microsoft Defender for APIs. */
export const apimApiDefender = stackRule({
  name: "apim-api-defender",
  description:
    "API Management REST APIs must be onboarded to Microsoft Defender for APIs (an API collection for each API). Defender inventories the APIs, flags unauthenticated and unused endpoints and detects attacks on them, such as data exfiltration through an AI API.",
  severity: "medium",
  remediationSteps:
    "Enable the Defender for APIs plan on the subscription and declare a `security.APICollectionByAzureApiManagementService` for each API (`serviceName`, `resourceGroupName`, `apiId`). APIs whose `apiType` is not http (GraphQL, WebSocket, SOAP) are not judged, as in PSRule.",
  references: { psrule: ["Azure.APIM.DefenderCloud"], mcsb: ["LT-1"], waf: "Security" },
  resourceTypes: [...apimGraphTypes, types.apiCollection],
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    const onboarded = new Set<string>();
    const onboardedNames = new Set<string>();
    for (const c of resources.filter((r) => r.type === types.apiCollection)) {
      dependenciesOf(c, "apiId").forEach((d: PolicyResource) => onboarded.add(d.urn));
      const id = asString(c.props.apiId) ?? asString(c.props.name);
      if (id) {
        onboardedNames.add(lastSegment(id).toLowerCase());
      }
    }
    for (const api of graph.apis.all) {
      const apiType = asString(api.props.apiType)?.toLowerCase() ?? "http";
      if (apiType !== "http") {
        continue;
      }
      const name = graph.apiLabel(api);
      if (!onboarded.has(api.urn) && !onboardedNames.has(name.toLowerCase())) {
        report(
          `API '${name}' is not onboarded to Defender for APIs: no API collection in the stack names it.`,
          api.urn,
        );
      }
    }
  },
});
