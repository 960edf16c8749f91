import { strict as assert } from "node:assert";
import { apimProductAiLimits as rule } from "../../policies/rules/apim/product-ai-limits";
import { types } from "../../policies/lib/types";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";
import {
  Shape,
  assertFindings,
  assertNone,
  gatewayStack,
  policyXml,
  res,
  teamPolicyXml,
  urnOf,
} from "./fixtures";

const quota = `<llm-token-limit counter-key="@(context.Subscription.Id)" token-quota="500000" token-quota-period="Monthly" estimate-prompt-tokens="false" />`;
const tpmOnly = `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="1000" estimate-prompt-tokens="false" />`;
const allowList = `<choose><when condition="@(!((string)context.Variables[&quot;requestedModel&quot;]).StartsWith(&quot;gpt-4.1&quot;))"><return-response><set-status code="403" reason="Forbidden" /></return-response></when></choose>`;
const denyOther = `<choose><when condition="@(context.Request.Method == &quot;GET&quot;)"><return-response><set-status code="403" /></return-response></when></choose>`;
const allow400 = `<choose><when condition="@(context.Request.MatchedParameters[&quot;deployment-id&quot;] == &quot;x&quot;)"><return-response><set-status code="400" /></return-response></when></choose>`;

for (const shape of ["plan", "export"] as Shape[]) {
  describe(`policy ${rule.name} (${shape} shape)`, () => {
    const compliant: [string, () => StackResourceCase[]][] = [
      [
        "a team product with an allow-list (rawxml) and a monthly quota",
        () => gatewayStack({ shape, productPolicy: teamPolicyXml(["gpt-4.1", "gpt-4.1-mini"]) }),
      ],
      [
        "an allow-list in xml format, testing a variable named after the model",
        () => gatewayStack({ shape, productPolicy: policyXml({ inbound: allowList + quota }) }),
      ],
      [
        "a product of non-AI APIs needs neither",
        () => gatewayStack({ shape, backendUrl: "https://orders.contoso.com", productPolicy: policyXml() }),
      ],
    ];
    for (const [what, build] of compliant) {
      it(`compliance: ${what}`, async () => assertNone(await judgeStack(rule, build())));
    }

    const broken: [string, () => StackResourceCase[], RegExp][] = [
      [
        "noncompliance 1: no product policy at all",
        () => gatewayStack({ shape, productPolicy: null }),
        /Product 'team-a' contains AI API 'inference' but it has no policy, so it lacks a model allow-list .* and a token quota/,
      ],
      [
        "noncompliance 2: a quota but no allow-list",
        () => gatewayStack({ shape, productPolicy: policyXml({ inbound: quota }) }),
        /its policy lacks a model allow-list \(an inbound <choose>[^)]*\)\.$/,
      ],
      [
        "noncompliance 3: an allow-list but tokens per minute only, no quota",
        () => gatewayStack({ shape, productPolicy: policyXml({ inbound: allowList + tpmOnly }) }),
        /its policy lacks a token quota/,
      ],
      [
        "noncompliance 4: a 403 that does not test the model",
        () => gatewayStack({ shape, productPolicy: policyXml({ inbound: denyOther + quota }) }),
        /lacks a model allow-list/,
      ],
      [
        "noncompliance 5: a model test that does not refuse with 403",
        () => gatewayStack({ shape, productPolicy: policyXml({ inbound: allow400 + quota }) }),
        /lacks a model allow-list/,
      ],
      [
        "noncompliance 6: the allow-list sits in outbound",
        () => gatewayStack({ shape, productPolicy: policyXml({ inbound: quota, outbound: allowList }) }),
        /lacks a model allow-list/,
      ],
    ];
    for (const [what, build, message] of broken) {
      it(what, async () => {
        const [f] = assertFindings(await judgeStack(rule, build()), message);
        assert.equal(f.urn, urnOf(types.apimProduct, "product"));
      });
    }
  });
}

describe(`policy ${rule.name} (preview and types)`, () => {
  it("does not crash on a product policy unknown during preview", async () => {
    assert.equal(
      await judgeStack(rule, gatewayStack({ shape: "export", productPolicy: unknown.string })),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge (workspace products)", async () => {
    assertNone(
      await judgeStack(rule, [
        ...gatewayStack({ shape: "plan", linked: false }),
        res("azure-native:apimanagement:WorkspaceProduct", "wp", { productId: "team-z" }),
        res("azure-native:apimanagement:WorkspaceProductApiLink", "wl", {
          productId: "team-z",
          apiId: "inference",
        }),
      ]),
    );
  });
});
