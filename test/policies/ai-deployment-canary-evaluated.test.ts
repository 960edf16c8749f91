import { evaluationTags as t } from "../../components/evaluation/tags";
import { aiDeploymentCanaryEvaluated as rule } from "../../policies/rules/ai/deployment-canary-evaluated";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const passing = {
  [t.canaryOf]: "gpt-5-mini",
  [t.verdict]: "pass",
  [t.model]: "gpt-5-mini",
  [t.modelVersion]: "2025-12-01",
  [t.qualityDeltaPoints]: "-1.00",
  [t.p95LatencyDeltaPercent]: "5.00",
  [t.costDeltaPercent]: "0.00",
  [t.errorRateDeltaPoints]: "0.00",
};

const deployment = (name: string, tags: Record<string, string>) => ({
  accountName: "a",
  deploymentName: name,
  sku: { name: "GlobalStandard", capacity: 10 },
  properties: { model: { format: "OpenAI", name: "gpt-5-mini", version: "2025-12-01" } },
  tags: { environment: "prod", ...tags },
});

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Deployment",
  compliant: [
    ["a deployment that is no canary candidate", deployment("gpt-5-mini", {})],
    ["a candidate with passing evidence for its own version", deployment("gpt-5-mini-canary", passing)],
    [
      "a limit the environment does not check (null)",
      deployment("gpt-5-mini-canary", { ...passing, [t.p95LatencyDeltaPercent]: "unknown" }),
      { config: { maxP95LatencyIncreasePercent: null } },
    ],
  ],
  broken: [
    [
      "missing: a candidate without evidence",
      deployment("gpt-5-mini-canary", { [t.canaryOf]: "gpt-5-mini" }),
      /has no evaluation evidence/,
    ],
    [
      "missing: named like a candidate, untagged",
      deployment("x-canary", {}),
      /canary candidate 'x-canary' has no evaluation evidence/,
    ],
    [
      "mismatched: evidence for another version",
      deployment("gpt-5-mini-canary", { ...passing, [t.modelVersion]: "2025-08-07" }),
      /the report evaluated gpt-5-mini 2025-08-07, but the candidate serves gpt-5-mini 2025-12-01/,
    ],
    [
      "regressed: the program's verdict",
      deployment("gpt-5-mini-canary", {
        ...passing,
        [t.verdict]: "regressed",
        [t.findings]: "p95 latency +30.0 %",
      }),
      /verdict is 'regressed': p95 latency \+30\.0 %/,
    ],
    [
      "regressed: beyond this environment's stricter limit",
      deployment("gpt-5-mini-canary", passing),
      /quality changed -1 pts, beyond the -0\.5 pts this environment allows/,
      { config: { maxQualityDropPoints: 0.5 } },
    ],
    [
      "evidence without a measured change cannot be checked",
      deployment("gpt-5-mini-canary", { ...passing, [t.costDeltaPercent]: "unknown" }),
      /no measured cost per 1,000 requests change .* cannot be checked/,
    ],
  ],
  unknown: deployment("gpt-5-mini-canary", { [t.verdict]: unknown.string }),
  ignored: { type: "azure-native:cognitiveservices:RaiPolicy", props: deployment("x-canary", {}) },
});
