import { strict as assert } from "node:assert";
import {
  anywhere,
  escapeExpressions,
  parsePolicyXml,
  policyDocumentOf,
  sectionOf,
  tokenLimits,
} from "../../../policies/lib/apim-xml";

describe("policies/lib/apim-xml", () => {
  it("parses rawxml with unescaped expressions (quotes, generics, < inside strings)", () => {
    const doc = parsePolicyXml(
      [
        "<policies><inbound><base />",
        `<set-variable name="m" value="@(context.Variables.GetValueOrDefault<string>("a", "b)c"))" />`,
        `<set-body>@{ var s = "<x>"; if (1 < 2) { return s; } return @"a""b"; }</set-body>`,
        `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5" />`,
        "</inbound></policies>",
      ].join(""),
    );
    assert.equal(doc.kind, "xml");
    const setVariable = anywhere(doc, "set-variable")[0];
    assert.equal(setVariable.attributes.value, '@(context.Variables.GetValueOrDefault<string>("a", "b)c"))');
    assert.equal(tokenLimits(doc).length, 1);
  });

  it("parses the xml format (expressions already escaped) and ignores commented-out elements", () => {
    const doc = parsePolicyXml(
      `<policies><inbound><!-- <base /> --><set-header name="x"><value>@(context.Request.Headers.GetValueOrDefault(&quot;a&quot;, &quot;&quot;))</value></set-header></inbound></policies>`,
    );
    assert.equal(doc.kind, "xml");
    if (doc.kind === "xml") {
      const inbound = sectionOf(doc.root, "inbound");
      assert.deepEqual(
        inbound?.children.map((c) => c.name),
        ["set-header"],
      );
      assert.equal(
        inbound?.children[0].children[0].text,
        '@(context.Request.Headers.GetValueOrDefault("a", ""))',
      );
    }
  });

  it("reports malformed documents and a wrong root instead of throwing", () => {
    for (const [xml, error] of [
      ["<policies><inbound><base /></inbound>", /Unclosed tag 'policies'/],
      ["not xml", /not expected/],
      ["<policy />", /root element is <policy>/],
    ] as const) {
      const doc = parsePolicyXml(xml);
      assert.equal(doc.kind, "malformed", xml);
      assert.match(doc.kind === "malformed" ? doc.error : "", error);
    }
  });

  it("reads value and format: links are not fetched, empty values are missing", () => {
    assert.equal(policyDocumentOf({ value: "https://x/p.xml", format: "rawxml-link" }).kind, "link");
    assert.equal(policyDocumentOf({ value: " " }).kind, "missing");
    assert.equal(policyDocumentOf({ value: "<policies />" }).kind, "xml");
  });

  it("escapes only the expressions, balancing brackets outside C# literals", () => {
    assert.equal(
      escapeExpressions(`<a b="@(x("q)") < 3)" c="d" />`),
      `<a b="@(x(&quot;q)&quot;) &lt; 3)" c="d" />`,
    );
    assert.equal(escapeExpressions(`<v>@{ return '}'; }</v>`), `<v>@{ return &apos;}&apos;; }</v>`);
    assert.equal(escapeExpressions(`<v>user@contoso.com</v>`), `<v>user@contoso.com</v>`);
  });
});
