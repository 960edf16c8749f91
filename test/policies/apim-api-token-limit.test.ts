import { strict as assert } from "node:assert";
import { apimApiTokenLimit as rule } from "../../policies/rules/apim/api-token-limit";
import { types } from "../../policies/lib/types";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";
import {
  Shape,
  apiPolicyXml,
  assertFindings,
  assertNone,
  gatewayStack,
  policyXml,
  res,
  teamPolicyXml,
  urnOf,
} from "./fixtures";

const tokenLimit = `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="1000" estimate-prompt-tokens="true" />`;

for (const shape of ["plan", "export"] as Shape[]) {
  describe(`policy ${rule.name} (${shape} shape)`, () => {
    const compliant: [string, () => StackResourceCase[]][] = [
      ["a token limit in every product that contains the API", () => gatewayStack({ shape })],
      [
        "a token limit in the API's own policy, API in no product",
        () =>
          gatewayStack({
            shape,
            linked: false,
            apiPolicy: policyXml({ inbound: `<set-backend-service backend-id="aoai-main" />${tokenLimit}` }),
          }),
      ],
      [
        "the older azure-openai-token-limit in the global policy",
        () =>
          gatewayStack({
            shape,
            linked: false,
            extra: [
              res(types.apimPolicy, "global", {
                serviceName: "apim-x",
                value: `<policies><inbound><azure-openai-token-limit counter-key="x" tokens-per-minute="5" /></inbound></policies>`,
              }),
            ],
          }),
      ],
      [
        "an API that fronts no AI backend",
        () =>
          gatewayStack({
            shape,
            linked: false,
            backendUrl: "https://orders.contoso.com/api",
            apiPolicy: policyXml({ inbound: `<set-backend-service backend-id="aoai-main" />` }),
          }),
      ],
    ];
    for (const [what, build] of compliant) {
      it(`compliance: ${what}`, async () => assertNone(await judgeStack(rule, build())));
    }

    const broken: [string, () => StackResourceCase[], RegExp][] = [
      [
        "noncompliance 1: no token limit and the API is in no product",
        () => gatewayStack({ shape, linked: false }),
        /API 'inference' fronts an AI backend \(a policy routes it to backend 'aoai-main' at aif-main\.openai\.azure\.com\).*the API's policy has none; the API is in no product/,
      ],
      [
        "noncompliance 2: the product's policy has no token limit",
        () => gatewayStack({ shape, productPolicy: policyXml() }),
        /product 'team-a' has none/,
      ],
      [
        "noncompliance 3: the token limit sits in outbound, where it does nothing",
        () => gatewayStack({ shape, productPolicy: policyXml({ outbound: tokenLimit }) }),
        /product 'team-a' has none/,
      ],
      [
        "noncompliance 4: serviceUrl is an AI endpoint and nothing limits tokens",
        () =>
          gatewayStack({
            shape,
            apiPolicy: null,
            productPolicy: null,
            serviceUrl: "https://aif-main.cognitiveservices.azure.com/openai",
          }),
        /its serviceUrl points at aif-main\.cognitiveservices\.azure\.com.*the API has no policy of its own; product 'team-a' has none/,
      ],
      [
        "noncompliance 5: routed to a pool whose member is an AI backend",
        () =>
          gatewayStack({
            shape,
            linked: false,
            apiPolicy: policyXml({ inbound: `<set-backend-service backend-id="pool" />` }),
            extra: [
              res(types.apimBackend, "pool", {
                serviceName: "apim-x",
                backendId: "pool",
                type: "Pool",
                pool: { services: [{ id: "/backends/aoai-main", priority: 1 }] },
              }),
            ],
          }),
        /pool 'pool' containing backend 'aoai-main' at/,
      ],
      [
        "noncompliance 6: one of two products has no token limit",
        () =>
          gatewayStack({
            shape,
            extra: [
              res(types.apimProduct, "team-b", {
                serviceName: "apim-x",
                productId: "team-b",
                name: "team-b",
              }),
              res(types.apimProductApi, "link-b", {
                serviceName: "apim-x",
                productId: "team-b",
                apiId: "inference",
              }),
              res(types.apimProductPolicy, "team-b-policy", {
                serviceName: "apim-x",
                productId: "team-b",
                value: policyXml(),
              }),
            ],
          }),
        /product 'team-b' has none/,
      ],
      [
        "noncompliance 7: the API's policy is a link the pack cannot read",
        () =>
          gatewayStack({
            shape,
            linked: false,
            serviceUrl: "https://aif-main.openai.azure.com/openai",
            apiPolicy: null,
            extra: [
              res(types.apimApiPolicy, "linked", {
                serviceName: "apim-x",
                apiId: "inference",
                format: "rawxml-link",
                value: "https://contoso.blob.core.windows.net/p.xml",
              }),
            ],
          }),
        /given by link and cannot be inspected offline/,
      ],
    ];
    for (const [what, build, message] of broken) {
      it(what, async () => {
        const [f] = assertFindings(await judgeStack(rule, build()), message);
        assert.equal(f.urn, urnOf(types.apimApi, "api"));
      });
    }
  });
}

describe(`policy ${rule.name} (preview and types)`, () => {
  it("does not crash on a policy value unknown during preview", async () => {
    const stack = gatewayStack({ shape: "plan", productPolicy: unknown.string });
    assert.equal(await judgeStack(rule, stack), "unknown");
  });

  it("never reports a resource type it does not judge (workspace APIs)", async () => {
    assertNone(
      await judgeStack(rule, [
        res("azure-native:apimanagement:WorkspaceApi", "ws-api", {
          serviceUrl: "https://aif-main.openai.azure.com/openai",
          path: "x",
        }),
      ]),
    );
  });

  it("uses the API policy and team policy the gateway builds", async () => {
    assertNone(
      await judgeStack(
        rule,
        gatewayStack({ shape: "plan", apiPolicy: apiPolicyXml(), productPolicy: teamPolicyXml() }),
      ),
    );
  });
});
