/**
 * `--json`: one JSON document. Keys are never removed, only added. Every secret prints as
 * `[secret]`; keys are sorted so the same plan gives the same bytes.
 */
import { redact } from "../wire";
import { lifecycleJson } from "./lifecycle";
import { costJson } from "./cost";
import { Report, summarize } from "./report";

/** The document `--json` prints (and `--compare` reads back). */
export function jsonDocument(report: Report) {
  return {
    stack: report.stack,
    command: report.command,
    policyPack: report.pack,
    policyConfig: {
      file: report.policyConfig.file ?? null,
      reason: report.policyConfig.reason,
      levels: report.policyConfig.levels,
    },
    summary: summarize(report),
    resources: report.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      custom: r.custom,
      parent: r.parent ?? null,
      inputs: redact(r.inputs),
      outputs: redact(r.outputs),
      options: {
        protect: r.options.protect,
        retainOnDelete: r.options.retainOnDelete,
        dependsOn: r.options.dependsOn,
        provider: r.options.provider ?? null,
      },
      propertyDependencies: r.propertyDependencies,
    })),
    violations: report.violations.map((v) => ({
      policy: v.policy,
      enforcementLevel: v.enforcementLevel,
      severity: v.severity,
      message: v.message,
      urn: v.urn,
      exception: v.exception ?? null,
    })),
    errors: report.errors,
    configWarnings: report.configWarnings ?? [],
    lifecycle: lifecycleJson(report.lifecycle),
    cost: costJson(report.cost),
    ...(report.diff ? { diff: report.diff } : {}),
  };
}

export function jsonReport(report: Report): string {
  return `${JSON.stringify(jsonDocument(report), null, 2)}\n`;
}
