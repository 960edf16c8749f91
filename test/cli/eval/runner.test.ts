/**
 * The eval runner end to end in-process, against a fake OpenAI-compatible server on 127.0.0.1:
 * metrics, retries that honour Retry-After, failures kept in the report, the concurrency bound,
 * Ctrl-C, auth headers and API styles, baseline regressions and exit codes.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { findModel } from "../../../components/catalog/lookup";
import { parseReport } from "../../../components/evaluation/report";
import { EvalOptions } from "../../../cli/eval/args";
import { createChat } from "../../../cli/eval/client";
import { runEval } from "../../../cli/eval/eval";
import { completion, FakeOpenAI, FakeReply, FakeRequest } from "../../helpers/fake-openai";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-runner-"));

/** Writes a dataset of `n` items "q<i>" expecting "a<i>"; returns its path. */
function dataset(name: string, n: number): string {
  const file = path.join(dir, `${name}.jsonl`);
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `item-${i}`, messages: [{ role: "user", content: `q${i}` }], expected: `a${i}` }),
  );
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Answers "a<i>" to "q<i>" (correct), except the prompts in `wrong`. */
const answer =
  (wrong: readonly string[] = [], extra: (r: FakeRequest) => FakeReply | undefined = () => undefined) =>
  (r: FakeRequest): FakeReply =>
    extra(r) ?? {
      body: completion(wrong.includes(r.prompt) ? "nope" : r.prompt.replace("q", "a"), {
        input: 100,
        output: 20,
        cached: 40,
      }),
    };

const sink = () => {
  const chunks: string[] = [];
  const stream = {
    write: (c: string, cb?: () => void) => (chunks.push(c), cb?.(), true),
  } as unknown as NodeJS.WritableStream;
  return { stream, text: () => chunks.join("") };
};
const quietErr = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;

describe("eval runner against a fake OpenAI endpoint", () => {
  const server = new FakeOpenAI(answer());
  let endpoint = "";
  const options = (over: Partial<EvalOptions>): EvalOptions & { apiKey: string } => ({
    dataset: dataset("d6", 6),
    endpoint,
    deployment: "gpt-5-mini-canary",
    apiVersion: "v1",
    auth: "key",
    apiKey: "test-key",
    concurrency: 4,
    maxRetries: 3,
    timeoutMs: 5000,
    out: path.join(dir, "report.json"),
    model: "gpt-5-mini",
    modelVersion: "2025-08-07",
    deploymentType: "GlobalStandard",
    ...over,
  });
  const run = (over: Partial<EvalOptions> = {}, signal?: AbortSignal) => {
    const out = sink();
    return runEval(options(over), { stdout: out.stream, stderr: quietErr, signal }).then((r) => ({
      ...r,
      stdout: out.text(),
    }));
  };

  before(async () => {
    endpoint = await server.start();
  });
  after(() => server.stop());

  it("scores every answer and reports scores, pass rates, latency percentiles, tokens and catalog cost", async () => {
    server.setResponder(answer(["q1", "q4"]));
    const { report, exitCode, stdout } = await run();
    assert.equal(exitCode, 0);
    const exact = report.evaluators.find((e) => e.name === "exact-match");
    assert.deepEqual([exact?.scored, exact?.passed, exact?.mean], [6, 4, Number((4 / 6).toFixed(6))]);
    assert.equal(report.evaluators.find((e) => e.name === "json-schema")?.scored, 0, "no item has a schema");
    assert.deepEqual(report.tokens, { input: 600, cachedInput: 240, output: 120 });
    const p = findModel("gpt-5-mini")?.prices?.GlobalStandard?.value;
    assert.ok(p?.cachedInput !== undefined && p.output !== undefined);
    const total = (360 * p.input + 240 * p.cachedInput + 120 * p.output) / 1e6;
    assert.ok(Math.abs((report.cost.total ?? -1) - total) < 1e-9);
    assert.ok(Math.abs((report.cost.per1kRequests ?? -1) - (total / 6) * 1000) < 1e-6);
    const l = report.latencyMs;
    assert.ok(l && l.p50 <= l.p95 && l.p95 <= l.p99 && l.p99 <= l.max);
    assert.deepEqual(report.target.observedModels, ["gpt-5-mini-2025-08-07"]);
    assert.equal(report.items[1].scores["exact-match"]?.pass, false);
    assert.match(report.items[1].scores["exact-match"]?.reason ?? "", /expected "a1", got "nope"/);
    // The file on disk is a valid, versioned report.
    const onDisk = parseReport(fs.readFileSync(path.join(dir, "report.json"), "utf8"), "report.json");
    assert.equal(onDisk.summary.completed, 6);
    assert.match(stdout, /\| exact-match \| exact-match \| 66\.7 % \| 66\.7 % \| 6 \| 0 \|/);
  });

  it("retries 429s after the Retry-After the service asks for and counts them", async () => {
    server.setResponder(
      answer([], (r): FakeReply | undefined =>
        r.prompt === "q2" && r.repeat < 2
          ? { status: 429, headers: { "retry-after-ms": "60" }, body: { error: { message: "rate limited" } } }
          : r.prompt === "q3" && r.repeat < 1
            ? {
                status: 429,
                headers: { "retry-after": "0.05" },
                body: { error: { message: "rate limited" } },
              }
            : undefined,
      ),
    );
    const started = Date.now();
    const { report, exitCode } = await run();
    assert.equal(exitCode, 0);
    assert.deepEqual(
      [report.items[2].attempts, report.items[2].rateLimited, report.items[2].status],
      [3, 2, "completed"],
    );
    assert.deepEqual([report.items[3].attempts, report.items[3].rateLimited], [2, 1]);
    assert.deepEqual([report.summary.rateLimited, report.summary.retries, report.summary.failed], [3, 3, 0]);
    assert.ok(Date.now() - started >= 120, "two waits of 60 ms before q2's third attempt");
    const q2 = server.requests.filter((r) => r.prompt === "q2");
    assert.equal(q2.length, 3);
  });

  it("keeps going when a request fails: the failure is counted, the finished results are kept", async () => {
    server.setResponder(
      answer([], (r) =>
        r.prompt === "q0"
          ? { status: 400, body: { error: { message: "bad request" } } }
          : r.prompt === "q5"
            ? { status: 500, headers: { "retry-after-ms": "1" }, body: { error: { message: "boom" } } }
            : undefined,
      ),
    );
    const { report, exitCode, stdout } = await run({ maxRetries: 2 });
    assert.equal(exitCode, 0);
    assert.deepEqual([report.summary.completed, report.summary.failed], [4, 2]);
    assert.equal(report.summary.errorRate, Number((2 / 6).toFixed(6)));
    assert.equal(report.items[0].attempts, 1, "a 400 is not retried");
    assert.match(report.items[0].error ?? "", /^400 /);
    assert.equal(report.items[5].attempts, 3, "a 500 is retried up to --max-retries");
    assert.match(report.items[5].error ?? "", /gave up after 3 attempts/);
    assert.equal(report.evaluators[0].scored, 4, "failed items are not scored");
    assert.match(stdout, /\| item-0 \| 1 \| 400 /);
  });

  it("never has more requests in flight than --concurrency", async () => {
    server.setResponder((r) => ({ ...answer()(r), delayMs: 30 }));
    const { report } = await run({ dataset: dataset("d12", 12), concurrency: 3 });
    assert.equal(report.summary.completed, 12);
    assert.equal(server.maxInFlight, 3);
  });

  it("on interrupt writes the report of what finished and exits 130", async () => {
    server.setResponder((r) => ({
      ...answer()(r),
      delayMs: r.prompt === "q0" || r.prompt === "q1" ? 5 : 400,
    }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { report, exitCode } = await run(
      { dataset: dataset("d8", 8), concurrency: 2, out: path.join(dir, "interrupted.json") },
      controller.signal,
    );
    assert.equal(exitCode, 130);
    assert.equal(report.run.interrupted, true);
    assert.equal(report.summary.completed, 2);
    assert.equal(report.summary.notRun, 6);
    assert.equal(report.summary.failed, 0, "cancelled requests are not failures");
    const onDisk = parseReport(
      fs.readFileSync(path.join(dir, "interrupted.json"), "utf8"),
      "interrupted.json",
    );
    assert.equal(onDisk.summary.notRun, 6);
  });

  it("exits 1 on a regression against the baseline and 0 when within the thresholds", async () => {
    server.setResponder(answer());
    const baselineFile = path.join(dir, "baseline.json");
    assert.equal((await run({ out: baselineFile, modelVersion: "2025-08-07" })).exitCode, 0);
    server.setResponder(answer(["q3"]));
    const regressed = await run({ baseline: baselineFile, out: path.join(dir, "candidate.json") });
    assert.equal(regressed.exitCode, 1);
    assert.equal(regressed.comparison?.passed, false);
    assert.match(
      regressed.stdout,
      /\| quality: exact-match \| 100\.0 % \| 83\.3 % \| -16\.7 pts \| -2 pts \| \*\*REGRESSED\*\* \|/,
    );
    // The same drop within a looser per-evaluator limit passes.
    const thresholds = path.join(dir, "thresholds.yaml");
    fs.writeFileSync(thresholds, "evaluators:\n  exact-match: 20\nmaxP95LatencyIncreasePercent: null\n");
    const allowed = await run({ baseline: baselineFile, thresholds, out: path.join(dir, "candidate2.json") });
    assert.equal(allowed.exitCode, 0, allowed.stdout);
    assert.match(allowed.stdout, /no regression/);
  });

  it("runs an LLM judge on the judge deployment and reports its usage apart from the run's cost", async () => {
    server.setResponder((r) =>
      r.deployment === "judge"
        ? {
            body: completion(
              r.prompt.includes("ANSWER:\na0")
                ? '{"score": 5, "reason": "ok"}'
                : '{"score": 2, "reason": "off"}',
              { input: 50, output: 5 },
            ),
          }
        : answer()(r),
    );
    const evaluators = path.join(dir, "judge.yaml");
    fs.writeFileSync(
      evaluators,
      "evaluators:\n  - { type: llm-judge, name: relevance, rubric: relevance, deployment: judge }\n",
    );
    const { report } = await run({
      dataset: dataset("d2", 2),
      evaluators,
      out: path.join(dir, "judged.json"),
    });
    const relevance = report.evaluators[0];
    assert.deepEqual(
      [relevance.name, relevance.scored, relevance.passed, relevance.mean],
      ["relevance", 2, 1, 0.625],
    );
    assert.deepEqual(report.judge, {
      deployment: "judge",
      requests: 2,
      failed: 0,
      tokens: { input: 100, cachedInput: 0, output: 10 },
    });
    assert.deepEqual(report.tokens.input, 200, "the judge's tokens are not the run's");
  });

  it("exits 1 when no request succeeds", async () => {
    server.setResponder(() => ({ status: 401, body: { error: { message: "unauthorized" } } }));
    const { exitCode, report } = await run({ out: path.join(dir, "denied.json") });
    assert.equal(exitCode, 1);
    assert.equal(report.summary.failed, 6);
  });

  it("v1 sends the deployment in the body and the key in api-key only; a dated version uses the Azure path", async () => {
    server.setResponder(answer());
    await run({ dataset: dataset("d1", 1) });
    const [v1] = server.requests;
    assert.equal(v1.path, "/openai/v1/chat/completions");
    assert.equal(v1.body.model, "gpt-5-mini-canary");
    assert.equal(v1.headers["api-key"], "test-key");
    assert.equal(v1.headers.authorization, undefined);
    server.setResponder(answer());
    await run({ dataset: dataset("d1", 1), apiVersion: "2024-10-21" });
    const [dated] = server.requests;
    assert.equal(dated.path, "/openai/deployments/gpt-5-mini-canary/chat/completions?api-version=2024-10-21");
    assert.equal(dated.headers["api-key"], "test-key");
  });

  it("entra auth sends a bearer token for the Cognitive Services scope", async () => {
    server.setResponder(answer());
    const scopes: string[] = [];
    const credential: TokenCredential = {
      getToken: (scope): Promise<AccessToken> => {
        scopes.push(...[scope].flat());
        return Promise.resolve({ token: "entra-token", expiresOnTimestamp: Date.now() + 3600_000 });
      },
    };
    for (const apiVersion of ["v1", "2024-10-21"]) {
      const chat = await createChat({ endpoint, apiVersion, auth: "entra", credential, timeoutMs: 5000 });
      await chat("d", [{ role: "user", content: "q0" }], new AbortController().signal);
    }
    assert.deepEqual(
      server.requests.map((r) => r.headers.authorization),
      ["Bearer entra-token", "Bearer entra-token"],
    );
    assert.ok(scopes.every((s) => s === "https://cognitiveservices.azure.com/.default"));
  });

  it("entra auth without a credential fails fast with what to do, before any request", async () => {
    const credential: TokenCredential = { getToken: () => Promise.reject(new Error("no account signed in")) };
    server.setResponder(answer());
    await assert.rejects(
      () => createChat({ endpoint, apiVersion: "v1", auth: "entra", credential, timeoutMs: 5000 }),
      /--auth entra: no Microsoft Entra token .*no account signed in.*or use --auth key/,
    );
    assert.equal(server.requests.length, 0);
  });
});
