import { strict as assert } from "node:assert";
import {
  apimBackendManagedIdentity as rule,
  isApiKeyName,
} from "../../policies/rules/apim/backend-managed-identity";
import { types } from "../../policies/lib/types";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";
import { Shape, assertFindings, assertNone, gatewayStack, policyXml, res, urnOf } from "./fixtures";

const route = `<set-backend-service backend-id="aoai-main" />`;
const mi = `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />`;

for (const shape of ["plan", "export"] as Shape[]) {
  describe(`policy ${rule.name} (${shape} shape)`, () => {
    const compliant: [string, () => StackResourceCase[]][] = [
      ["managed identity in the API's policy", () => gatewayStack({ shape })],
      [
        "managed identity in the team product's policy, the client's api-key header removed",
        () =>
          gatewayStack({
            shape,
            apiPolicy: policyXml({ inbound: `${route}<set-header name="api-key" exists-action="delete" />` }),
            productPolicy: policyXml({ inbound: mi }),
          }),
      ],
      [
        "an API that fronts no AI backend needs no managed identity",
        () =>
          gatewayStack({
            shape,
            backendUrl: "https://orders.contoso.com",
            apiPolicy: policyXml({ inbound: route }),
          }),
      ],
    ];
    for (const [what, build] of compliant) {
      it(`compliance: ${what}`, async () => assertNone(await judgeStack(rule, build())));
    }

    const broken: [string, () => StackResourceCase[], RegExp, string][] = [
      [
        "noncompliance 1: no managed identity anywhere for an AI API",
        () => gatewayStack({ shape, apiPolicy: policyXml({ inbound: route }) }),
        /API 'inference' fronts an AI backend .* without an inbound <authentication-managed-identity>: the API's policy has none; product 'team-a' has none/,
        urnOf(types.apimApi, "api"),
      ],
      [
        "noncompliance 2: managed identity only in outbound",
        () => gatewayStack({ shape, apiPolicy: policyXml({ inbound: route, outbound: mi }) }),
        /without an inbound <authentication-managed-identity>/,
        urnOf(types.apimApi, "api"),
      ],
      [
        "noncompliance 3: a policy sets the api-key header",
        () =>
          gatewayStack({
            shape,
            apiPolicy: policyXml({
              inbound: `${route}${mi}<set-header name="api-key" exists-action="override"><value>{{aoai-key}}</value></set-header>`,
            }),
          }),
        /sets the header 'api-key'/,
        urnOf(types.apimApiPolicy, "api-policy"),
      ],
      [
        "noncompliance 4: a policy sets the api-key query parameter",
        () =>
          gatewayStack({
            shape,
            productPolicy: policyXml({
              inbound: `<set-query-parameter name="api-key"><value>x</value></set-query-parameter>`,
            }),
          }),
        /sets the query parameter 'api-key'/,
        urnOf(types.apimProductPolicy, "product-policy"),
      ],
      [
        "noncompliance 5: a named value named like an API key",
        () =>
          gatewayStack({
            shape,
            extra: [
              res(types.apimNamedValue, "nv", {
                namedValueId: "openai-api-key",
                displayName: "aoai",
                secret: true,
              }),
            ],
          }),
        /Named value 'openai-api-key' holds an API key/,
        urnOf(types.apimNamedValue, "nv"),
      ],
      [
        "noncompliance 6: a named value whose display name is an API key",
        () =>
          gatewayStack({
            shape,
            extra: [res(types.apimNamedValue, "nv", { name: "aoai", displayName: "AOAI_API_KEY" })],
          }),
        /Named value 'AOAI_API_KEY'/,
        urnOf(types.apimNamedValue, "nv"),
      ],
      [
        "noncompliance 7: backend credentials send an api-key header",
        () => gatewayStack({ shape, backendCredentials: { header: { "api-key": ["{{aoai-key}}"] } } }),
        /Backend 'aoai-main' sends a key in its credentials \(header 'api-key'\)/,
        urnOf(types.apimBackend, "backend"),
      ],
      [
        "noncompliance 8: backend credentials send an api-key query parameter",
        () => gatewayStack({ shape, backendCredentials: { query: { "Api-Key": ["x"] } } }),
        /query parameter 'Api-Key'/,
        urnOf(types.apimBackend, "backend"),
      ],
    ];
    for (const [what, build, message, urn] of broken) {
      it(what, async () => {
        const [f] = assertFindings(await judgeStack(rule, build()), message);
        assert.equal(f.urn, urn);
      });
    }
  });
}

describe(`policy ${rule.name} (preview, types, names)`, () => {
  it("does not crash on backend credentials unknown during preview", async () => {
    assert.equal(
      await judgeStack(rule, gatewayStack({ shape: "plan", backendCredentials: { header: unknown.object } })),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge (workspace named values)", async () => {
    assertNone(
      await judgeStack(rule, [
        res("azure-native:apimanagement:WorkspaceNamedValue", "ws", { displayName: "api-key" }),
      ]),
    );
  });

  it("recognises API-key names in their usual spellings", () => {
    assert.deepEqual(
      ["api-key", "API_KEY", "apiKey", "openai-api-key", "Authorization", "aoai-endpoint"].map(isApiKeyName),
      [true, true, true, true, false, false],
    );
  });
});
