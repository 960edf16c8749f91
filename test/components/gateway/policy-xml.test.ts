import { strict as assert } from "node:assert";
import * as fc from "fast-check";
import {
  csString,
  el,
  emitTokenMetric,
  hasForbiddenXmlChar,
  inferenceApiPolicy,
  InferenceApiPolicyOptions,
  literal,
  PolicyInputError,
  renderXml,
  requestedModelCode,
  teamProductPolicy,
  TeamProductPolicyOptions,
  text,
  tokenLimit,
} from "../../../components/gateway/xml";
import {
  baseProblems,
  find,
  parsePolicy,
  PolicyNode,
  referenceProblems,
  section,
} from "../../helpers/policy-xml";

const routes = [
  { name: "gpt-4.1", model: "gpt-4.1", backendId: "pool-gpt-4-1" },
  { name: "gpt-4.1-ptu", model: "gpt-4.1", backendId: "pool-gpt-4-1" },
  {
    name: "text-embedding-3-small",
    model: "text-embedding-3-small",
    backendId: "pool-text-embedding-3-small",
  },
];
const api: InferenceApiPolicyOptions = { routes, retryCount: 2 };
const team: TeamProductPolicyOptions = {
  team: "search",
  allowedModels: ["gpt-4.1"],
  allowedNames: ["gpt-4.1", "gpt-4.1-ptu"],
  tokensPerMinute: 20000,
  tokenQuota: 1000000,
};

/** Parses and checks a document against the policy reference and the <base /> rule. */
function checked(xml: string): PolicyNode {
  const root = parsePolicy(xml);
  assert.deepEqual(referenceProblems(root), []);
  assert.deepEqual(baseProblems(root), []);
  return root;
}

describe("policy XML rendering", () => {
  it("escapes attribute values and text so expressions survive a parse unchanged", () => {
    const value = `@(a == "x" && b < 3 || c > 'd' \n)`;
    const root = parsePolicy(
      renderXml(
        el(
          "policies",
          {},
          el("inbound", {}, el("set-variable", { name: "v", value }), el("set-body", {}, text(value))),
        ),
      ),
    );
    const [v] = find(root, "set-variable");
    assert.equal(v.attrs.value, value);
    assert.equal(find(root, "set-body")[0].text, value.trim());
  });

  it("round-trips any string through attributes and text (property)", () => {
    const special = fc.string({
      unit: fc.constantFrom(
        '"',
        "'",
        "&",
        "<",
        ">",
        "\n",
        "\r",
        "\t",
        "@",
        "(",
        "{",
        "}",
        ";",
        "a",
        "é",
        "€",
      ),
    });
    const anyText = fc.string({ unit: "grapheme" }).filter((s) => !hasForbiddenXmlChar(s));
    const xmlChar = fc.oneof(special, anyText);
    fc.assert(
      fc.property(xmlChar, (s) => {
        const root = parsePolicy(
          renderXml(el("policies", {}, el("inbound", {}, el("set-variable", { name: "n", value: s })))),
        );
        assert.equal(find(root, "set-variable")[0].attrs.value, s);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses control characters XML cannot carry and invalid names", () => {
    assert.throws(() => renderXml(el("policies", { a: "\u0001" })), /control character/);
    assert.throws(() => el("Bad Name"), /not a policy element name/);
  });

  it("quotes C# string literals, and wraps literals the gateway would read as expressions", () => {
    assert.equal(csString(`a"b\\c\n`), `"a\\"b\\\\c\\n"`);
    assert.equal(literal("gpt-4.1"), "gpt-4.1");
    assert.equal(literal("@evil"), `@("@evil")`);
    assert.equal(literal("{{named}}"), `@("{{named}}")`);
  });
});

describe("inference API policy", () => {
  it("is well-formed, uses only reference elements and keeps <base /> (backend forwards inside retry)", () => {
    const root = checked(inferenceApiPolicy(api));
    const backend = section(root, "backend");
    assert.equal(backend.children[0].name, "retry");
    assert.deepEqual(
      backend.children[0].children.map((c) => c.name),
      ["set-backend-service", "forward-request"],
    );
    // What the condition decides is tested in reliability.test.ts.
    assert.match(backend.children[0].attrs.condition, /^@\(.*context\.Response\.StatusCode == 429/);
    assert.equal(backend.children[0].attrs.count, "2");
    assert.equal(backend.children[0].attrs["first-fast-retry"], "false");
    assert.equal(find(root, "forward-request")[0].attrs["buffer-request-body"], "true");
  });

  it("authenticates to the models with the gateway's managed identity, never a key", () => {
    const xml = inferenceApiPolicy(api);
    const root = checked(xml);
    assert.deepEqual(
      find(root, "authentication-managed-identity").map((n) => n.attrs.resource),
      ["https://cognitiveservices.azure.com"],
    );
    assert.equal(/api-key/i.test(xml), false);
  });

  it("routes every name to its pool and answers unknown models with a 400 JSON error", () => {
    const root = checked(inferenceApiPolicy(api));
    // The model routing: its branches set the routed model and the pool directly.
    const direct = (c: PolicyNode, name: string) =>
      c.children.some((v) => v.name === "set-variable" && v.attrs.name === name);
    const routing = find(root, "choose").find((c) =>
      c.children.some((w) => w.name === "when" && direct(w, "routedModel") && direct(w, "backendId")),
    );
    assert.ok(routing);
    const whens = routing.children.filter((c) => c.name === "when");
    assert.equal(whens.length, 2, "one branch per backend");
    const targetOf = (w: PolicyNode): string =>
      w.children.find((c) => c.attrs.name === "backendId")?.attrs.value ?? "";
    assert.deepEqual(whens.map(targetOf), ["pool-gpt-4-1", "pool-text-embedding-3-small"]);
    assert.match(whens[0].attrs.condition, /== "gpt-4\.1" \|\| .* == "gpt-4\.1-ptu"/);
    const otherwise = routing.children.find((c) => c.name === "otherwise") as PolicyNode;
    const [status] = find(otherwise, "set-status");
    assert.equal(status.attrs.code, "400");
    assert.equal(find(otherwise, "value")[0].text, "application/json");
    const body = find(otherwise, "set-body")[0].text;
    assert.match(body, /new JProperty\("code", "UnknownModel"\)/);
    assert.match(body, /new JArray\("gpt-4\.1", "text-embedding-3-small"\)/);
  });

  it("reads the requested model from deployment-id or the body's model, and rewrites the path to the deployment", () => {
    const root = checked(inferenceApiPolicy(api));
    const requested = find(root, "set-variable").find((v) => v.attrs.name === "requestedModel") as PolicyNode;
    assert.equal(requested.attrs.value, `@(${requestedModelCode})`);
    assert.match(requested.attrs.value, /MatchedParameters\["deployment-id"\]/);
    assert.match(requested.attrs.value, /\?\["model"\]/);
    assert.match(find(root, "rewrite-uri")[0].attrs.template, /^@\(context\.Operation\.UrlTemplate/);
    const version = find(root, "set-query-parameter")[0];
    assert.equal(version.attrs.name, "api-version");
    assert.match(find(version, "value")[0].text, /"2024-10-21"/);
  });

  it("rejects calls outside a product unless told not to", () => {
    const guarded = checked(inferenceApiPolicy(api));
    const guard = find(guarded, "when").find((w) => w.attrs.condition === "@(context.Product == null)");
    assert.equal(find(guard as PolicyNode, "set-status")[0].attrs.code, "403");
    const open = checked(inferenceApiPolicy({ ...api, requireProduct: false }));
    assert.equal(
      find(open, "when").filter((w) => w.attrs.condition === "@(context.Product == null)").length,
      0,
    );
  });

  it("emits token metrics with subscription, API, product, backend and model dimensions only when asked", () => {
    assert.equal(find(checked(inferenceApiPolicy(api)), "llm-emit-token-metric").length, 0);
    const root = checked(inferenceApiPolicy({ ...api, tokenMetricsNamespace: "ai-gateway" }));
    const [metric] = find(root, "llm-emit-token-metric");
    assert.equal(metric.attrs.namespace, "ai-gateway");
    assert.deepEqual(
      metric.children.map((d) => [d.attrs.name, d.attrs.value]),
      [
        ["Subscription ID", undefined],
        ["API ID", undefined],
        ["Product ID", undefined],
        ["Backend ID", undefined],
        ["Model", '@((string)context.Variables["routedModel"])'],
      ],
    );
  });

  it("adds the semantic cache lookup (inbound) and store (outbound) only when configured", () => {
    const off = checked(inferenceApiPolicy(api));
    assert.equal(
      find(off, "llm-semantic-cache-lookup").length + find(off, "llm-semantic-cache-store").length,
      0,
    );
    const root = checked(
      inferenceApiPolicy({
        ...api,
        semanticCache: { embeddingsBackendId: "embeddings-main", scoreThreshold: 0.05, durationSeconds: 600 },
      }),
    );
    const [lookup] = find(section(root, "inbound"), "llm-semantic-cache-lookup");
    assert.deepEqual(lookup.attrs, {
      "score-threshold": "0.05",
      "embeddings-backend-id": "embeddings-main",
      "embeddings-backend-auth": "system-assigned",
    });
    assert.equal(lookup.children.filter((c) => c.name === "vary-by").length, 2);
    assert.equal(find(section(root, "outbound"), "llm-semantic-cache-store")[0].attrs.duration, "600");
  });

  it("adds content safety only when configured", () => {
    assert.equal(find(checked(inferenceApiPolicy(api)), "llm-content-safety").length, 0);
    const root = checked(
      inferenceApiPolicy({
        ...api,
        contentSafety: {
          backendId: "content-safety",
          categories: { Hate: 4, Violence: 2 },
          blocklists: ["bl"],
        },
      }),
    );
    const [cs] = find(root, "llm-content-safety");
    assert.equal(cs.attrs["backend-id"], "content-safety");
    assert.equal(cs.attrs["shield-prompt"], "true");
    assert.deepEqual(
      find(cs, "category").map((c) => [c.attrs.name, c.attrs.threshold]),
      [
        ["Hate", "4"],
        ["Violence", "2"],
      ],
    );
    assert.equal(find(cs, "id")[0].text, "bl");
  });

  it("escapes route names with quotes and ampersands inside the C# expressions", () => {
    const odd = '"weird" & <name>';
    const root = checked(
      inferenceApiPolicy({ routes: [{ name: odd, model: "m", backendId: "pool-m" }], retryCount: 1 }),
    );
    const when = find(root, "when").find((w) => w.attrs.condition.includes("weird")) as PolicyNode;
    assert.equal(when.attrs.condition, `@((string)context.Variables["requestedModel"] == ${csString(odd)})`);
  });

  it("refuses an empty or ambiguous route table and an out-of-range retry count, listing every problem", () => {
    const err = ((): unknown => {
      try {
        inferenceApiPolicy({
          routes: [
            { name: "x", model: "a", backendId: "pool-a" },
            { name: "x", model: "b", backendId: "pool-b" },
          ],
          retryCount: 0,
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof PolicyInputError);
    assert.equal(err.problems.length, 2);
    assert.match(err.message, /'x' routes both to 'a'/);
    assert.match(err.message, /retry count 0/);
    assert.throws(() => inferenceApiPolicy({ routes: [], retryCount: 1 }), /no routes/);
  });
});

describe("team product policy", () => {
  it("is well-formed, keeps <base /> in every section and uses only reference elements", () => {
    const root = checked(teamProductPolicy(team));
    assert.equal(section(root, "backend").children[0].name, "base");
  });

  it("refuses models outside the allow-list with 403 and a JSON error, before spending tokens", () => {
    const root = checked(teamProductPolicy(team));
    const inbound = section(root, "inbound");
    // Only calls that name a model: chat completions, embeddings and Responses creations.
    const [modelCalls] = find(inbound, "when");
    assert.match(modelCalls.attrs.condition, /context\.Operation\.Id == "v1-responses-create"/);
    assert.doesNotMatch(modelCalls.attrs.condition, /v1-files|v1-batches|v1-responses-get/);
    const names = modelCalls.children.map((c) => c.name);
    assert.ok(names.indexOf("choose") < names.indexOf("llm-token-limit"));
    const [, when] = find(inbound, "when");
    assert.equal(
      when.attrs.condition,
      '@(!((string)context.Variables["requestedModel"] == "gpt-4.1" || (string)context.Variables["requestedModel"] == "gpt-4.1-ptu"))',
    );
    assert.equal(find(when, "set-status")[0].attrs.code, "403");
    assert.match(find(when, "set-body")[0].text, /"ModelNotAllowed"/);
    assert.match(find(when, "set-body")[0].text, /Team 'search' may not call model '/);
  });

  it("limits tokens per minute and per month for the whole product, with remaining-token headers", () => {
    const [limit] = find(checked(teamProductPolicy(team)), "llm-token-limit");
    assert.deepEqual(limit.attrs, {
      "counter-key": "@(context.Product.Id)",
      "tokens-per-minute": "20000",
      "token-quota": "1000000",
      "token-quota-period": "Monthly",
      "estimate-prompt-tokens": "true",
      "remaining-tokens-header-name": "x-ratelimit-remaining-tokens",
      "remaining-quota-tokens-header-name": "x-quota-remaining-tokens",
      "tokens-consumed-header-name": "x-tokens-consumed",
    });
    const noEstimate = find(
      checked(teamProductPolicy({ ...team, estimatePromptTokens: false })),
      "llm-token-limit",
    );
    assert.equal(noEstimate[0].attrs["estimate-prompt-tokens"], "false");
  });

  it("refuses a team with no allowed model", () => {
    assert.throws(
      () => teamProductPolicy({ ...team, allowedModels: [], allowedNames: [] }),
      /allows no model/,
    );
  });
});

describe("policy fragments validate their inputs", () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      "token limit without limit",
      () => tokenLimit({ counterKey: "k", estimatePromptTokens: true }),
      /set tokens-per-minute/,
    ],
    [
      "quota without period",
      () => tokenLimit({ counterKey: "k", tokenQuota: 5, estimatePromptTokens: true }),
      /go together/,
    ],
    [
      "fractional tokens per minute",
      () => tokenLimit({ counterKey: "k", tokensPerMinute: 1.5, estimatePromptTokens: true }),
      /whole number/,
    ],
    [
      "expression in a header name",
      () =>
        tokenLimit({
          counterKey: "k",
          tokensPerMinute: 5,
          estimatePromptTokens: true,
          remainingTokensHeaderName: "@(x)",
        }),
      /not an HTTP header name/,
    ],
    ["metric without dimensions", () => emitTokenMetric("ns", []), /0 dimensions/],
    ["custom dimension without value", () => emitTokenMetric("ns", [{ name: "Team" }]), /needs a value/],
    [
      "six dimensions",
      () =>
        emitTokenMetric(
          "ns",
          ["a", "b", "c", "d", "e", "f"].map((n) => ({ name: n, value: "v" })),
        ),
      /1 to 5/,
    ],
    [
      "cache threshold above 1",
      () =>
        inferenceApiPolicy({
          ...api,
          semanticCache: { embeddingsBackendId: "e", scoreThreshold: 1.5, durationSeconds: 10 },
        }),
      /score-threshold 1.5/,
    ],
    [
      "content safety threshold 9",
      () => inferenceApiPolicy({ ...api, contentSafety: { backendId: "cs", categories: { Hate: 9 } } }),
      /threshold 9/,
    ],
  ];
  for (const [name, build, message] of cases) {
    it(`refuses ${name}`, () => assert.throws(build, message));
  }
});
