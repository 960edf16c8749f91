import { PolicyResource } from "@pulumi/policy";
import { ApimGraph, apimGraphTypes, hostOf } from "../../lib/apim-graph";
import { isPrivateOnly, networkPathTypes, NetworkPath, zoneOfHost } from "../../lib/network";
import { stackRule } from "../../lib/stack-rule";
import { lastSegment } from "../../lib/values";

/**
 * A gateway backend is useless if the gateway cannot reach the account behind it: a private-only
 * account (public access disabled, or an ACL that denies by default — API Management is not among
 * the trusted services the AzureServices bypass admits) answers only through a private endpoint,
 * resolved through a private DNS zone linked to the network the gateway joins.
 */
export const networkApimBackendReachable = stackRule({
  name: "network-apim-backend-reachable",
  description:
    "Every API Management backend that targets an AI account in the stack must be reachable from its gateway: a private-only account needs a private endpoint (group `account`) in the virtual network the gateway joins, registered in the private DNS zone of the backend's host name, and that zone must be linked to the gateway's network. Otherwise every call through the gateway fails with 403 or a DNS error at runtime, although the plan is compliant.",
  severity: "critical",
  remediationSteps:
    "Give the platform a `network` (AiPlatform `network`, stack config `network`): the gateway then joins a virtual network (outbound integration on StandardV2/PremiumV2, injection on Premium) and every account gets a private endpoint registered in the privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com and privatelink.services.ai.azure.com zones linked to that network. With existing (hub) DNS zones, link them to the gateway's network and lower this rule to advisory: their links are not in the stack.",
  references: {
    azurePolicy: ["ef619a2c-cc4d-4d03-b2ba-8c94a834d85b", "73ef9241-5d81-4cd4-b483-8443d1730fe5"],
    mcsb: ["NS-2"],
    waf: "Reliability",
    note: "Narrower: a gateway must join a virtual network (on a tier that supports one) where a backend account is private-only, and the path must resolve and route to the account's private endpoint.",
  },
  resourceTypes: [...new Set([...apimGraphTypes, ...networkPathTypes])],
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    const path = new NetworkPath(resources);
    for (const backend of graph.backends.all) {
      if (backend.props.type !== undefined && backend.props.type !== "Single") {
        continue;
      }
      const account = path.accountOfBackend(backend);
      if (!account || !isPrivateOnly(account)) {
        continue;
      }
      const problem = whyUnreachable(backend, account, graph, path);
      if (problem) {
        report(`Backend '${graph.backends.nameOf(backend) ?? backend.name}' ${problem}`, backend.urn);
      }
    }
  },
});

function whyUnreachable(
  backend: PolicyResource,
  account: PolicyResource,
  graph: ApimGraph,
  path: NetworkPath,
): string | undefined {
  const accountName = path.accounts.nameOf(account) ?? account.name;
  const serviceName = graph.serviceNameOf(backend);
  const service = graph.services.all.find((s) => graph.sameService(s, backend));
  if (!service) {
    return `targets private-only account '${accountName}', but its API Management service${serviceName ? ` '${serviceName}'` : ""} is not in the stack, so its network cannot be checked.`;
  }
  const network = path.serviceNetwork(service);
  if (!network) {
    return `targets account '${accountName}', which accepts no public traffic, but gateway '${graph.services.nameOf(service) ?? service.name}' joins no virtual network (no virtualNetworkType External or Internal with a subnet): every call would be refused.`;
  }
  const endpoints = path.endpointsOf(account);
  if (endpoints.length === 0) {
    return `targets private-only account '${accountName}', which has no private endpoint (group 'account'): the gateway cannot reach it.`;
  }
  const inNetwork = endpoints.filter((pe) => path.endpointNetwork(pe) === network);
  if (inNetwork.length === 0) {
    return `targets private-only account '${accountName}', whose private endpoints are not in the gateway's network '${network}' (peered networks are not visible in the plan).`;
  }
  const host = hostOf(String(backend.props.url ?? ""));
  const zone = host ? zoneOfHost(host)?.zone : undefined;
  if (!zone) {
    return `targets private-only account '${accountName}' at a host whose private DNS zone is not known, so the name resolution cannot be checked.`;
  }
  const problems: string[] = [];
  for (const pe of inNetwork) {
    const zoneId = path.zoneIdsOf(pe).find((id) => lastSegment(id).toLowerCase() === zone);
    if (!zoneId) {
      problems.push(`endpoint '${path.endpoints.nameOf(pe) ?? pe.name}' is not registered in ${zone}`);
      continue;
    }
    const zoneResource = path.zoneNamed(zone);
    if (!zoneResource) {
      problems.push(
        `zone ${zone} is not in the stack, so its link to the gateway's network cannot be checked`,
      );
      continue;
    }
    if (!path.zoneLinks(zoneResource).includes(network)) {
      problems.push(`zone ${zone} is not linked to the gateway's network '${network}'`);
      continue;
    }
    return undefined;
  }
  return `targets private-only account '${accountName}', but the gateway would not resolve its private address: ${problems.join("; ")}.`;
}
