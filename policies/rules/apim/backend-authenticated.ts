import { PolicyResource } from "@pulumi/policy";
import { ApimGraph, apimGraphTypes, backendIdsOf, coverage } from "../../lib/apim-graph";
import { anywhere, inSection } from "../../lib/apim-xml";
import { pushTo } from "../../lib/joins";
import { stackRule } from "../../lib/stack-rule";
import { asArray, asRecord, asString } from "../../lib/values";

/** Policies that authenticate the gateway to a backend. */
const authPolicies = [
  "authentication-managed-identity",
  "authentication-certificate",
  "authentication-basic",
];

/** Credentials on the backend itself: a client certificate, an authorization header, headers or query values. */
function hasCredentials(backend: PolicyResource): boolean {
  const c = asRecord(backend.props.credentials);
  if (!c) {
    return false;
  }
  const auth = asRecord(c.authorization);
  const nonEmpty = (v: unknown) => Object.keys(asRecord(v) ?? {}).length > 0;
  return (
    (asArray(c.certificate)?.length ?? 0) > 0 ||
    (asArray(c.certificateIds)?.length ?? 0) > 0 ||
    (asString(auth?.scheme) !== undefined && asString(auth?.parameter) !== undefined) ||
    nonEmpty(c.header) ||
    nonEmpty(c.query)
  );
}

/** Semantic-cache lookups whose embeddings calls use the gateway's managed identity. */
const cacheLookups = ["llm-semantic-cache-lookup", "azure-openai-semantic-cache-lookup"];

/**
 * The backends a semantic-cache lookup calls for embeddings with `embeddings-backend-auth="system-assigned"`:
 * the gateway authenticates to them with its managed identity (Learn, "Get cached responses of
 * large language model API requests": the attribute is required and must be `system-assigned`,
 * https://learn.microsoft.com/azure/api-management/llm-semantic-cache-lookup-policy).
 */
function cacheEmbeddingsBackends(graph: ApimGraph): Set<string> {
  const out = new Set<string>();
  for (const policy of graph.policies) {
    for (const el of anywhere(policy.doc, (n) => cacheLookups.includes(n))) {
      const id = el.attributes["embeddings-backend-id"];
      if (
        id !== undefined &&
        !id.startsWith("@") &&
        el.attributes["embeddings-backend-auth"] === "system-assigned"
      ) {
        graph.backendsNamed(id, policy.resource).forEach((b) => out.add(b.urn));
      }
    }
  }
  return out;
}

/** The backends (and pool members) a policy of `api` routes to with `set-backend-service backend-id`. */
function backendsOf(graph: ApimGraph, api: PolicyResource): Set<string> {
  const scopes = graph.policiesOf(api);
  const out = new Set<string>();
  const add = (b: PolicyResource, seen: Set<string>) => {
    if (seen.has(b.urn)) {
      return;
    }
    seen.add(b.urn);
    out.add(b.urn);
    graph.poolMembers(b).forEach((m) => add(m, seen));
  };
  for (const policy of [
    ...scopes.global,
    ...scopes.products.flatMap((p) => p.policies),
    ...scopes.api,
    ...scopes.operations,
  ]) {
    for (const el of anywhere(policy.doc, "set-backend-service")) {
      for (const b of backendIdsOf(policy.doc, el).flatMap((id) =>
        graph.backendsNamed(id, policy.resource),
      )) {
        add(b, new Set());
      }
    }
  }
  return out;
}

/** The gateway proves who it is to every backend it calls. */
export const apimBackendAuthenticated = stackRule({
  name: "apim-backend-authenticated",
  description:
    "API Management calls to HTTP backends must be authenticated: by credentials on the backend (client certificate, authorization header, header or query values); for a backend that APIs route to, by an `authentication-managed-identity`, `authentication-certificate` or `authentication-basic` policy on every way a request reaches each of those APIs; for the embeddings backend of a semantic cache, by the lookup's `embeddings-backend-auth=\"system-assigned\"` (the gateway's managed identity). An unauthenticated backend accepts calls from anyone who can reach it, not only the gateway.",
  severity: "high",
  remediationSteps:
    'Authenticate with the gateway\'s managed identity: `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />` in the inbound policy of the APIs that route to the backend (AiGateway does this), or give the backend `credentials` (a client certificate, or an `authorization` scheme and parameter). Pool backends have no URL of their own and are judged through their members.',
  references: {
    azurePolicy: ["c15dcc82-b93c-4dcb-9332-fbf121685b54"],
    waf: "Security",
    note: "The built-in accepts only credentials on the backend; this rule also accepts authentication policies on every request path of the APIs that route to it.",
  },
  resourceTypes: apimGraphTypes,
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    // The APIs that route to each backend (by URN), in the stack's order of APIs.
    const routedFrom = new Map<string, PolicyResource[]>();
    for (const api of graph.apis.all) {
      for (const urn of backendsOf(graph, api)) {
        pushTo(routedFrom, urn, api);
      }
    }
    const embeddings = cacheEmbeddingsBackends(graph);
    for (const backend of graph.backends.all) {
      const url = asString(backend.props.url);
      const protocol = asString(backend.props.protocol)?.toLowerCase() ?? "http";
      if (
        url === undefined ||
        protocol !== "http" ||
        hasCredentials(backend) ||
        embeddings.has(backend.urn)
      ) {
        continue;
      }
      const apis = routedFrom.get(backend.urn) ?? [];
      const name = graph.backends.nameOf(backend) ?? backend.name;
      if (apis.length === 0) {
        report(
          `Backend '${name}' has no credentials and no API routes to it with an authentication policy: calls to it are not authenticated.`,
          backend.urn,
        );
        continue;
      }
      const unauthenticated = apis
        .map((api) => ({
          api,
          result: coverage(
            graph,
            api,
            (doc) => inSection(doc, "inbound", (n) => authPolicies.includes(n)).length > 0,
          ),
        }))
        .filter((x) => !x.result.covered);
      if (unauthenticated.length > 0) {
        report(
          `Backend '${name}' has no credentials, and API ${unauthenticated
            .map((x) => `'${graph.apiLabel(x.api)}' (${x.result.gaps.join("; ")})`)
            .join(", ")} calls it without an authentication policy.`,
          backend.urn,
        );
      }
    }
  },
});
