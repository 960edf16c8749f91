import { PolicyResource } from "@pulumi/policy";
import { field, list, sameText, shown, text } from "../../lib/read";
import { armIdMatches, armIdTail, dependenciesOf, ofType } from "../../lib/stack";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";

/** The private endpoints that connect to `account` (auto-approved connections to its `account` sub-resource). */
function endpointsOf(account: PolicyResource, endpoints: readonly PolicyResource[]): PolicyResource[] {
  let tail: string | undefined | null = null;
  return endpoints.filter((pe) => {
    const connections = list(pe.props.privateLinkServiceConnections);
    const toAccount = (c: unknown) => list(field(c, "groupIds")).some((g) => sameText(text(g), "account"));
    if (!connections.some(toAccount)) {
      return false;
    }
    if (dependenciesOf(pe, "privateLinkServiceConnections").some((d) => d.urn === account.urn)) {
      return true;
    }
    // No recorded dependency: compare ARM ids (read only now, as they may be unknown in preview).
    tail =
      tail === null
        ? armIdTail(account.props, "Microsoft.CognitiveServices", "accounts", "accountName")
        : tail;
    const t = tail;
    return (
      t !== undefined &&
      connections.some((c) => {
        const id = text(field(c, "privateLinkServiceId"));
        return id !== undefined && armIdMatches(id, t);
      })
    );
  });
}

/** AI accounts are reached only through private endpoints that resolve in private DNS. */
export const aiAccountPrivateEndpoint = stackRule({
  name: "ai-account-private-endpoint",
  description:
    "AI Services and Azure OpenAI accounts must disable public network access and be reached through a private endpoint declared in the stack (an auto-approved connection to the `account` sub-resource) that is registered in private DNS zones (a DNS zone group). A network ACL alone still leaves a public endpoint; a private endpoint without private DNS is not used, because the account's name keeps resolving to the public address.",
  severity: "high",
  remediationSteps:
    "Give the FoundryAccount `privateEndpoints: [{ subnetResourceId, privateDnsZoneGroup: { privateDnsZoneGroupConfigs: [{ privateDnsZoneResourceId }] } }]` with the `privatelink.cognitiveservices.azure.com`, `privatelink.openai.azure.com` and `privatelink.services.ai.azure.com` zones, and leave `networkAcls` unset (public network access is then disabled). If the endpoint lives in another stack, this stack cannot see it: acknowledge the finding with an exception that says where it is.",
  references: {
    psrule: ["Azure.AI.PrivateEndpoints"],
    azurePolicy: [
      "d6759c02-b87f-42b7-892e-71b3f471d782",
      "cddd188c-4b82-4c48-a19d-ddf74ee66a01",
      "db630ad5-52e9-4f4d-9c44-53912fe40053",
      "47ba1dd7-28d9-4b07-a8d5-9813bed64e0c",
      "0725b4dd-7e76-479c-a735-68e7ee23d5ca",
      "c4bc6f10-cb41-49eb-b000-d5ab82e2a091",
    ],
    mcsb: ["NS-2"],
    waf: "Security: SE:06 Network controls",
    note: "PSRule checks only `publicNetworkAccess: Disabled`; this rule also needs the endpoint and its DNS zone group in the stack.",
  },
  resourceTypes: [types.aiAccount, types.privateEndpoint, types.privateDnsZoneGroup],
  validate: (resources, _args, report) => {
    const endpoints = ofType(resources, types.privateEndpoint);
    const zoneGroups = ofType(resources, types.privateDnsZoneGroup);
    for (const account of ofType(resources, types.aiAccount)) {
      const problems: string[] = [];
      const access = text(field(account.props.properties, "publicNetworkAccess"));
      if (!sameText(access, "Disabled")) {
        problems.push(`publicNetworkAccess is ${shown(access)} (it must be Disabled)`);
      }
      const mine = endpointsOf(account, endpoints);
      if (mine.length === 0) {
        problems.push("no private endpoint in the stack connects to it");
      } else {
        const withoutDns = mine.filter(
          (pe) =>
            !zoneGroups.some(
              (g) =>
                g.parent?.urn === pe.urn ||
                dependenciesOf(g, "privateEndpointName").some((d) => d.urn === pe.urn),
            ),
        );
        if (withoutDns.length === mine.length) {
          problems.push(
            `its private endpoint${mine.length > 1 ? "s have" : " has"} no private DNS zone group (${withoutDns.map((pe) => `'${pe.name}'`).join(", ")})`,
          );
        }
      }
      if (problems.length > 0) {
        report(`AI account '${account.name}' is not private: ${problems.join("; ")}.`, account.urn);
      }
    }
  },
});
