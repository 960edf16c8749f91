/**
 * Builders for the policy tests: resources as the analyzer hands them to rules, an API Management
 * AI gateway in the two shapes stack rules must join (an offline plan, whose outputs carry the
 * inputs, and a `pulumi stack export`, whose outputs do not), and assertions on findings.
 */
import { strict as assert } from "node:assert";
import { types } from "../../policies/lib/types";
import { Finding, StackResourceCase } from "../helpers/policy";

export const urnOf = (type: string, name: string): string => `urn:pulumi:test::test::${type}::${name}`;

/** A resource of a stack case, with its URN derived from type and name. */
export function res(
  type: string,
  name: string,
  props: Record<string, unknown>,
  extra: Partial<StackResourceCase> = {},
): StackResourceCase {
  return { type, name, urn: urnOf(type, name), props, ...extra };
}

/** Asserts that a rule judged and found nothing. */
export function assertNone(findings: Finding[] | "unknown"): void {
  assert.deepEqual(findings, []);
}

/** Asserts exactly one finding per pattern, in any order; returns the findings. */
export function assertFindings(findings: Finding[] | "unknown", ...patterns: RegExp[]): Finding[] {
  assert.ok(findings !== "unknown", "the rule could not judge (unknown value)");
  assert.equal(
    findings.length,
    patterns.length,
    `expected ${patterns.length} finding(s), got: ${JSON.stringify(findings, null, 2)}`,
  );
  for (const p of patterns) {
    assert.ok(
      findings.some((f) => p.test(f.message)),
      `no finding matches ${p}: ${JSON.stringify(findings)}`,
    );
  }
  return findings;
}

/** A policy document with `<base />` in every section, plus the given inner XML per section. */
export function policyXml(
  sections: { inbound?: string; backend?: string; outbound?: string; onError?: string } = {},
) {
  return [
    "<policies>",
    `  <inbound><base />${sections.inbound ?? ""}</inbound>`,
    `  <backend>${sections.backend ?? "<base />"}</backend>`,
    `  <outbound><base />${sections.outbound ?? ""}</outbound>`,
    `  <on-error><base />${sections.onError ?? ""}</on-error>`,
    "</policies>",
  ].join("\n");
}

/** A compliant API policy: managed identity to the AI backend, routed to `backend`. */
export const apiPolicyXml = (backend = "aoai-main") =>
  policyXml({
    inbound: `<set-backend-service backend-id="${backend}" /><authentication-managed-identity resource="https://cognitiveservices.azure.com" />`,
    backend: `<retry count="2" interval="0" first-fast-retry="true" condition="@(context.Response.StatusCode == 429)"><forward-request buffer-request-body="true" /></retry>`,
  });

/** A compliant team (product) policy: model allow-list (403) and token quota, in rawxml form. */
export const teamPolicyXml = (models = ["gpt-4.1-mini"]) =>
  policyXml({
    inbound: [
      `<choose><when condition="@(!new [] { ${models.map((m) => `"${m}"`).join(", ")} }.Contains((string)context.Request.MatchedParameters["deployment-id"]))">`,
      `<return-response><set-status code="403" reason="Forbidden" /><set-body>{"error": "model not allowed"}</set-body></return-response>`,
      `</when></choose>`,
      `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="10000" token-quota="1000000" token-quota-period="Monthly" estimate-prompt-tokens="true" />`,
    ].join(""),
  });

export type Shape = "plan" | "export";

export interface GatewayOptions {
  readonly shape: Shape;
  /** XML of the API's own policy; null for none. */
  readonly apiPolicy?: string | null;
  /** XML of the team product's policy; null for none. */
  readonly productPolicy?: string | null;
  /** Whether the API is in the team product. @default true */
  readonly linked?: boolean;
  /** Backend URL. @default an Azure OpenAI endpoint */
  readonly backendUrl?: string;
  readonly backendCredentials?: Record<string, unknown>;
  readonly serviceUrl?: string;
  readonly extra?: readonly StackResourceCase[];
}

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai";

/**
 * An AI gateway: APIM service `apim-x`, backend `aoai-main`, API `inference` with a policy, product
 * `team-a` with a policy and the API linked to it. In the plan shape, props carry the inputs
 * (`serviceName`, `apiId`, `productId`); in the export shape only outputs (no input-only
 * properties) and joins go through propertyDependencies.
 */
export function gatewayStack(o: GatewayOptions): StackResourceCase[] {
  const plan = o.shape === "plan";
  const service = res(
    types.apimService,
    "apim",
    plan ? { serviceName: "apim-x", name: "apim-x" } : { name: "apim-x" },
  );
  const onService = { serviceName: [service.urn as string] };
  const backend = res(
    types.apimBackend,
    "backend",
    {
      ...(plan ? { serviceName: "apim-x", backendId: "aoai-main" } : {}),
      name: "aoai-main",
      url: o.backendUrl ?? "https://aif-main.openai.azure.com/openai",
      protocol: "http",
      ...(o.backendCredentials ? { credentials: o.backendCredentials } : {}),
    },
    { propertyDependencies: onService },
  );
  const api = res(
    types.apimApi,
    "api",
    {
      ...(plan ? { serviceName: "apim-x", apiId: "inference" } : {}),
      name: plan ? "api" : "inference",
      path: "inference/openai",
      protocols: ["https"],
      ...(o.serviceUrl ? { serviceUrl: o.serviceUrl } : {}),
    },
    { propertyDependencies: onService },
  );
  const product = res(
    types.apimProduct,
    "product",
    {
      ...(plan ? { serviceName: "apim-x", productId: "team-a" } : {}),
      name: plan ? "product" : "team-a",
      subscriptionRequired: true,
    },
    { propertyDependencies: onService },
  );
  const out: StackResourceCase[] = [service, backend, api, product];
  const apiPolicy = o.apiPolicy === undefined ? apiPolicyXml() : o.apiPolicy;
  if (apiPolicy !== null) {
    out.push(
      res(
        types.apimApiPolicy,
        "api-policy",
        {
          ...(plan ? { serviceName: "apim-x", apiId: "inference" } : {}),
          name: "policy",
          format: "rawxml",
          value: apiPolicy,
        },
        { propertyDependencies: plan ? onService : { ...onService, apiId: [api.urn as string] } },
      ),
    );
  }
  const productPolicy = o.productPolicy === undefined ? teamPolicyXml() : o.productPolicy;
  if (productPolicy !== null) {
    out.push(
      res(
        types.apimProductPolicy,
        "product-policy",
        {
          ...(plan ? { serviceName: "apim-x", productId: "team-a" } : {}),
          name: "policy",
          format: "rawxml",
          value: productPolicy,
        },
        { propertyDependencies: plan ? onService : { ...onService, productId: [product.urn as string] } },
      ),
    );
  }
  if (o.linked ?? true) {
    out.push(
      res(
        types.apimProductApiLink,
        "link",
        {
          ...(plan ? { serviceName: "apim-x", productId: "team-a" } : {}),
          apiId: `${sub}/providers/Microsoft.ApiManagement/service/apim-x/apis/inference`,
          name: "link",
        },
        { propertyDependencies: plan ? onService : { ...onService, productId: [product.urn as string] } },
      ),
    );
  }
  return [...out, ...(o.extra ?? [])];
}
