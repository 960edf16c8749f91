/**
 * The API Management resources of a stack joined together: services, APIs, backends, products,
 * product–API links and the policy documents at each scope (global, product, API, operation).
 * Built once per stack rule from AnalyzeStack's resources (see `joins.ts` for how references are
 * followed on a plan and on a stack export).
 */
import { PolicyResource } from "@pulumi/policy";
import {
  PolicyDocument,
  XmlElement,
  anywhere,
  descendants,
  inSection,
  policyDocumentOf,
  sectionOf,
} from "./apim-xml";
import { ResourceIndex, azureName, pushTo, resolveRef } from "./joins";
import { apimPolicyTypes, types } from "./types";
import { asArray, asBoolean, asRecord, asString, lastSegment, sameName } from "./values";

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
  types.apimSubscription,
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

/** One way a request reaches an API; without `product`, no product policy applies on it. */
export interface RequestPath {
  /** How the request comes in, for messages. */
  readonly via: string;
  readonly product?: PolicyResource;
  readonly subscription?: PolicyResource;
}

const inactiveStates = new Set(["suspended", "cancelled", "expired", "rejected"]);

/** A subscription that can call (its `state` is not suspended, cancelled, expired or rejected). */
function isActive(sub: PolicyResource): boolean {
  const state = asString(sub.props.state)?.toLowerCase();
  return state === undefined || !inactiveStates.has(state);
}

/**
 * The backend ids a `set-backend-service` element routes to: its `backend-id` as written or, for a
 * policy expression that reads `context.Variables["x"]`, every literal value a `set-variable
 * name="x"` of the same document gives it. An expression that reads nothing known resolves to none.
 */
export function backendIdsOf(doc: PolicyDocument, el: XmlElement): string[] {
  const id = el.attributes["backend-id"];
  if (id === undefined) {
    return [];
  }
  if (!id.startsWith("@")) {
    return [id];
  }
  const names = [...id.matchAll(/context\.Variables\[\s*"([^"]+)"\s*\]/g)].map((m) => m[1]);
  return anywhere(doc, "set-variable")
    .filter((v) => names.includes(v.attributes.name ?? "") && !(v.attributes.value ?? "@").startsWith("@"))
    .map((v) => v.attributes.value);
}

/**
 * True when the document refuses requests that come in outside a product: an inbound `<choose>`
 * whose `<when>` tests `context.Product == null` and returns a response.
 */
export function refusesOutsideProducts(doc: PolicyDocument): boolean {
  return inSection(doc, "inbound", "choose").some((choose) =>
    choose.children.some(
      (w) =>
        w.name === "when" &&
        /context\.Product\s*==\s*null/.test(w.attributes.condition ?? "") &&
        descendants(w, "return-response").length > 0,
    ),
  );
}

/** True when the document's inbound section keeps `<base />`, so the broader scopes still apply. */
export function inheritsInbound(doc: PolicyDocument): boolean {
  return (
    doc.kind === "xml" && (sectionOf(doc.root, "inbound")?.children.some((c) => c.name === "base") ?? false)
  );
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
  /** Active subscriptions by what they are scoped to: an API's URN, or `*` for all APIs of a service. */
  private readonly subscriptionsByApi = new Map<string, PolicyResource[]>();
  private readonly allApiSubscriptions: PolicyResource[] = [];
  readonly subscriptions: readonly PolicyResource[];
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
          pushTo(this.productPolicies, p.urn, policy);
        }
      } else {
        const target = r.type === types.apimApiPolicy ? this.apiPolicies : this.operationPolicies;
        for (const a of this.ref(r, "apiId", this.apis)) {
          pushTo(target, a.urn, policy);
        }
      }
    }
    this.policies = policies;

    this.subscriptions = ofType(types.apimSubscription).filter(isActive);
    for (const sub of this.subscriptions) {
      const scope = this.scopeOf(sub);
      if (scope.kind === "all-apis") {
        this.allApiSubscriptions.push(sub);
      } else if (scope.kind === "api") {
        for (const a of scope.apis) {
          pushTo(this.subscriptionsByApi, a.urn, sub);
        }
      }
    }

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
          pushTo(this.productsByApi, a.urn, p);
          pushTo(this.apisByProduct, p.urn, a);
        }
      }
    }
  }

  /**
   * What a subscription is scoped to (`scope`: `/products/{id}`, `/apis/{id}`, `/apis` for all APIs,
   * or the full ARM id of one of those), through the resource its scope was computed from first.
   */
  scopeOf(
    sub: PolicyResource,
  ):
    | { readonly kind: "product"; readonly products: readonly PolicyResource[] }
    | { readonly kind: "api"; readonly apis: readonly PolicyResource[]; readonly id: string }
    | { readonly kind: "all-apis" }
    | { readonly kind: "unknown" } {
    const deps = sub.propertyDependencies?.scope ?? [];
    const apis = deps.filter((d) => this.apis.has(d));
    if (apis.length > 0) {
      return { kind: "api", apis, id: this.apiLabel(apis[0]) };
    }
    const products = deps.filter((d) => this.products.has(d));
    if (products.length > 0) {
      return { kind: "product", products };
    }
    const scope = asString(sub.props.scope)?.replace(/\/+$/, "") ?? "";
    const api = /\/apis(?:\/([^/]+))?$/i.exec(scope);
    if (api) {
      if (api[1] === undefined) {
        return { kind: "all-apis" };
      }
      return {
        kind: "api",
        apis: this.apis.named(api[1]).filter((a) => this.sameService(a, sub)),
        id: api[1],
      };
    }
    const product = /\/products\/([^/]+)$/i.exec(scope);
    if (product) {
      return {
        kind: "product",
        products: this.products.named(product[1]).filter((p) => this.sameService(p, sub)),
      };
    }
    return { kind: "unknown" };
  }

  /** Subscription name for messages. */
  subscriptionLabel(sub: PolicyResource): string {
    return azureName(sub, "sid") ?? sub.name;
  }

  /**
   * Every way a request reaches an API: through each product that contains it, through a
   * subscription scoped to the API itself or to all APIs (no product policy applies), and without a
   * subscription when the API does not require one (no product policy applies either).
   */
  requestPaths(api: PolicyResource): RequestPath[] {
    const paths: RequestPath[] = this.productsOf(api).map((product) => ({
      via: `product '${this.productLabel(product)}'`,
      product,
    }));
    for (const sub of this.subscriptionsByApi.get(api.urn) ?? []) {
      paths.push({
        via: `subscription '${this.subscriptionLabel(sub)}' scoped to the API`,
        subscription: sub,
      });
    }
    for (const sub of this.allApiSubscriptions.filter((s) => this.sameService(s, api))) {
      paths.push({
        via: `subscription '${this.subscriptionLabel(sub)}' scoped to all APIs`,
        subscription: sub,
      });
    }
    if (asBoolean(api.props.subscriptionRequired) === false) {
      paths.push({ via: "calls without a subscription key (subscriptionRequired is false)" });
    }
    return paths;
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
        const baseUrl = el.attributes["base-url"];
        if (isAiUrl(baseUrl)) {
          return `a policy sets its backend to ${hostOf(baseUrl)}`;
        }
        for (const backend of backendIdsOf(policy.doc, el).flatMap((id) =>
          this.backendsNamed(id, policy.resource),
        )) {
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
 * The policy documents that apply to a request that reaches an API outside any product: the API's
 * own policies and, unless they drop `<base />` from inbound, the global policy.
 */
export function outsideProductChain(graph: ApimGraph, api: PolicyResource): PolicyDocument[] {
  const scopes = graph.policiesOf(api);
  const inherits = scopes.api.length === 0 || scopes.api.some((p) => inheritsInbound(p.doc));
  return [...scopes.api.map((p) => p.doc), ...(inherits ? scopes.global.map((p) => p.doc) : [])];
}

/**
 * Whether every request path to an API (`ApimGraph.requestPaths`) meets a policy that satisfies
 * `holds`: on each path the operation's, the API's, the product's (on a product path) or the global
 * policy holds, and no narrower scope on the way drops `<base />` from its inbound section, which
 * would cut the broader ones off. With no path at all the API must hold by itself.
 */
export function coverage(
  graph: ApimGraph,
  api: PolicyResource,
  holds: (doc: PolicyDocument) => boolean,
): { readonly covered: boolean; readonly gaps: string[] } {
  const scopes = graph.policiesOf(api);
  const gaps: string[] = [];
  for (const op of scopes.operations) {
    if (!holds(op.doc) && op.doc.kind === "xml" && !inheritsInbound(op.doc)) {
      gaps.push(
        `operation policy '${op.resource.name}' has none and drops <base /> from inbound, so no broader policy reaches that operation`,
      );
    }
  }
  const apiHolds = scopes.api.some((p) => holds(p.doc));
  if (apiHolds) {
    return { covered: gaps.length === 0, gaps };
  }
  const apiCutsOff = scopes.api.length > 0 && !scopes.api.some((p) => inheritsInbound(p.doc));
  const globalHolds = scopes.global.some((p) => holds(p.doc));
  const productHolds = (product: PolicyResource): boolean => {
    const own = graph.policiesOfProduct(product);
    return (
      own.some((p) => holds(p.doc)) ||
      (globalHolds && (own.length === 0 || own.some((p) => inheritsInbound(p.doc))))
    );
  };
  // A policy that answers requests outside any product closes every path but the products'.
  const closed = outsideProductChain(graph, api).some(refusesOutsideProducts);
  const paths = graph.requestPaths(api).filter((p) => p.product || !closed);
  const failing = apiCutsOff
    ? paths
    : paths.filter((p) => (p.product ? !productHolds(p.product) : !globalHolds));
  if (failing.length === 0 && (paths.length > 0 || (globalHolds && !apiCutsOff))) {
    return { covered: gaps.length === 0, gaps };
  }
  if (scopes.api.length === 0) {
    gaps.push("the API has no policy of its own");
  } else if (scopes.api.some((p) => p.doc.kind === "link")) {
    gaps.push("the API's policy is given by link and cannot be inspected offline");
  } else if (scopes.api.some((p) => p.doc.kind === "malformed")) {
    gaps.push("the API's policy is not well-formed XML");
  } else {
    gaps.push(
      apiCutsOff
        ? "the API's policy has none and drops <base /> from inbound, so no product or global policy applies"
        : "the API's policy has none",
    );
  }
  if (paths.length === 0) {
    gaps.push("the API is in no product");
    return { covered: false, gaps };
  }
  if (apiCutsOff) {
    return { covered: false, gaps };
  }
  const products = failing
    .filter((p) => p.product)
    .map((p) => `'${graph.productLabel(p.product as PolicyResource)}'`);
  if (products.length > 0) {
    gaps.push(
      products.length > 1 ? `products ${products.join(", ")} have none` : `product ${products[0]} has none`,
    );
  }
  for (const p of failing.filter((x) => !x.product)) {
    gaps.push(`${p.via}: such requests reach it outside any product, where no product policy applies`);
  }
  return { covered: false, gaps };
}
