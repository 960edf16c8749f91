import { strict as assert } from "node:assert";
import { apimPolicyBase as rule } from "../../policies/rules/apim/policy-base";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone, policyXml } from "./fixtures";

const doc = (inbound: string, backend: string, outbound: string, onError: string | null) =>
  `<policies><inbound>${inbound}</inbound><backend>${backend}</backend><outbound>${outbound}</outbound>${
    onError === null ? "" : `<on-error>${onError}</on-error>`
  }</policies>`;
const forward = `<retry count="2" interval="0" condition="@(context.Response.StatusCode == 429)"><forward-request buffer-request-body="true" /></retry>`;

describe(`policy ${rule.name}`, () => {
  const compliant: [string, string, string][] = [
    ["an API policy with <base /> in every section", types.apimApiPolicy, policyXml()],
    [
      "a product policy whose backend forwards inside <retry>",
      types.apimProductPolicy,
      policyXml({ backend: forward }),
    ],
    [
      "an operation policy with <base /> after other elements",
      types.apimApiOperationPolicy,
      doc(`<set-variable name="a" value="b" /><base />`, "<base />", "<base />", "<base />"),
    ],
  ];
  for (const [what, type, value] of compliant) {
    it(`compliance: ${what}`, async () =>
      assertNone(await judgeResource(rule, { type, props: { value, format: "rawxml" } })));
  }

  const broken: [string, string, RegExp][] = [
    [
      "noncompliance 1: inbound without <base />",
      doc("", "<base />", "<base />", "<base />"),
      /<inbound> has no <base \/>/,
    ],
    [
      "noncompliance 2: outbound without <base />",
      doc("<base />", "<base />", "", "<base />"),
      /<outbound> has no <base \/>/,
    ],
    [
      "noncompliance 3: on-error missing",
      doc("<base />", "<base />", "<base />", null),
      /<on-error> is missing/,
    ],
    [
      "noncompliance 4: backend with neither <base /> nor forward-request",
      doc("<base />", `<set-header name="x"><value>y</value></set-header>`, "<base />", "<base />"),
      /<backend> has neither <base \/> nor its own <forward-request>/,
    ],
    [
      "noncompliance 5: <base /> only inside a comment",
      doc("<!-- <base /> -->", "<base />", "<base />", "<base />"),
      /<inbound> has no <base \/>/,
    ],
    [
      "noncompliance 6: <base /> nested, not a direct child",
      doc(`<choose><when condition="@(true)"><base /></when></choose>`, "<base />", "<base />", "<base />"),
      /<inbound> has no <base \/>/,
    ],
    ["noncompliance 7: not well-formed XML", "<policies><inbound><base /></inbound>", /not well-formed XML/],
  ];
  for (const [what, value, message] of broken) {
    it(what, async () =>
      assertFindings(await judgeResource(rule, { type: types.apimApiPolicy, props: { value } }), message),
    );
  }

  it("lists every broken section in one finding", async () => {
    const [f] = assertFindings(
      await judgeResource(rule, { type: types.apimProductPolicy, props: { value: doc("", "", "", null) } }),
      /inbound.*backend.*outbound.*on-error/,
    );
    assert.match(f.message, /^The policy does not inherit its parent scope: /);
  });

  it("does not judge policies given by link, nor the global policy", async () => {
    assertNone(
      await judgeResource(rule, {
        type: types.apimApiPolicy,
        props: { value: "https://x/p.xml", format: "xml-link" },
      }),
    );
    assertNone(
      await judgeResource(rule, { type: types.apimPolicy, props: { value: doc("", "", "", null) } }),
    );
  });

  it("does not crash on a value unknown during preview", async () => {
    assert.equal(
      await judgeResource(rule, { type: types.apimApiPolicy, props: { value: unknown.string } }),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, {
        type: "azure-native:apimanagement:WorkspaceApiPolicy",
        props: { value: doc("", "", "", null) },
      }),
    );
  });
});
