/**
 * Every way a request reaches an AI API: through products, through subscriptions scoped to the API
 * or to all APIs, without a key, per operation, through the global policy; and the rules built on
 * those paths (issue 15).
 */
import { types } from "../../policies/lib/types";
import { apimApiCallerAuthenticated } from "../../policies/rules/apim/api-caller-authenticated";
import { apimApiDefender } from "../../policies/rules/apim/api-defender";
import { apimApiTokenLimit } from "../../policies/rules/apim/api-token-limit";
import { apimBackendAuthenticated } from "../../policies/rules/apim/backend-authenticated";
import { apimBackendManagedIdentity } from "../../policies/rules/apim/backend-managed-identity";
import { apimSubscriptionScope } from "../../policies/rules/apim/subscription-scope";
import { judgeStack } from "../helpers/policy";
import {
  Shape,
  apiPolicyXml,
  assertFindings,
  assertNone,
  gatewayStack,
  policyXml,
  res,
  urnOf,
} from "./fixtures";

const tokenLimit = `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="1000" token-quota="100000" token-quota-period="Monthly" />`;
const allowList = `<choose><when condition="@(!new [] { &quot;gpt-4.1-mini&quot; }.Contains((string)context.Request.MatchedParameters[&quot;deployment-id&quot;]))"><return-response><set-status code="403" /></return-response></when></choose>`;
const productGuard = `<choose><when condition="@(context.Product == null)"><return-response><set-status code="403" reason="Forbidden" /></return-response></when></choose>`;

const subscription = (name: string, scope: string, extra: Record<string, unknown> = {}) =>
  res(types.apimSubscription, name, { serviceName: "apim-x", sid: name, scope, ...extra });

for (const shape of ["plan", "export"] as Shape[]) {
  describe(`request paths to an AI API (${shape} shape)`, () => {
    it("compliance: every path is a product with a token limit", async () =>
      assertNone(
        await judgeStack(
          apimApiTokenLimit,
          gatewayStack({ shape, extra: [subscription("team-a-key", "/products/team-a")] }),
        ),
      ));

    it("noncompliance: a subscription scoped to the API reaches it outside the product", async () =>
      assertFindings(
        await judgeStack(
          apimApiTokenLimit,
          gatewayStack({ shape, extra: [subscription("direct", "/apis/inference")] }),
        ),
        /subscription 'direct' scoped to the API: such requests reach it outside any product/,
      ));

    it("noncompliance: a subscription scoped to all APIs (full ARM id) reaches it outside the product", async () =>
      assertFindings(
        await judgeStack(
          apimApiTokenLimit,
          gatewayStack({
            shape,
            extra: [
              subscription(
                "master",
                "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim-x/apis",
              ),
            ],
          }),
        ),
        /subscription 'master' scoped to all APIs/,
      ));

    it("a suspended subscription cannot call and opens no path", async () =>
      assertNone(
        await judgeStack(
          apimApiTokenLimit,
          gatewayStack({ shape, extra: [subscription("old", "/apis", { state: "suspended" })] }),
        ),
      ));

    it("an API that refuses requests outside a product closes the subscription paths", async () =>
      assertNone(
        await judgeStack(
          apimApiTokenLimit,
          gatewayStack({
            shape,
            apiPolicy: policyXml({
              inbound: `${productGuard}<set-backend-service backend-id="aoai-main" />`,
            }),
            extra: [subscription("direct", "/apis/inference")],
          }),
        ),
      ));

    it("noncompliance: an operation policy that drops <base /> escapes the API's limit", async () => {
      const api = urnOf(types.apimApi, "api");
      const findings = await judgeStack(
        apimApiTokenLimit,
        gatewayStack({
          shape,
          linked: false,
          apiPolicy: policyXml({ inbound: `<set-backend-service backend-id="aoai-main" />${tokenLimit}` }),
          extra: [
            res(
              types.apimApiOperationPolicy,
              "op-policy",
              {
                serviceName: "apim-x",
                apiId: "inference",
                operationId: "chat",
                value:
                  "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>",
              },
              { propertyDependencies: { apiId: [api] } },
            ),
          ],
        }),
      );
      assertFindings(findings, /operation policy 'op-policy' has none and drops <base \/> from inbound/);
    });

    it("noncompliance: the global limit does not reach through a product policy without <base />", async () =>
      assertFindings(
        await judgeStack(
          apimApiTokenLimit,
          gatewayStack({
            shape,
            productPolicy:
              "<policies><inbound /><backend><base /></backend><outbound /><on-error /></policies>",
            extra: [
              res(types.apimPolicy, "global", {
                serviceName: "apim-x",
                value: policyXml({ inbound: tokenLimit }),
              }),
            ],
          }),
        ),
        /product 'team-a' has none/,
      ));

    it("noncompliance: an API policy without <base /> cuts off the products' managed identity", async () =>
      assertFindings(
        await judgeStack(
          apimBackendManagedIdentity,
          gatewayStack({
            shape,
            apiPolicy: `<policies><inbound><set-backend-service backend-id="aoai-main" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>`,
            productPolicy: policyXml({
              inbound: `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />${tokenLimit}`,
            }),
          }),
        ),
        /drops <base \/> from inbound, so no product or global policy applies/,
      ));
  });

  describe(`policy ${apimSubscriptionScope.name} (${shape} shape)`, () => {
    const rule = apimSubscriptionScope;
    it("compliance: subscriptions scoped to products", async () =>
      assertNone(
        await judgeStack(
          rule,
          gatewayStack({ shape, extra: [subscription("team-a-key", "/products/team-a")] }),
        ),
      ));
    it("compliance: an API-scoped key to an AI API whose own policy holds the allow-list and quota", async () =>
      assertNone(
        await judgeStack(
          rule,
          gatewayStack({
            shape,
            apiPolicy: policyXml({
              inbound: `<set-backend-service backend-id="aoai-main" />${allowList}${tokenLimit}`,
            }),
            extra: [subscription("direct", "/apis/inference")],
          }),
        ),
      ));
    it("noncompliance 1: a subscription scoped to all APIs", async () =>
      assertFindings(
        await judgeStack(rule, gatewayStack({ shape, extra: [subscription("master", "/apis")] })),
        /'master' is scoped to all APIs/,
      ));
    it("noncompliance 2: an API-scoped key bypasses the team product's limits", async () =>
      assertFindings(
        await judgeStack(rule, gatewayStack({ shape, extra: [subscription("direct", "/apis/inference")] })),
        /'direct' is scoped to API 'inference'.*bypasses the product policies.*a model allow-list or a token limit with a quota/,
      ));
  });

  describe(`policy ${apimApiCallerAuthenticated.name} (${shape} shape)`, () => {
    const rule = apimApiCallerAuthenticated;
    const keyless = (apiPolicy: string) =>
      gatewayStack({ shape, apiPolicy }).map((r) =>
        r.type === types.apimApi ? { ...r, props: { ...r.props, subscriptionRequired: false } } : r,
      );
    it("compliance: keys required (Azure's default)", async () =>
      assertNone(await judgeStack(rule, gatewayStack({ shape }))));
    it("compliance: a keyless API that validates Entra ID tokens", async () =>
      assertNone(
        await judgeStack(rule, keyless(policyXml({ inbound: `<validate-azure-ad-token tenant-id="t" />` }))),
      ));
    it("noncompliance: a keyless API that validates nothing", async () =>
      assertFindings(
        await judgeStack(rule, keyless(apiPolicyXml())),
        /requires no subscription key.*anyone can call it/,
      ));
    it("the keyless path also counts for the token limit (no product applies to it)", async () =>
      assertFindings(
        await judgeStack(apimApiTokenLimit, keyless(apiPolicyXml())),
        /calls without a subscription key \(subscriptionRequired is false\): such requests reach it outside any product/,
      ));
  });

  describe(`policy ${apimBackendAuthenticated.name} (${shape} shape)`, () => {
    const rule = apimBackendAuthenticated;
    it("compliance: every path of the API that routes to it authenticates with the managed identity", async () =>
      assertNone(await judgeStack(rule, gatewayStack({ shape }))));
    it("compliance: a routed-to backend found through a variable in the policy expression", async () =>
      assertNone(
        await judgeStack(
          rule,
          gatewayStack({
            shape,
            apiPolicy: policyXml({
              inbound: `<set-variable name="backendId" value="aoai-main" /><authentication-managed-identity resource="https://cognitiveservices.azure.com" /><set-backend-service backend-id="@((string)context.Variables["backendId"])" />`,
            }),
          }),
        ),
      ));
    it("compliance: credentials on the backend itself", async () =>
      assertNone(
        await judgeStack(
          rule,
          gatewayStack({
            shape,
            apiPolicy: null,
            linked: false,
            backendCredentials: { authorization: { scheme: "Bearer", parameter: "{{token}}" } },
          }),
        ),
      ));
    /** A stack whose API only looks up a semantic cache with `aoai-main` as its embeddings backend. */
    const cacheLookup = (attributes: string) =>
      gatewayStack({
        shape,
        apiPolicy: policyXml({
          inbound: `<llm-semantic-cache-lookup score-threshold="0.05" embeddings-backend-id="aoai-main"${attributes} />`,
        }),
      });
    it("compliance: the embeddings backend of a semantic cache, called with the managed identity", async () =>
      assertNone(await judgeStack(rule, cacheLookup(` embeddings-backend-auth="system-assigned"`))));
    it("noncompliance 3: a semantic cache that does not name the managed identity for its embeddings backend", async () =>
      assertFindings(
        await judgeStack(rule, cacheLookup("")),
        /no API routes to it with an authentication policy/,
      ));
    it("noncompliance 1: no API routes to it and it has no credentials", async () =>
      assertFindings(
        await judgeStack(rule, gatewayStack({ shape, apiPolicy: null, linked: false })),
        /no API routes to it with an authentication policy/,
      ));
    it("noncompliance 2: the API routes to it without authenticating", async () =>
      assertFindings(
        await judgeStack(
          rule,
          gatewayStack({
            shape,
            apiPolicy: policyXml({ inbound: `<set-backend-service backend-id="aoai-main" />` }),
          }),
        ),
        /API 'inference' \(.*\) calls it without an authentication policy/,
      ));
  });

  describe(`policy ${apimApiDefender.name} (${shape} shape)`, () => {
    const rule = apimApiDefender;
    const api = urnOf(types.apimApi, "api");
    it("compliance: the API is onboarded to Defender for APIs", async () =>
      assertNone(
        await judgeStack(
          rule,
          gatewayStack({
            shape,
            extra: [
              res(
                types.apiCollection,
                "defender",
                { serviceName: "apim-x", apiId: "inference" },
                { propertyDependencies: { apiId: [api] } },
              ),
            ],
          }),
        ),
      ));
    it("compliance: a GraphQL API is not judged", async () =>
      assertNone(
        await judgeStack(
          rule,
          gatewayStack({ shape }).map((r) =>
            r.type === types.apimApi ? { ...r, props: { ...r.props, apiType: "graphql" } } : r,
          ),
        ),
      ));
    it("noncompliance: an API without an API collection", async () =>
      assertFindings(
        await judgeStack(rule, gatewayStack({ shape })),
        /API 'inference' is not onboarded to Defender for APIs/,
      ));
  });
}
