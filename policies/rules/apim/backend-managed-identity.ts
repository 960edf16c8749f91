import { PolicyResource } from "@pulumi/policy";
import { ApimGraph, apimGraphTypes, coverage } from "../../lib/apim-graph";
import { anywhere, inSection } from "../../lib/apim-xml";
import { azureName } from "../../lib/joins";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";
import { asRecord, asString } from "../../lib/values";

/** True for names like `api-key`, `api_key`, `apiKey`, `openai-api-key`. */
export function isApiKeyName(name: string): boolean {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .includes("apikey");
}

function apiKeyEntries(map: unknown): string[] {
  return Object.keys(asRecord(map) ?? {}).filter(isApiKeyName);
}

/** The gateway reaches AI models with its managed identity, never with a shared key. */
export const apimBackendManagedIdentity = stackRule({
  name: "apim-backend-managed-identity",
  description:
    "The API Management gateway must authenticate to AI backends with its managed identity (`authentication-managed-identity`), and no named value, policy header or query parameter, or backend credential may carry an `api-key`. Keys are shared secrets that leak, never expire and cannot be traced to a caller.",
  severity: "critical",
  remediationSteps:
    'Give the gateway a system-assigned identity and the Cognitive Services OpenAI User role on each AI account, then add `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />` to the inbound section of the API\'s policy (or of the global policy, or of every product that contains the API). Delete named values whose name contains `api-key`, `set-header`/`set-query-parameter` policies that set `api-key` (removing it with `exists-action="delete"` is fine), and `api-key` entries in backend `credentials.header` or `credentials.query`; then disable local authentication on the AI accounts.',
  references: { waf: "Security" },
  resourceTypes: [...apimGraphTypes, types.apimNamedValue],
  validate: (resources, _args, report) => {
    const graph = new ApimGraph(resources);
    for (const api of graph.apis.all) {
      const why = graph.frontsAiReason(api);
      if (!why) {
        continue;
      }
      const { covered, gaps } = coverage(
        graph,
        api,
        (doc) => inSection(doc, "inbound", "authentication-managed-identity").length > 0,
      );
      if (!covered) {
        report(
          `API '${graph.apiLabel(api)}' fronts an AI backend (${why}) without an inbound <authentication-managed-identity>: ${gaps.join("; ")}.`,
          api.urn,
        );
      }
    }

    for (const policy of graph.policies) {
      for (const el of anywhere(policy.doc, (n) => n === "set-header" || n === "set-query-parameter")) {
        const name = el.attributes.name ?? "";
        if (isApiKeyName(name) && (el.attributes["exists-action"] ?? "override").toLowerCase() !== "delete") {
          const what = el.name === "set-header" ? "header" : "query parameter";
          report(
            `The policy sets the ${what} '${name}': it sends a key to the backend.`,
            policy.resource.urn,
          );
        }
      }
    }

    for (const r of resources) {
      if (r.type === types.apimNamedValue) {
        const names = [azureName(r, "namedValueId"), asString(r.props.displayName)].filter(
          (n): n is string => n !== undefined && isApiKeyName(n),
        );
        if (names.length > 0) {
          report(`Named value '${names[0]}' holds an API key.`, r.urn);
        }
      } else if (r.type === types.apimBackend) {
        reportBackendKeys(r, graph, report);
      }
    }
  },
});

function reportBackendKeys(
  backend: PolicyResource,
  graph: ApimGraph,
  report: (message: string, urn?: string) => void,
): void {
  const credentials = asRecord(backend.props.credentials);
  const found = [
    ...apiKeyEntries(credentials?.header).map((k) => `header '${k}'`),
    ...apiKeyEntries(credentials?.query).map((k) => `query parameter '${k}'`),
  ];
  if (found.length > 0) {
    const name = graph.backends.nameOf(backend) ?? backend.name;
    report(`Backend '${name}' sends a key in its credentials (${found.join(", ")}).`, backend.urn);
  }
}
