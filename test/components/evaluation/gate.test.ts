/**
 * The promotion gate end to end without a server: the stack program's reading of the reports
 * (stacks/evaluation.ts), the evidence tags on the candidate deployment AiPlatform registers, and
 * the policy rule judging that deployment — for a missing, a mismatched, a regressed and a passing
 * report.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { sha256Hex } from "../../../components/evaluation/digest";
import { evaluationTags } from "../../../components/evaluation/tags";
import { AiPlatform, AiPlatformArgs } from "../../../components/platform";
import { aiDeploymentCanaryEvaluated as rule } from "../../../policies/rules/ai/deployment-canary-evaluated";
import { ConfigError } from "../../../stacks/config/problems";
import { PlatformConfig } from "../../../stacks/config/schema";
import { upgradeEvidenceTags } from "../../../stacks/evaluation";
import { makeReport, ReportShape } from "../../helpers/eval-reports";
import { capture, ofType, typeToken } from "../../helpers/mocks";
import { judgeResource } from "../../helpers/policy";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-gate-"));
const deploymentType = typeToken(cognitiveservices.Deployment);

/** Writes a report file next to the "stack"; returns its name relative to the stack folder. */
function reportFile(name: string, shape: ReportShape): string {
  fs.mkdirSync(path.join(dir, "eval"), { recursive: true });
  fs.writeFileSync(path.join(dir, "eval", name), JSON.stringify(makeReport(shape), null, 2));
  return `eval/${name}`;
}

const baseline = reportFile("baseline.json", { modelVersion: "2024-08-06", scores: { "exact-match": 0.9 } });

/** The slice of a stack config the gate reads: gpt-4o 2024-08-06 upgraded to 2024-11-20. */
function config(evaluation?: { candidateReport: string; baselineReport: string }): PlatformConfig {
  return {
    accounts: [
      {
        name: "main",
        deployments: [{ model: "gpt-4o", version: "2024-08-06", type: "GlobalStandard", capacity: 50 }],
      },
    ],
    gateway: {
      teams: [],
      upgrade: { deployment: "gpt-4o", candidateVersion: "2024-11-20", weightPercent: 10, evaluation },
    },
  } as unknown as PlatformConfig;
}

/**
 * The deployments AiPlatform registers for the upgrade, once: the candidate carries `candidateTags`
 * (a probe here) next to the platform's tags and `canaryOf`. Each case then judges the candidate's
 * real inputs with its own evidence in place of the probe.
 */
async function registeredDeployments() {
  const args: AiPlatformArgs = {
    // A day on which gpt-4o served both versions (the platform refuses retired versions).
    catalogDate: "2026-06-01",
    environment: "prod",
    owner: "owner@contoso.com",
    costCenter: "CC-1",
    workload: "contoso",
    location: "swedencentral",
    accounts: [
      {
        name: "main",
        deployments: [{ model: "gpt-4o", version: "2024-08-06", type: "GlobalStandard", capacity: 50 }],
      },
    ],
    gateway: {
      publisherEmail: "platform@contoso.com",
      teams: [{ name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-4o"] }],
      upgrade: {
        deployment: "gpt-4o",
        candidateVersion: "2024-11-20",
        weightPercent: 10,
        candidateTags: { probe: "x" },
      },
    },
  };
  const deployments = ofType(await capture(() => new AiPlatform("platform", args)), deploymentType);
  const candidate = deployments.find((d) => d.inputs.deploymentName === "gpt-4o-canary");
  const stable = deployments.find((d) => d.inputs.deploymentName === "gpt-4o");
  assert.ok(candidate && stable);
  return { candidate: candidate.inputs, stable: stable.inputs };
}

let registered: Awaited<ReturnType<typeof registeredDeployments>>;

/** The prod rule's findings on the registered candidate carrying `evidence` instead of the probe. */
function judgeCandidate(evidence: Readonly<Record<string, string>> | undefined) {
  const platformTags = { ...(registered.candidate.tags as Record<string, string>) };
  delete platformTags.probe;
  return judgeResource(rule, {
    type: deploymentType,
    props: { ...registered.candidate, tags: { ...platformTags, ...evidence } },
    config: {},
  });
}

describe("promotion gate", () => {
  before(async () => {
    registered = await registeredDeployments();
  });

  it("the platform tags the candidate with canaryOf, its own tags and the upgrade's candidate tags", async () => {
    const tags = registered.candidate.tags as Record<string, string>;
    assert.deepEqual(
      [tags[evaluationTags.canaryOf], tags.probe, tags.environment, tags.costCenter],
      ["gpt-4o", "x", "prod", "CC-1"],
    );
    assert.equal((registered.stable.tags as Record<string, string>)[evaluationTags.canaryOf], undefined);
    assert.deepEqual(
      await judgeResource(rule, { type: deploymentType, props: registered.stable, config: {} }),
      [],
    );
  });

  it("missing: an upgrade without evaluation leaves the candidate unevaluated, and the rule fails it", async () => {
    assert.equal(upgradeEvidenceTags(config(), dir), undefined);
    const findings = await judgeCandidate(undefined);
    assert.ok(findings !== "unknown" && findings.length === 1);
    assert.match(
      findings[0].message,
      /canary candidate 'gpt-4o-canary' of 'gpt-4o' has no evaluation evidence/,
    );
  });

  it("missing: a report path that cannot be read is a config error naming the key (unless rolled back)", () => {
    const rolledBack = config({ candidateReport: "eval/nope.json", baselineReport: baseline });
    (rolledBack.gateway?.upgrade as { weightPercent: number }).weightPercent = 0;
    assert.equal(upgradeEvidenceTags(rolledBack, dir), undefined, "weight 0 has no candidate to judge");
    assert.throws(
      () => upgradeEvidenceTags(config({ candidateReport: "eval/nope.json", baselineReport: baseline }), dir),
      (e: Error) =>
        e instanceof ConfigError &&
        /foundry-platform:gateway\.upgrade\.evaluation\.candidateReport \(got "eval\/nope\.json"\): cannot read .*nope\.json/.test(
          e.message,
        ),
    );
  });

  it("mismatched: a report for another model version is recorded as a mismatch and fails", async () => {
    const candidateReport = reportFile("wrong-version.json", { modelVersion: "2024-05-13" });
    const tags = upgradeEvidenceTags(config({ candidateReport, baselineReport: baseline }), dir);
    assert.equal(tags?.[evaluationTags.verdict], "mismatch");
    assert.match(
      tags?.[evaluationTags.findings] ?? "",
      /evaluated gpt-4o 2024-05-13, but the candidate deployment serves gpt-4o 2024-11-20/,
    );
    const findings = await judgeCandidate(tags);
    assert.ok(findings !== "unknown" && findings.length === 1);
    assert.match(
      findings[0].message,
      /the report evaluated gpt-4o 2024-05-13, but the candidate serves gpt-4o 2024-11-20/,
    );
  });

  it("regressed: a quality drop beyond the thresholds is recorded with its size and fails", async () => {
    const candidateReport = reportFile("regressed.json", { scores: { "exact-match": 0.85 } });
    const tags = upgradeEvidenceTags(config({ candidateReport, baselineReport: baseline }), dir);
    assert.equal(tags?.[evaluationTags.verdict], "regressed");
    assert.equal(tags?.[evaluationTags.qualityDeltaPoints], "-5.00");
    const findings = await judgeCandidate(tags);
    assert.ok(findings !== "unknown" && findings.length === 1);
    assert.match(
      findings[0].message,
      /verdict is 'regressed': quality: exact-match -5\.0 pts .*quality changed -5 pts, beyond the -2 pts/,
    );
  });

  it("passing: evidence with the report digests lets the candidate through", async () => {
    const candidateReport = reportFile("passing.json", {
      scores: { "exact-match": 0.91 },
      p95: 1100,
      per1k: 0.9,
    });
    const tags = upgradeEvidenceTags(config({ candidateReport, baselineReport: baseline }), dir);
    assert.equal(tags?.[evaluationTags.verdict], "pass");
    assert.equal(tags?.[evaluationTags.report], sha256Hex(fs.readFileSync(path.join(dir, candidateReport))));
    assert.equal(tags?.[evaluationTags.baseline], sha256Hex(fs.readFileSync(path.join(dir, baseline))));
    assert.deepEqual(
      [tags?.[evaluationTags.model], tags?.[evaluationTags.modelVersion]],
      ["gpt-4o", "2024-11-20"],
    );
    assert.equal(tags?.[evaluationTags.findings], undefined);
    assert.deepEqual(await judgeCandidate(tags), []);
  });
});
