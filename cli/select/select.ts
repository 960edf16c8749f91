/**
 * `select [--stack S] [--config FILE] [--workload NAME] [--json] [--as-of DAY] [--policy-config FILE]`:
 * for each workload contract of a stack, the ranking table (model, deployment type, fit, runway,
 * monthly cost, verdict; rejected models with why) and the deployments it derives. The stack config
 * is read and validated as `plan` reads it, and the selector stays within the same policy config
 * the pack would judge the stack with. Exit 0; 1 when a workload has no candidate; 2 on bad input.
 */
import { parseArgs } from "node:util";
import YAML from "yaml";
import { usd } from "../../components/cost/units";
import { notApproved, notListed } from "../../components/select/eligibility";
import { ModelCandidate, Rejection } from "../../components/select/types";
import { WorkloadPlan, WorkloadsPlan } from "../../stacks/config/expand-workloads";
import { loadPlatformConfig, WorkloadsConfigError } from "../../stacks/config/load";
import { asOfFlag, todayIso } from "../as-of";
import { InputError } from "../errors";
import { display, projectRoot } from "../paths";
import { readProject, stackFileOf } from "../plan/project";
import { readStackConfig, secretPlaceholder } from "../plan/stack-file";
import { workloadLimits } from "../plan/workload-limits";

export const selectUsage =
  "select [--stack NAME] [--config FILE] [--workload NAME] [--json] [--as-of YYYY-MM-DD] [--policy-config FILE]";

/** What the command prints and its exit code. */
export interface SelectRun {
  readonly text: string;
  readonly code: number;
}

/** The `--json` document: exactly the shape the issue names, best candidate first. */
export function selectionJson(plans: readonly WorkloadPlan[], all: WorkloadsPlan) {
  return {
    workloads: plans.map((p) => ({
      name: p.workload.name,
      candidates: p.selection.candidates.map((c) => ({
        model: c.model,
        version: c.version,
        deploymentType: c.deploymentType,
        monthlyUsd: c.monthlyUsd ?? null,
        reasons: c.reasons,
      })),
      rejected: p.selection.rejected.map((r) => ({
        model: r.model,
        deploymentType: r.deploymentType ?? null,
        why: r.why,
      })),
      derived: derivedOf(p, all),
    })),
  };
}

/** The deployment specs a workload derives, with the semantic cache's when it is the first to want one. */
function derivedOf(p: WorkloadPlan, all: WorkloadsPlan) {
  const cache = all.semanticCache;
  const first = all.plans.find((x) => x.derive && x.derived.wantsSemanticCache);
  const withCache = cache?.deployment && first?.index === p.index ? [cache.deployment] : [];
  return [...p.derived.deployments, ...withCache];
}

function monthly(c: ModelCandidate): string {
  if (c.monthlyUsd !== undefined) {
    return usd(c.monthlyUsd);
  }
  return c.monthlyUsdRange ? `${usd(c.monthlyUsdRange.min)}–${usd(c.monthlyUsdRange.max)} + fee` : "n/a";
}

/** Model-level rejections for a policy decision (the models list, approval), shown as one line each. */
function grouped(rejected: readonly Rejection[]): { readonly reason: string; readonly models: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of rejected) {
    const first = r.why.split("; ")[0];
    if (r.deploymentType === undefined && (first.startsWith(notListed) || first.startsWith(notApproved))) {
      groups.set(first, [...(groups.get(first) ?? []), r.model]);
    }
  }
  return [...groups.entries()].map(([reason, models]) => ({ reason, models }));
}

/** The rejections the table shows row by row: all but the grouped ones. */
function tableRejections(rejected: readonly Rejection[]): Rejection[] {
  const inGroups = new Set(grouped(rejected).flatMap((g) => g.models));
  return rejected.filter((r) => r.deploymentType !== undefined || !inGroups.has(r.model));
}

function table(p: WorkloadPlan): string[] {
  const head = ["#", "model", "version", "type", "fit", "runway", "monthly", "verdict"];
  const rows: string[][] = p.selection.candidates.map((c, i) => [
    String(i + 1),
    c.model,
    c.version,
    c.deploymentType,
    c.fit,
    c.runwayDays !== undefined ? `${c.runwayDays} d` : "",
    monthly(c),
    i === 0 ? "selected" : "candidate",
  ]);
  const rejected = tableRejections(p.selection.rejected).map((r: Rejection) => [
    "-",
    r.model,
    "",
    r.deploymentType ?? "(all)",
    "",
    "",
    "",
    `rejected: ${r.why}`,
  ]);
  const all = [head, ...rows, ...rejected];
  const widths = head.map((_, col) =>
    col === head.length - 1 ? 0 : Math.max(...all.map((row) => row[col].length)),
  );
  const right = new Set([0, 5, 6]);
  return all.map((row) =>
    row
      .map((cell, col) =>
        col === head.length - 1
          ? cell
          : right.has(col)
            ? cell.padStart(widths[col])
            : cell.padEnd(widths[col]),
      )
      .join("  ")
      .trimEnd(),
  );
}

function indent(lines: readonly string[], by = "  "): string[] {
  return lines.map((l) => (l === "" ? l : `${by}${l}`));
}

function yamlLines(value: unknown): string[] {
  // Strings quoted, as the stack files quote versions ("2026-03-17", "1").
  return YAML.stringify(value, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })
    .trimEnd()
    .split("\n");
}

function workloadText(p: WorkloadPlan, all: WorkloadsPlan, source: string): string[] {
  const w = p.workload;
  const t = w.traffic;
  const lines = [
    `Workload '${w.name}': ${w.task}${(w.needs ?? []).length > 0 ? ` + ${(w.needs ?? []).join(", ")}` : ""}; latency ${w.latency}, safety ${w.safety}, residency ${w.dataResidency}${w.routing === "auto" ? ", routing auto" : ""}; ${t.requestsPerMinute} req/min × (${t.avgInputTokens} in + ${t.avgOutputTokens} out)${w.budgetUsdPerMonth !== undefined ? `; budget ${usd(w.budgetUsdPerMonth)}/month` : ""}`,
    `  requires (within ${source}):`,
    ...indent(p.selection.requirements, "    - "),
    "",
    ...indent(table(p)),
    ...grouped(p.selection.rejected).map(
      (g) => `  rejected, ${g.reason}: ${g.models.join(", ")} (--json has every reason)`,
    ),
  ];
  const best = p.selection.candidates[0];
  if (best) {
    lines.push("", `  why ${best.model} ${best.deploymentType}:`, ...indent(best.reasons, "    - "));
  }
  const derived = derivedOf(p, all);
  if (derived.length > 0) {
    lines.push(
      "",
      p.derive
        ? `  derives (derive: true) in account '${p.account}':`
        : `  would derive in account '${p.account}' (set derive: true to deploy it):`,
      ...indent(yamlLines(derived), "    "),
    );
  }
  const team = p.derived.teamShare && all.teams.find((x) => x.name === p.derived.teamShare?.team);
  if (team && p.derive) {
    lines.push(
      "",
      `  team '${team.name}' (gateway.teams, from its workloads):`,
      ...indent(yamlLines(team), "    "),
    );
  }
  const first = all.plans.find((x) => x.derive && x.derived.wantsSemanticCache);
  const notes = [
    ...p.derived.notes,
    ...(all.semanticCache && first?.index === p.index ? [all.semanticCache.note] : []),
  ];
  if (notes.length > 0) {
    lines.push("", "  notes:", ...indent(notes, "    - "));
  }
  return lines;
}

/** Runs the command; returns what it prints and the exit code. */
export function runSelect(args: readonly string[]): SelectRun {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      stack: { type: "string" },
      config: { type: "string" },
      workload: { type: "string" },
      json: { type: "boolean" },
      "as-of": { type: "string" },
      "policy-config": { type: "string" },
      debug: { type: "boolean" },
    },
  });
  const asOf = asOfFlag(values["as-of"]) ?? todayIso();
  const stack = values.stack ?? "dev";
  const project = readProject(projectRoot);
  const file = values.config ?? stackFileOf(project, stack);
  const config = readStackConfig(file, project.name, project.config);
  const limits = workloadLimits(stack, config.values, values["policy-config"]);
  // A config the workloads make invalid (one fits nothing, a derived name clashes) still shows the
  // rankings that explain it, then its problems (exit 2).
  let all: WorkloadsPlan | undefined;
  let invalid: WorkloadsConfigError | undefined;
  try {
    all = loadPlatformConfig(config.values, config.secretKeys, display(file), new Date(`${asOf}T00:00:00Z`), {
      secretPlaceholder,
      workloadLimits: limits.read,
    }).workloads;
  } catch (err) {
    if (!(err instanceof WorkloadsConfigError) || !err.workloads || values.json) {
      throw err;
    }
    invalid = err;
    all = err.workloads;
  }
  if (!all || all.plans.length === 0) {
    throw new InputError(
      `${display(file)} declares no workloads; add foundry-platform:workloads (see docs/select.md)`,
    );
  }
  const plans =
    values.workload === undefined ? all.plans : all.plans.filter((p) => p.workload.name === values.workload);
  if (plans.length === 0) {
    throw new InputError(
      `--workload ${values.workload}: no such workload in ${display(file)}; known: ${all.plans.map((p) => p.workload.name).join(", ")}`,
    );
  }
  const code = invalid ? 2 : plans.some((p) => p.selection.candidates.length === 0) ? 1 : 0;
  const workloads = all;
  if (values.json) {
    return { text: `${JSON.stringify(selectionJson(plans, workloads), null, 2)}\n`, code };
  }
  const source = limits.file ? display(limits.file) : "no policy config (no environment limits)";
  const text = [
    `Model selection for stack '${stack}' (${display(file)}) as of ${asOf}`,
    "",
    ...plans.flatMap((p, i) => [...(i > 0 ? ["", ""] : []), ...workloadText(p, workloads, source)]),
    ...(invalid ? ["", `The stack config is not valid:`, ...indent(invalid.message.split("\n"))] : []),
    "",
  ].join("\n");
  return { text, code };
}
