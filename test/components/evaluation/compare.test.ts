import { strict as assert } from "node:assert";
import { compareReports, failingChecks } from "../../../components/evaluation/compare";
import { parseReport, ReportError } from "../../../components/evaluation/report";
import { resolveThresholds } from "../../../components/evaluation/thresholds";
import { makeReport } from "../../helpers/eval-reports";

const defaults = resolveThresholds(undefined);
const statusOf = (c: ReturnType<typeof compareReports>, metric: string) =>
  c.checks.find((x) => x.metric === metric)?.status;

describe("baseline comparison", () => {
  it("passes a candidate within every default limit", () => {
    const c = compareReports(
      makeReport(),
      makeReport({ scores: { "exact-match": 0.885 }, p95: 1190, per1k: 1.09 }),
      defaults,
    );
    assert.equal(c.passed, true, failingChecks(c).join("\n"));
    assert.ok(Math.abs((c.worstQualityDeltaPoints ?? 0) + 1.5) < 1e-9);
    assert.ok(Math.abs((c.p95LatencyDeltaPercent ?? 0) - 19) < 1e-9);
  });

  it("flags each regression beyond its limit: quality points, p95 percent, cost percent, error-rate points", () => {
    const c = compareReports(
      makeReport(),
      makeReport({ scores: { "exact-match": 0.87 }, p95: 1210, per1k: 1.11, failed: 2 }),
      defaults,
    );
    assert.equal(c.passed, false);
    for (const metric of ["quality: exact-match", "p95 latency", "cost per 1,000 requests", "error rate"]) {
      assert.equal(statusOf(c, metric), "regressed", metric);
    }
    assert.match(failingChecks(c).join("\n"), /quality: exact-match -3\.0 pts \(limit -2 pts\)/);
  });

  it("honours per-evaluator limits and null (not checked)", () => {
    const t = resolveThresholds({ evaluators: { tone: 10 }, maxP95LatencyIncreasePercent: null });
    const c = compareReports(
      makeReport({ scores: { tone: 0.8, "exact-match": 0.9 } }),
      makeReport({ scores: { tone: 0.75, "exact-match": 0.9 }, p95: 5000 }),
      t,
    );
    assert.equal(c.passed, true, failingChecks(c).join("\n"));
    assert.equal(statusOf(c, "p95 latency"), "not-checked");
  });

  it("fails closed when it cannot compare: other dataset, incomplete run, missing evaluator, unknown cost", () => {
    const cases = [
      [makeReport({ datasetSha: "b".repeat(64) }), "dataset", /different datasets/],
      [makeReport({ notRun: 10 }), "run", /10 of 100 items did not run \(interrupted\)/],
      [makeReport({ scores: { other: 0.9 } }), "quality: exact-match", /the candidate has no score/],
      [makeReport({ per1k: null }), "cost per 1,000 requests", /cost unknown/],
    ] as const;
    for (const [candidate, metric, note] of cases) {
      const c = compareReports(makeReport(), candidate, defaults);
      assert.equal(c.passed, false, metric);
      const check = c.checks.find((x) => x.metric === metric);
      assert.equal(check?.status, "unknown", metric);
      assert.match(check?.note ?? "", note);
    }
  });
});

describe("report parsing", () => {
  it("reads its own format and refuses others with a reason", () => {
    const r = makeReport();
    assert.deepEqual(parseReport(JSON.stringify(r), "r.json"), r);
    assert.throws(
      () => parseReport("{", "r.json"),
      (e: Error) => e instanceof ReportError && /r\.json: not JSON/.test(e.message),
    );
    assert.throws(() => parseReport(JSON.stringify({ format: "x" }), "r.json"), /not an evaluation report/);
    assert.throws(
      () => parseReport(JSON.stringify({ ...r, version: 2 }), "r.json"),
      /report version 2 is not supported/,
    );
    assert.throws(
      () => parseReport(JSON.stringify({ ...r, summary: {} }), "r.json"),
      /not a valid version 1 report: summary/,
    );
  });
});
