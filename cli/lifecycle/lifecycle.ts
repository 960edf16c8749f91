/**
 * `lifecycle`: for each stack, the model deployments that retired or retire within N days (and
 * those the catalog cannot judge), with their successors. Offline and quick (the stack configs and
 * the catalog only: no program run, no policy pack), for a scheduled CI job: exit 1 when anything
 * retired or retires in the window, so the job turns red weeks before the day.
 *
 *   lifecycle [--stack NAME]... [--days N] [--as-of YYYY-MM-DD] [--json]
 */
import { workloadLimits } from "../plan/workload-limits";
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { LifecycleDeployment, lifecycleFindings } from "../../components/catalog";
import { planCanary } from "../../components/gateway/canary";
import { customModelSpecs } from "../../stacks/config/custom-models";
import { loadPlatformConfig } from "../../stacks/config/load";
import { PlatformConfig } from "../../stacks/config/schema";
import { InputError } from "../errors";
import { asOfFlag, todayIso } from "../as-of";
import { display, projectRoot } from "../paths";
import { projectStacks, readProject, stackFileOf } from "../plan/project";
import { readStackConfig } from "../plan/stack-file";
import { LifecycleSection, lifecycleJson, lifecycleText, routedDeploymentName } from "../report/lifecycle";

/** Days ahead the command looks by default: a quarter, the time an evaluated upgrade takes. */
export const defaultDays = 90;

/** The deployments a stack config declares, the canary candidate and router subsets included. */
export function configDeployments(config: PlatformConfig): LifecycleDeployment[] {
  const out: LifecycleDeployment[] = [];
  const candidates = planCanary(config.accounts, config.gateway?.upgrade).plans;
  for (const account of config.accounts) {
    const own = candidates.filter((c) => c.account === account.name).map((c) => c.candidate);
    for (const d of [...account.deployments, ...own]) {
      const deployment = d.name ?? d.model;
      out.push({ account: account.name, deployment, model: d.model, version: d.version });
      for (const m of d.routing?.models ?? []) {
        out.push({
          account: account.name,
          deployment: routedDeploymentName(deployment, m.model),
          model: m.model,
          version: m.version,
        });
      }
    }
  }
  return out;
}

/** The lifecycle section of one stack's config on a day. */
export function stackLifecycle(stack: string, asOf: string, days: number): LifecycleSection {
  const project = readProject(projectRoot);
  const file = stackFileOf(project, stack);
  if (!fs.existsSync(file)) {
    throw new InputError(
      `no config for stack '${stack}' (${display(file)}); known stacks: ${projectStacks(project).join(", ")}`,
    );
  }
  const values = readStackConfig(file, project.name, project.config);
  const loaded = loadPlatformConfig(
    values.values,
    values.secretKeys,
    display(file),
    new Date(`${asOf}T00:00:00Z`),
    { workloadLimits: workloadLimits(stack, values.values).read },
  );
  const findings = lifecycleFindings(
    configDeployments(loaded.config),
    new Date(`${asOf}T00:00:00Z`),
    days,
    customModelSpecs(loaded.config.customModels),
  );
  return { asOf, windowDays: days, findings: findings.map((f) => ({ ...f, urn: "" })) };
}

function daysFlag(value: string | undefined): number {
  if (value === undefined) {
    return defaultDays;
  }
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InputError(
      `--days ${JSON.stringify(value)}: must be a whole number of days, for example --days 90`,
    );
  }
  return n;
}

/** Runs the command; returns the exit code (1 when anything retired or retires within the window). */
export async function lifecycleCommand(
  argv: readonly string[],
  write: (text: string) => Promise<void>,
): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      stack: { type: "string", multiple: true },
      days: { type: "string" },
      "as-of": { type: "string" },
      json: { type: "boolean" },
      debug: { type: "boolean" },
    },
  });
  const asOf = asOfFlag(values["as-of"]) ?? todayIso();
  const days = daysFlag(values.days);
  const stacks = values.stack ?? projectStacks(readProject(projectRoot));
  const sections = stacks.map((stack) => ({ stack, section: stackLifecycle(stack, asOf, days) }));
  const due = sections.reduce(
    (n, s) => n + s.section.findings.filter((f) => f.kind === "retired" || f.kind === "retiring").length,
    0,
  );
  if (values.json) {
    const doc = {
      asOf,
      days,
      due,
      stacks: sections.map((s) => ({ stack: s.stack, ...(lifecycleJson(s.section) as object) })),
    };
    await write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const lines = sections.flatMap((s) => [
      `Stack '${s.stack}':`,
      ...lifecycleText(s.section).map((l) => `  ${l}`),
      "",
    ]);
    lines.push(
      due === 0
        ? `OK: nothing retires within ${days} days of ${asOf} in ${stacks.length} stack(s)`
        : `DUE: ${due} deployment(s) retired or retire within ${days} days of ${asOf}; move them to their successors`,
    );
    await write(`${lines.join("\n")}\n`);
  }
  return due === 0 ? 0 : 1;
}
