import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { evaluationTags, parseDeltaTag } from "../../../components/evaluation/tags";
import { aiDeploymentView, deploymentNameOf } from "../../lib/azure";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asRecord, asString } from "../../lib/values";

interface GateConfig {
  readonly maxQualityDropPoints?: number | null;
  readonly maxP95LatencyIncreasePercent?: number | null;
  readonly maxCostIncreasePercent?: number | null;
  readonly maxErrorRateIncreasePoints?: number | null;
}

/** The measured changes the rule holds to its limits: tag, config key, default limit, direction. */
const limits = [
  {
    tag: evaluationTags.qualityDeltaPoints,
    key: "maxQualityDropPoints",
    fallback: 2,
    what: "quality",
    unit: "pts",
    drop: true,
  },
  {
    tag: evaluationTags.p95LatencyDeltaPercent,
    key: "maxP95LatencyIncreasePercent",
    fallback: 20,
    what: "p95 latency",
    unit: "%",
    drop: false,
  },
  {
    tag: evaluationTags.costDeltaPercent,
    key: "maxCostIncreasePercent",
    fallback: 10,
    what: "cost per 1,000 requests",
    unit: "%",
    drop: false,
  },
  {
    tag: evaluationTags.errorRateDeltaPoints,
    key: "maxErrorRateIncreasePoints",
    fallback: 1,
    what: "error rate",
    unit: "pts",
    drop: false,
  },
] as const;

const limitSchema = (description: string, fallback: number): PolicyConfigJSONSchema => ({
  type: ["number", "null"],
  minimum: 0,
  default: fallback,
  description,
});

/** The canary suffix `planCanary` gives candidates (components/gateway/canary.ts). */
const canarySuffix = "-canary";

/**
 * A canary candidate may take traffic only with evaluation evidence: a report for its own model
 * version that does not regress against the stable version's baseline.
 */
export const aiDeploymentCanaryEvaluated = resourceRule({
  name: "ai-deployment-canary-evaluated",
  description:
    "A canary candidate deployment (tagged canaryOf, or named <stable>-canary) must carry evaluation evidence: a report for its own model and version, compared with the stable version's baseline on the same dataset, without regressing beyond the limits. The stack program records the evidence as tags from gateway.upgrade.evaluation.",
  severity: "high",
  remediationSteps:
    "Evaluate the candidate and the stable deployment on the same dataset with `npm run eval -- --dataset FILE --endpoint URL --deployment NAME --model MODEL --model-version VERSION --out stacks/eval/<name>.json`, commit both reports, and set `gateway.upgrade.evaluation: { candidateReport, baselineReport }`. On a regression, fix the prompt or keep the stable version (weightPercent: 0).",
  references: {
    waf: "Operational Excellence",
    note: "No built-in counterpart: a promotion gate on evaluation evidence recorded by the program.",
  },
  resourceTypes: [types.aiDeployment, types.genericResource],
  configSchema: {
    properties: {
      maxQualityDropPoints: limitSchema(
        "Largest drop of any evaluator's mean score, in points; null: not checked.",
        2,
      ),
      maxP95LatencyIncreasePercent: limitSchema(
        "Largest p95 latency rise, in percent; null: not checked.",
        20,
      ),
      maxCostIncreasePercent: limitSchema(
        "Largest rise of the cost per 1,000 requests, in percent; null: not checked.",
        10,
      ),
      maxErrorRateIncreasePoints: limitSchema(
        "Largest rise of the failed-request share, in points; null: not checked.",
        1,
      ),
    },
  },
  validate: (props, args, report) => {
    const deployment = aiDeploymentView(args.type, props);
    if (!deployment) {
      return;
    }
    const tags = asRecord(props.tags) ?? {};
    const tag = (key: string) => asString(tags[key]);
    const name = deploymentNameOf(props) ?? "(unnamed)";
    const stable = tag(evaluationTags.canaryOf);
    if (stable === undefined && !name.endsWith(canarySuffix)) {
      return;
    }
    const what = `canary candidate '${name}'${stable ? ` of '${stable}'` : ""}`;
    const verdict = tag(evaluationTags.verdict);
    if (verdict === undefined) {
      report(
        `${what} has no evaluation evidence: nothing shows that ${deployment.modelName ?? "its model"} ${deployment.modelVersion ?? ""} is no worse than the stable version; set gateway.upgrade.evaluation { candidateReport, baselineReport } to reports written by 'foundry-platform eval'.`,
      );
      return;
    }
    const problems: string[] = [];
    const model = tag(evaluationTags.model);
    const version = tag(evaluationTags.modelVersion);
    if (model !== deployment.modelName || version !== deployment.modelVersion) {
      problems.push(
        `the report evaluated ${model ?? "an unnamed model"} ${version ?? "(no version)"}, but the candidate serves ${deployment.modelName ?? "?"} ${deployment.modelVersion ?? "(no version)"}`,
      );
    }
    if (verdict !== "pass") {
      problems.push(
        `the evaluation verdict is '${verdict}'${tag(evaluationTags.findings) ? `: ${tag(evaluationTags.findings)}` : ""}`,
      );
    }
    const config = args.getConfig<GateConfig>();
    for (const l of limits) {
      const configured = config[l.key];
      const limit = configured === undefined ? l.fallback : configured;
      if (limit === null) {
        continue;
      }
      const delta = parseDeltaTag(tag(l.tag));
      if (delta === undefined) {
        problems.push(
          `the evidence has no measured ${l.what} change (${l.tag} is ${tag(l.tag) ?? "missing"}), so the ${l.drop ? "-" : "+"}${limit} ${l.unit} limit cannot be checked`,
        );
      } else if (l.drop ? -delta > limit : delta > limit) {
        problems.push(
          `${l.what} changed ${delta > 0 ? "+" : ""}${delta} ${l.unit}, beyond the ${l.drop ? "-" : "+"}${limit} ${l.unit} this environment allows`,
        );
      }
    }
    if (problems.length > 0) {
      report(`${what} may not take traffic: ${problems.join("; ")}.`);
    }
  },
});
