/** The eval tool's pure parts: dataset lines, evaluators, the judge's reply, retry waits, options, the sampling query. */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { evaluationSampleQuery } from "../../../components/observability/eval-sample-query";
import { normalizeEndpoint, parseEvalArgs } from "../../../cli/eval/args";
import { DatasetItem, parseDataset } from "../../../cli/eval/dataset";
import { buildEvaluators, parseEvaluatorSpecs } from "../../../cli/eval/evaluator-config";
import {
  contains,
  exactMatch,
  jsonSchema,
  jsonValid,
  lengthBounds,
  regex,
} from "../../../cli/eval/evaluators";
import { judgePrompt, parseJudgeReply } from "../../../cli/eval/judge";
import { percentile } from "../../../cli/eval/metrics";
import { retryAfterMs, retryDelayMs } from "../../../cli/eval/retry";
import { InputError } from "../../../cli/errors";

const item = (over: Partial<DatasetItem> = {}): DatasetItem => ({
  id: "1",
  line: 1,
  messages: [
    { role: "system", content: "Paris is the capital of France." },
    { role: "user", content: "Capital of France?" },
  ],
  ...over,
});
const signal = new AbortController().signal;

describe("eval dataset", () => {
  it("reads JSON lines, skipping blank ones, and hashes the text", () => {
    const d = parseDataset(
      '{"id":1,"messages":[{"role":"user","content":"hi"}],"expected":"yo"}\n\n{"id":"b","messages":[{"role":"user","content":"x"}]}\n',
      "d.jsonl",
    );
    assert.deepEqual(
      d.items.map((i) => [i.id, i.line]),
      [
        ["1", 1],
        ["b", 3],
      ],
    );
    assert.match(d.sha256, /^[0-9a-f]{64}$/);
  });

  it("reports every bad line with its number and what is wrong", () => {
    const text = [
      '{"id":"a","messages":[{"role":"user","content":"ok"}]}',
      "{not json",
      '{"id":"b"}',
      '{"id":"a","messages":[{"role":"user","content":"dup"}]}',
      '{"id":"c","messages":[{"role":"robot","content":"x"}]}',
      '{"id":"d","messages":[{"role":"user","content":"x"}],"schema":{"type":"nope"}}',
    ].join("\n");
    assert.throws(
      () => parseDataset(text, "d.jsonl"),
      (e: Error) => {
        assert.ok(e instanceof InputError);
        assert.match(e.message, /^d\.jsonl: 5 bad dataset lines:/);
        assert.match(e.message, /line 2: not valid JSON/);
        assert.match(e.message, /line 3: messages: /);
        assert.match(e.message, /line 4: id: "a" is already used on line 1/);
        assert.match(e.message, /line 5: messages\.0\.role: /);
        assert.match(e.message, /line 6: schema: not a valid JSON schema/);
        return true;
      },
    );
    assert.throws(() => parseDataset("\n\n", "e.jsonl"), /has no items/);
  });
});

describe("eval evaluators", () => {
  it("exact match, contains and regex score 1 or 0 with a reason, and skip items without an expectation", () => {
    assert.equal(exactMatch()(item({ expected: "Paris" }), " Paris\n")?.score, 1);
    assert.equal(exactMatch()(item({ expected: "Paris" }), "paris")?.score, 0);
    assert.equal(exactMatch({ ignoreCase: true })(item({ expected: "Paris" }), "paris")?.score, 1);
    assert.equal(exactMatch()(item(), "Paris"), null);
    assert.equal(contains({ values: ["Paris", "France"] })(item(), "Paris, France")?.score, 1);
    assert.match(contains({ values: ["Paris", "Lyon"] })(item(), "Paris")?.reason ?? "", /missing "Lyon"/);
    assert.equal(contains({ values: ["Paris", "Lyon"], all: false })(item(), "Paris")?.score, 1);
    assert.equal(regex(/^\d+$/)(item(), "42").score, 1);
  });

  it("JSON validity, schema conformance (ajv) and length bounds", () => {
    assert.equal(jsonValid()(item(), '{"a":1}').score, 1);
    assert.match(jsonValid()(item(), "{a").reason, /not JSON/);
    const schema = { type: "object", required: ["city"], properties: { city: { type: "string" } } };
    assert.equal(jsonSchema()(item({ schema }), '{"city":"Paris"}')?.score, 1);
    assert.match(
      jsonSchema()(item({ schema }), '{"town":1}')?.reason ?? "",
      /must have required property 'city'/,
    );
    assert.equal(jsonSchema()(item(), "{}"), null, "no schema, no score");
    assert.equal(lengthBounds({ max: 3, unit: "words" })(item(), "one two three").score, 1);
    assert.match(lengthBounds({ min: 10 })(item(), "short").reason, /5 characters, fewer than 10/);
  });

  it("loads custom evaluators from CommonJS, ES and TypeScript modules and checks what they return", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-custom-"));
    fs.writeFileSync(
      path.join(dir, "tone.js"),
      "module.exports = (item, output) => ({ score: output.includes('please') ? 1 : 0.25, reason: 'tone' });\n",
    );
    fs.writeFileSync(
      path.join(dir, "polite.mjs"),
      "export default (item, output) => (output.endsWith('.') ? { score: 1, reason: 'ends well' } : null);\n",
    );
    fs.writeFileSync(
      path.join(dir, "bad.ts"),
      "export const grade = (_item: unknown, _output: string): unknown => ({ score: 7 });\n",
    );
    const specs = parseEvaluatorSpecs(
      "evaluators:\n  - { type: custom, name: tone, module: ./tone.js }\n  - { type: custom, name: bad, module: ./bad.ts, export: grade }\n  - { type: custom, name: polite, module: ./polite.mjs }\n",
      "e.yaml",
    );
    const [tone, bad, polite] = await buildEvaluators(specs, dir, undefined);
    assert.deepEqual(await polite.evaluate(item(), "Done.", signal), { score: 1, reason: "ends well" });
    assert.equal(await polite.evaluate(item(), "Done", signal), null, "null: does not apply");
    assert.deepEqual(await tone.evaluate(item(), "yes please", signal), { score: 1, reason: "tone" });
    assert.equal((await tone.evaluate(item(), "no", signal))?.score, 0.25);
    assert.equal(tone.passScore, 0.5);
    await assert.rejects(() => bad.evaluate(item(), "x", signal), /expected \{ score: a number from 0 to 1/);
  });

  it("refuses a bad evaluators file with the entry and the allowed values", () => {
    assert.throws(
      () => parseEvaluatorSpecs("evaluators:\n  - { type: fuzzy }\n", "e.yaml"),
      /evaluators\[0\]\.type: .*\nallowed types: exact-match, contains/,
    );
    assert.throws(
      () => parseEvaluatorSpecs("evaluators:\n  - { type: regex, pattern: '(' }\n", "e.yaml"),
      /evaluators\[0\]\.pattern: /,
    );
    assert.throws(
      () =>
        parseEvaluatorSpecs("evaluators:\n  - { type: json-valid }\n  - { type: json-valid }\n", "e.yaml"),
      /give each evaluator its own name/,
    );
  });

  it("the LLM judge sees the question, the context and the answer, and its 1-5 reply maps to 0..1", () => {
    const [system, user] = judgePrompt(
      "Groundedness",
      item({ metadata: { referenceAnswer: "Paris" } }),
      "Lyon",
    );
    assert.match(system.content, /Rubric: Groundedness/);
    assert.match(
      user.content,
      /QUESTION:\nCapital of France\?\n\nCONTEXT:\nParis is the capital of France\.\n\nREFERENCE ANSWER:\nParis\n\nANSWER:\nLyon/,
    );
    assert.deepEqual(parseJudgeReply('Sure: {"score": 4, "reason": "mostly"}'), {
      score: 0.75,
      reason: "judge 4/5: mostly",
    });
    assert.throws(() => parseJudgeReply('{"score": 9}'), /did not answer/);
  });
});

describe("eval retries, percentiles and options", () => {
  it("waits what retry-after-ms or Retry-After (seconds or HTTP date) ask, else backs off exponentially", () => {
    const now = Date.parse("2026-12-03T00:00:00Z");
    assert.equal(retryAfterMs({ "retry-after-ms": "250", "retry-after": "9" }, now), 250);
    assert.equal(retryAfterMs({ "Retry-After": "2" }, now), 2000);
    assert.equal(retryAfterMs({ "retry-after": "Thu, 03 Dec 2026 00:00:03 GMT" }, now), 3000);
    assert.equal(retryAfterMs({}, now), undefined);
    const noHint = { message: "", aborted: false, retryable: true };
    assert.deepEqual(
      [1, 2, 3, 6].map((n) => retryDelayMs(noHint, n)),
      [500, 1000, 2000, 8000],
    );
  });

  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.deepEqual(
      [50, 95, 99].map((p) => percentile(values, p)),
      [50, 95, 99],
    );
    assert.equal(percentile([7], 95), 7);
  });

  it("checks options and names the flag, the value and what is allowed", () => {
    const base = [
      "--dataset",
      "d.jsonl",
      "--endpoint",
      "https://x.cognitiveservices.azure.com/",
      "--deployment",
      "gpt-5-mini",
    ];
    assert.equal(parseEvalArgs(base, {}).endpoint, "https://x.cognitiveservices.azure.com");
    assert.equal(normalizeEndpoint("https://apim.azure-api.net/openai"), "https://apim.azure-api.net");
    assert.throws(() => normalizeEndpoint("http://apim.azure-api.net"), /must be https/);
    assert.throws(
      () => parseEvalArgs([...base, "--auth", "key"], {}),
      /AZURE_OPENAI_API_KEY environment variable, which is not set/,
    );
    assert.throws(
      () => parseEvalArgs([...base, "--concurrency", "0"], {}),
      /--concurrency 0: expected a whole number from 1 to 64/,
    );
    assert.throws(
      () => parseEvalArgs([...base, "--model", "gpt-9"], {}),
      /--model gpt-9: not in the model catalog; known: .*gpt-5-mini/,
    );
    assert.throws(
      () => parseEvalArgs([...base, "--model", "gpt-5-mini", "--model-version", "1999-01-01"], {}),
      /not a catalog version of gpt-5-mini; known: 2025-08-07/,
    );
    assert.throws(() => parseEvalArgs([...base, "--thresholds", "t.yaml"], {}), /give --baseline/);
    assert.throws(() => parseEvalArgs(base.slice(2), {}), /eval needs --dataset/);
  });
});

describe("eval dataset sampling query", () => {
  it("reads the gateway's LLM log, keeps exchanges logged whole and projects dataset lines", () => {
    const q = evaluationSampleQuery(
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.ApiManagement/service/apim",
      {
        deployment: "gpt-5-mini",
        lookback: "7d",
        sampleSize: 50,
      },
    );
    assert.match(
      q,
      /^ApiManagementGatewayLlmLog\n\| where _ResourceId =~ "\/subscriptions\/s\/.*apim"\n\| where TimeGenerated > ago\(7d\)\n\| where DeploymentName == "gpt-5-mini"\n/,
    );
    assert.match(q, /by CorrelationId\n\| where Records == 1 /);
    assert.match(q, /\| sample 50\n/);
    assert.match(
      q,
      /bag_pack\("id", CorrelationId, "messages", parse_json\(Request\), "metadata", bag_pack\("referenceAnswer", Answer/,
    );
  });

  it("is the query docs/evaluate.md shows", () => {
    const docs = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "evaluate.md"), "utf8");
    const q = evaluationSampleQuery("<gateway resource id>", { deployment: "gpt-5-mini", lookback: "7d" });
    assert.ok(
      docs.includes(q),
      "docs/evaluate.md must show evaluationSampleQuery('<gateway resource id>', { deployment: 'gpt-5-mini', lookback: '7d' })",
    );
  });
});
