import { strict as assert } from "node:assert";
import {
  aiAccountAlertSpecs,
  gatewayAlertSpecs,
  MetricAlertSpec,
} from "../../components/observability/alerts";

const dims = (spec: MetricAlertSpec | undefined) =>
  Object.fromEntries((spec?.dimensions ?? []).map((d) => [d.name, [...d.values]]));
const bySignal = (specs: MetricAlertSpec[]) => Object.fromEntries(specs.map((s) => [s.signal, s]));

describe("alerts per deployment type (pure)", () => {
  const prodMain = [
    { name: "gpt-5", provisioned: false, spillover: false },
    { name: "gpt-5-ptu", provisioned: true, spillover: true },
    { name: "gpt-5-mini", provisioned: false, spillover: false },
  ];

  it("watches PTU utilization on provisioned deployments only, and not at all on an account without them", () => {
    const specs = bySignal(aiAccountAlertSpecs({}, prodMain));
    assert.deepEqual(dims(specs["ptu-utilization"]).ModelDeploymentName, ["gpt-5-ptu"]);
    const standardOnly = bySignal(aiAccountAlertSpecs({}, [prodMain[0]]));
    assert.equal(standardOnly["ptu-utilization"], undefined);
  });

  it("does not alert on throttling that spillover absorbs, and alerts on spillover itself", () => {
    const specs = bySignal(aiAccountAlertSpecs({ spilloverRequests: 50 }, prodMain));
    assert.deepEqual(dims(specs.throttling), {
      StatusCode: ["429"],
      ModelDeploymentName: ["gpt-5", "gpt-5-mini"],
    });
    assert.deepEqual(dims(specs.spillover).IsSpillover, ["True"]);
    assert.equal(specs.spillover.threshold, 50);
    assert.equal(specs.spillover.metricName, "AzureOpenAIRequests");
  });

  it("measures latency with time to last byte, which standard and provisioned deployments both report", () => {
    const specs = bySignal(aiAccountAlertSpecs({ timeToLastByteMs: 20000 }, prodMain));
    assert.equal(specs.latency.metricName, "AzureOpenAITTLTInMS");
    assert.equal(specs.latency.threshold, 20000);
  });

  it("watches every deployment when the deployments are not known", () => {
    const specs = bySignal(aiAccountAlertSpecs());
    assert.deepEqual(Object.keys(specs).sort(), [
      "latency",
      "ptu-utilization",
      "server-errors",
      "throttling",
    ]);
    assert.deepEqual(dims(specs.throttling).ModelDeploymentName, ["*"]);
  });
});

describe("gateway alerts (pure)", () => {
  const specs = Object.fromEntries(
    gatewayAlertSpecs({ gatewayServerErrorPercent: 2 }).map((s) => [s.signal, s]),
  );

  it("alerts on the 5xx rate callers see, as a percentage", () => {
    const rate = specs["server-error-rate"];
    assert.match(rate.query, /countif\(ResponseCode >= 500\)/);
    assert.match(rate.query, /FailedPercent = 100\.0 \* Failed \/ Total/);
    assert.deepEqual(
      [rate.measureColumn, rate.timeAggregation, rate.threshold],
      ["FailedPercent", "Average", 2],
    );
  });

  it("counts throttling callers saw from the models, not the teams' own token limits", () => {
    assert.match(specs["throttled-callers"].query, /ResponseCode == 429 and BackendResponseCode == 429/);
  });

  it("alerts when the gateway answers 503 without calling a model (tripped backends)", () => {
    const tripped = specs["tripped-backends"];
    assert.match(
      tripped.query,
      /ResponseCode == 503 and \(isnull\(BackendResponseCode\) or BackendResponseCode == 0\)/,
    );
    assert.deepEqual(tripped.dimensions, ["BackendId"]);
    assert.equal(tripped.threshold, 0);
  });
});
