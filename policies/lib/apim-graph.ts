/**
 * The API Management resources of a stack joined together: services, APIs, backends, products,
 * product–API links and the policy documents at each scope (global, product, API, operation).
 * Built once per stack rule from AnalyzeStack's resources (see `joins.ts` for how references are
 * followed on a plan and on a stack export).
 */
import { PolicyResource } from "@pulumi/policy";
import { PolicyDocument, anywhere, policyDocumentOf } from "./apim-xml";
import { ResourceIndex, azureName, resolveRef } from "./joins";
import { apimPolicyTypes, types } from "./types";
import { asArray, asRecord, asString, lastSegment, sameName } from "./values";

/** Types the graph reads; a stack rule built on it lists these as the types it understands. */
export const apimGraphTypes: readonly string[] = [
  types.apimService,
  types.apimApi,
  types.apimApiOperation,
  types.apimApiPolicy,
  types.apimApiOperationPolicy,
  types.apimBackend,
  types.apimPolicy,
  types.apimProduct,
  types.apimProductApi,
  types.apimProductApiLink,
  types.apimProductPolicy,
  types.aiAccount,
  types.aiDeployment,
];

/**
 * Host names of Azure AI model endpoints (Azure OpenAI, AI Services / Foundry, serverless models),
 * in the public and US Government clouds.
 */
export const aiHostSuffixes: readonly string[] = [
  ".openai.azure.com",
  ".cognitiveservices.azure.com",
  ".services.ai.azure.com",
  ".models.ai.azure.com",
  ".inference.ai.azure.com",
  ".api.cognitive.microsoft.com",
  ".openai.azure.us",
  ".cognitiveservices.azure.us",
];

/** The host of a URL, lower case, or undefined when it is not an absolute URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function isAiUrl(url: string | undefined): boolean {
  const host = url ? hostOf(url) : undefined;
  return host !== undefined && aiHostSuffixes.some((s) => host.endsWith(s));
}

const aiResourceTypes: readonly string[] = [types.aiAccount, types.aiDeployment];

export interface ApimPolicy {
  readonly resource: PolicyResource;
  readonly doc: PolicyDocument;
}

/** The policies that apply to an API, by scope. */
export interface ApiPolicies {
  readonly global: readonly ApimPolicy[];
  readonly products: readonly {
    readonly product: PolicyResource;
    readonly policies: readonly ApimPolicy[];
  }[];
  readonly api: readonly ApimPolicy[];
  readonly operations: readonly ApimPolicy[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

export class ApimGraph {
  readonly services: ResourceIndex;
  readonly apis: ResourceIndex;
  readonly backends: ResourceIndex;
  readonly products: ResourceIndex;
  private readonly serviceNames = new Map<string, string | undefined>();
  private readonly globalPolicies: ApimPolicy[] = [];
  private readonly productPolicies = new Map<string, ApimPolicy[]>();
  private readonly apiPolicies = new Map<string, ApimPolicy[]>();
  private readonly operationPolicies = new Map<string, ApimPolicy[]>();
  private readonly productsByApi = new Map<string, PolicyResource[]>();
  private readonly apisByProduct = new Map<string, PolicyResource[]>();
  private readonly aiBackendMemo = new Map<string, string | undefined>();
  /** Every policy resource of the stack with its parsed document. */
  readonly policies: readonly ApimPolicy[];

  constructor(resources: readonly PolicyResource[]) {
    const ofType = (t: string) => resources.filter((r) => r.type === t);
    this.services = new ResourceIndex(ofType(types.apimService), (r) => azureName(r, "serviceName"));
    this.apis = new ResourceIndex(ofType(types.apimApi), (r) => azureName(r, "apiId"));
    this.backends = new ResourceIndex(ofType(types.apimBackend), (r) => azureName(r, "backendId"));
    this.products = new ResourceIndex(ofType(types.apimProduct), (r) => azureName(r, "productId"));

    const policies: ApimPolicy[] = [];
    for (const r of resources) {
      if (!apimPolicyTypes.includes(r.type)) {
        continue;
      }
      const policy = { resource: r, doc: policyDocumentOf(r.props) };
      policies.push(policy);
      if (r.type === types.apimPolicy) {
        this.globalPolicies.push(policy);
      } else if (r.type === types.apimProductPolicy) {
        for (const p of this.ref(r, "productId", this.products)) {
          push(this.productPolicies, p.urn, policy);
        }
      } else {
        const target = r.type === types.apimApiPolicy ? this.apiPolicies : this.operationPolicies;
        for (const a of this.ref(r, "apiId", this.apis)) {
          push(target, a.urn, policy);
        }
      }
    }
    this.policies = policies;

    for (const link of [...ofType(types.apimProductApi), ...ofType(types.apimProductApiLink)]) {
      const products = this.ref(link, "productId", this.products);
      let apis = this.ref(link, "apiId", this.apis);
      if (apis.length === 0 && link.type === types.apimProductApi) {
        // On a stack export a ProductApi's outputs are the API's contract: its `name` is the API's.
        const name = asString(link.props.name);
        apis = name ? this.apis.named(name).filter((a) => this.sameService(a, link)) : [];
      }
      for (const p of products) {
        for (const a of apis) {
          push(this.productsByApi, a.urn, p);
          push(this.apisByProduct, p.urn, a);
        }
      }
    }
  }

  /** Name of the APIM service a resource belongs to, when it can be told. */
  serviceNameOf(r: PolicyResource): string | undefined {
    if (this.serviceNames.has(r.urn)) {
      return this.serviceNames.get(r.urn);
    }
    let name: string | undefined;
    if (r.type === types.apimService) {
      name = this.services.nameOf(r);
    } else {
      const [service] = resolveRef(r, "serviceName", this.services);
      name = service ? this.services.nameOf(service) : asString(r.props.serviceName);
    }
    this.serviceNames.set(r.urn, name);
    return name;
  }

  /** False only when both resources name their service and the names differ. */
  sameService(a: PolicyResource, b: PolicyResource): boolean {
    const sa = this.serviceNameOf(a);
    const sb = this.serviceNameOf(b);
    return sa === undefined || sb === undefined || sameName(sa, sb);
  }

  private ref(r: PolicyResource, key: string, index: ResourceIndex): PolicyResource[] {
    return resolveRef(r, key, index, (c) => this.sameService(c, r));
  }

  productsOf(api: PolicyResource): readonly PolicyResource[] {
    return this.productsByApi.get(api.urn) ?? [];
  }

  apisOf(product: PolicyResource): readonly PolicyResource[] {
    return this.apisByProduct.get(product.urn) ?? [];
  }

  policiesOfProduct(product: PolicyResource): readonly ApimPolicy[] {
    return this.productPolicies.get(product.urn) ?? [];
  }

  /** The policies that apply to an API at each scope. */
  policiesOf(api: PolicyResource): ApiPolicies {
    return {
      global: this.globalPolicies.filter((p) => this.sameService(p.resource, api)),
      products: this.productsOf(api).map((product) => ({
        product,
        policies: this.policiesOfProduct(product),
      })),
      api: this.apiPolicies.get(api.urn) ?? [],
      operations: this.operationPolicies.get(api.urn) ?? [],
    };
  }

  /** The backend a policy's `set-backend-service backend-id` names, in the policy's service. */
  backendsNamed(id: string, from: PolicyResource): readonly PolicyResource[] {
    return this.backends.named(id).filter((b) => this.sameService(b, from));
  }

  /** Why a backend is an AI backend (a noun phrase naming it), or undefined when it is not one. */
  aiBackendReason(backend: PolicyResource, seen: ReadonlySet<string> = new Set()): string | undefined {
    if (this.aiBackendMemo.has(backend.urn)) {
      return this.aiBackendMemo.get(backend.urn);
    }
    const name = this.backends.nameOf(backend) ?? backend.name;
    let reason: string | undefined;
    const url = asString(backend.props.url);
    const resourceId = asString(backend.props.resourceId);
    if (isAiUrl(url)) {
      reason = `backend '${name}' at ${hostOf(url as string)}`;
    } else if (resourceId?.toLowerCase().includes("/providers/microsoft.cognitiveservices/accounts/")) {
      reason = `backend '${name}' of AI account ${lastSegment(resourceId)}`;
    } else if (
      ["url", "resourceId"].some((k) =>
        (backend.propertyDependencies?.[k] ?? []).some((d) => aiResourceTypes.includes(d.type)),
      )
    ) {
      reason = `backend '${name}', built from an AI account's endpoint`;
    } else if (!seen.has(backend.urn)) {
      const inner = new Set([...seen, backend.urn]);
      for (const member of this.poolMembers(backend)) {
        const memberReason = this.aiBackendReason(member, inner);
        if (memberReason) {
          reason = `pool '${name}' containing ${memberReason}`;
          break;
        }
      }
    }
    this.aiBackendMemo.set(backend.urn, reason);
    return reason;
  }

  /** The backends a `type: Pool` backend lists in `pool.services[].id`. */
  poolMembers(backend: PolicyResource): PolicyResource[] {
    const services = asArray(asRecord(backend.props.pool)?.services) ?? [];
    const members = new Map<string, PolicyResource>();
    for (const s of services) {
      const id = asString(asRecord(s)?.id);
      for (const b of id ? this.backendsNamed(id, backend) : []) {
        members.set(b.urn, b);
      }
    }
    for (const d of backend.propertyDependencies?.pool ?? []) {
      if (this.backends.has(d)) {
        members.set(d.urn, d);
      }
    }
    members.delete(backend.urn);
    return [...members.values()];
  }

  /**
   * Why an API fronts an AI backend (a short phrase), or undefined: its `serviceUrl` is an AI
   * endpoint (or computed from an AI account), a policy that applies to it routes to an AI backend
   * or AI URL with `set-backend-service`, or its own policies use the `llm-*` / `azure-openai-*`
   * policies that only work in front of AI models.
   */
  frontsAiReason(api: PolicyResource): string | undefined {
    const serviceUrl = asString(api.props.serviceUrl);
    if (isAiUrl(serviceUrl)) {
      return `its serviceUrl points at ${hostOf(serviceUrl as string)}`;
    }
    if ((api.propertyDependencies?.serviceUrl ?? []).some((d) => aiResourceTypes.includes(d.type))) {
      return "its serviceUrl is built from an AI account's endpoint";
    }
    const scopes = this.policiesOf(api);
    const applying = [
      ...scopes.global,
      ...scopes.products.flatMap((p) => p.policies),
      ...scopes.api,
      ...scopes.operations,
    ];
    for (const policy of applying) {
      for (const el of anywhere(policy.doc, "set-backend-service")) {
        const backendId = el.attributes["backend-id"];
        const baseUrl = el.attributes["base-url"];
        if (isAiUrl(baseUrl)) {
          return `a policy sets its backend to ${hostOf(baseUrl)}`;
        }
        for (const backend of backendId ? this.backendsNamed(backendId, policy.resource) : []) {
          const reason = this.aiBackendReason(backend);
          if (reason) {
            return `a policy routes it to ${reason}`;
          }
        }
      }
    }
    for (const policy of [...scopes.api, ...scopes.operations]) {
      const llm = anywhere(policy.doc, (n) => n.startsWith("llm-") || n.startsWith("azure-openai-"));
      if (llm.length > 0) {
        return `its policy uses <${llm[0].name}>`;
      }
    }
    return undefined;
  }

  /** Display name of an API for messages. */
  apiLabel(api: PolicyResource): string {
    return this.apis.nameOf(api) ?? api.name;
  }

  productLabel(product: PolicyResource): string {
    return this.products.nameOf(product) ?? product.name;
  }
}

/**
 * Where an API gets a policy that satisfies `holds`: the service's global policy, the API's own
 * policy, or the policies of every product that contains it (and it is in at least one).
 */
export function coverage(
  graph: ApimGraph,
  api: PolicyResource,
  holds: (doc: PolicyDocument) => boolean,
): { readonly covered: boolean; readonly gaps: string[] } {
  const scopes = graph.policiesOf(api);
  if (scopes.global.some((p) => holds(p.doc)) || scopes.api.some((p) => holds(p.doc))) {
    return { covered: true, gaps: [] };
  }
  const gaps: string[] = [];
  if (scopes.api.length === 0) {
    gaps.push("the API has no policy of its own");
  } else if (scopes.api.some((p) => p.doc.kind === "link")) {
    gaps.push("the API's policy is given by link and cannot be inspected offline");
  } else if (scopes.api.some((p) => p.doc.kind === "malformed")) {
    gaps.push("the API's policy is not well-formed XML");
  } else {
    gaps.push("the API's policy has none");
  }
  if (scopes.products.length === 0) {
    gaps.push("the API is in no product");
    return { covered: false, gaps };
  }
  const missing = scopes.products.filter((p) => !p.policies.some((x) => holds(x.doc)));
  if (missing.length === 0) {
    return { covered: true, gaps: [] };
  }
  const names = missing.map((p) => `'${graph.productLabel(p.product)}'`).join(", ");
  gaps.push(missing.length > 1 ? `products ${names} have none` : `product ${names} has none`);
  return { covered: false, gaps };
}
