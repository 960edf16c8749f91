/**
 * `foundry-platform eval` as a user runs it, against a fake OpenAI endpoint on 127.0.0.1: exit code
 * 2 and a line-numbered message for a bad dataset, exit 1 and the regression table on a regression,
 * exit 130 and a report of what finished on Ctrl-C. The three runs start together in `before`.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseReport } from "../../../components/evaluation/report";
import { runEval } from "../../../cli/eval/eval";
import { root, stackTracePattern } from "../../helpers/cli";
import { completion, FakeOpenAI } from "../../helpers/fake-openai";

const bin = path.join(root, "bin", "foundry-platform.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-e2e-"));
const file = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI; `interruptWhen` sends SIGINT once it returns true (polled every 20 ms). */
function cli(args: readonly string[], interruptWhen?: () => boolean): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "eval", ...args], {
      cwd: root,
      env: { ...process.env, AZURE_OPENAI_API_KEY: "test-key" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const poll = interruptWhen
      ? setInterval(() => {
          if (interruptWhen()) {
            clearInterval(poll);
            child.kill("SIGINT");
          }
        }, 20)
      : undefined;
    child.on("close", (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const lines = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `${prefix}${i}`,
      messages: [{ role: "user", content: `${prefix}${i}` }],
      expected: `ok-${prefix}${i}`,
    }),
  ).join("\n");

describe("eval command (end to end)", () => {
  const server = new FakeOpenAI((r) => ({
    // "s" prompts answer slowly (for the interrupt); "c3" answers wrong in the candidate run.
    body: completion(r.prompt === "c3" && r.deployment === "candidate" ? "wrong" : `ok-${r.prompt}`),
    delayMs: r.prompt.startsWith("s") ? 300 : 0,
  }));
  const results: Record<string, Run> = {};
  const out = {
    candidate: path.join(dir, "candidate.json"),
    interrupted: path.join(dir, "interrupted.json"),
  };

  before(async () => {
    const endpoint = await server.start();
    const dataset = file("c.jsonl", lines("c", 5));
    const common = [
      "--endpoint",
      endpoint,
      "--auth",
      "key",
      "--model",
      "gpt-5-mini",
      "--model-version",
      "2025-08-07",
    ];
    // The baseline, in-process.
    const baseline = path.join(dir, "baseline.json");
    await runEval(
      {
        dataset,
        endpoint,
        deployment: "stable",
        apiVersion: "v1",
        auth: "key",
        apiKey: "test-key",
        concurrency: 2,
        maxRetries: 0,
        timeoutMs: 5000,
        out: baseline,
        model: "gpt-5-mini",
        modelVersion: "2025-08-07",
        deploymentType: "GlobalStandard",
      },
      {
        stdout: {
          write: (_c: string, cb?: () => void) => (cb?.(), true),
        } as unknown as NodeJS.WritableStream,
        stderr: { write: () => true } as unknown as NodeJS.WriteStream,
      },
    );
    const slowRequests = () => server.requests.filter((r) => r.prompt.startsWith("s")).length;
    const [bad, regressed, interrupted] = await Promise.all([
      cli([
        "--dataset",
        file("bad.jsonl", `${lines("b", 1)}\n{"id": "x", "messages": "hi"}\n`),
        "--deployment",
        "d",
        ...common,
      ]),
      cli([
        "--dataset",
        dataset,
        "--deployment",
        "candidate",
        "--baseline",
        baseline,
        "--out",
        out.candidate,
        ...common,
      ]),
      cli(
        [
          "--dataset",
          file("s.jsonl", lines("s", 20)),
          "--deployment",
          "slow",
          "--concurrency",
          "1",
          "--out",
          out.interrupted,
          ...common,
        ],
        () => slowRequests() >= 3,
      ),
    ]);
    Object.assign(results, { bad, regressed, interrupted });
  });
  after(() => server.stop());

  it("a bad dataset line: exit 2, the file and line named, no stack trace", () => {
    const r = results.bad;
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /bad\.jsonl: 1 bad dataset line:\n\s+line 2: messages: /);
    assert.doesNotMatch(r.stderr, stackTracePattern);
  });

  it("a regression against the baseline: exit 1, the regression table, the report written", () => {
    const r = results.regressed;
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /### Baseline comparison: REGRESSION/);
    assert.match(
      r.stdout,
      /\| quality: exact-match \| 100\.0 % \| 80\.0 % \| -20\.0 pts \| -2 pts \| \*\*REGRESSED\*\* \|/,
    );
    const report = parseReport(fs.readFileSync(out.candidate, "utf8"), "candidate.json");
    assert.deepEqual(
      [report.target.model, report.target.modelVersion, report.summary.completed],
      ["gpt-5-mini", "2025-08-07", 5],
    );
  });

  it("Ctrl-C: exit 130 and a report of what finished", () => {
    const r = results.interrupted;
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /interrupted: stopping/);
    const report = parseReport(fs.readFileSync(out.interrupted, "utf8"), "interrupted.json");
    assert.equal(report.run.interrupted, true);
    assert.ok(report.summary.completed >= 2 && report.summary.notRun >= 10, JSON.stringify(report.summary));
    assert.equal(report.summary.failed, 0);
  });
});
