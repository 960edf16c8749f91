/**
 * The promotion gate's reading side: the stack program reads the evaluation reports a canary
 * upgrade names (`gateway.upgrade.evaluation`, paths relative to the stack's folder), judges the
 * candidate against the baseline, and returns the evidence tags for the candidate deployment.
 * The policy rule `ai-deployment-canary-evaluated` then decides from the tags.
 *
 * A report that cannot be read is a config mistake (exit 2, the key named); a report that reads
 * but does not support promotion is recorded as such and left to the policy (mandatory in prod).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { promotionEvidence, ReportFile } from "../components/evaluation/evidence";
import { parseReport, ReportError } from "../components/evaluation/report";
import { resolveThresholds } from "../components/evaluation/thresholds";
import { sha256Hex } from "../components/evaluation/digest";
import { ConfigError, keyPath, showValue } from "./config/problems";
import { configNamespace, PlatformConfig } from "./config/schema";

/** Where the stack config files live, unless the tool says otherwise (`plan --config`). */
export function stackDirectory(): string {
  return process.env.FOUNDRY_PLATFORM_STACK_DIR ?? path.resolve("stacks");
}

function readReport(file: string, relative: string, key: "candidateReport" | "baselineReport"): ReportFile {
  const problem = (message: string) =>
    new ConfigError([
      {
        key: keyPath(configNamespace, ["gateway", "upgrade", "evaluation", key]),
        value: showValue(relative),
        message,
      },
    ]);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw problem(
      `cannot read ${file}; paths are relative to the stack's folder — write the report with 'foundry-platform eval --out' and commit it, or fix the path`,
    );
  }
  try {
    return { report: parseReport(bytes.toString("utf8"), relative), sha256: sha256Hex(bytes) };
  } catch (err) {
    if (err instanceof ReportError) {
      throw problem(err.message);
    }
    throw err;
  }
}

/**
 * The evidence tags for the candidate of the config's canary upgrade, or undefined when the
 * upgrade names no evaluation (the policy then reports the candidate as unevaluated).
 */
export function upgradeEvidenceTags(
  config: PlatformConfig,
  stackDir: string,
): Readonly<Record<string, string>> | undefined {
  const upgrade = config.gateway?.upgrade;
  const evaluation = upgrade?.evaluation;
  if (!upgrade || !evaluation || upgrade.weightPercent === 0) {
    // Rolled back (weight 0): there is no candidate to judge.
    return undefined;
  }
  const stable = config.accounts
    .filter((a) => upgrade.account === undefined || a.name === upgrade.account)
    .flatMap((a) => a.deployments)
    .filter((d) => (d.name ?? d.model) === upgrade.deployment);
  if (stable.length === 0) {
    // The config validation already reports an upgrade of a deployment that does not exist.
    return undefined;
  }
  const candidate = readReport(
    path.resolve(stackDir, evaluation.candidateReport),
    evaluation.candidateReport,
    "candidateReport",
  );
  const baseline = readReport(
    path.resolve(stackDir, evaluation.baselineReport),
    evaluation.baselineReport,
    "baselineReport",
  );
  return promotionEvidence(
    {
      model: stable[0].model,
      candidateVersion: upgrade.candidateVersion,
      stableVersions: stable.map((d) => d.version),
    },
    candidate,
    baseline,
    resolveThresholds(evaluation.thresholds),
  ).tags;
}
