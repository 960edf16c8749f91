/**
 * `--markdown`: the pull-request summary, ordered for a reviewer. First what the change does and
 * whether it may go in (the verdict, the counts, the cost, the diff against the base); then what
 * needs attention (violations with how to fix them, engine errors, config keys without effect);
 * then what it deploys (per account the model deployments, per gateway the teams with their
 * allow-lists and limits); then the lifecycle, the cost detail, the topology and the resource
 * counts. Large stacks stay short: long lists collapse, tables keep a total line, and the whole
 * comment stays within what GitHub accepts.
 */
import { usd } from "../../components/cost/units";
import { isAcknowledged, isBlocking, Violation } from "../model";
import { configWarningsMarkdown } from "./config-warnings";
import { cell, costMarkdown } from "./cost";
import { diffMarkdown } from "./diff";
import { capacityText, DeploymentRow, deploymentRows, familyOfSku, teamRows } from "./inventory";
import { lifecycleMarkdown } from "./lifecycle";
import { topologyMarkdown } from "./mermaid";
import { Report, policyConfigLine, shortName, summarize } from "./report";
import { exceptionText } from "./text";

/** Lists longer than this collapse into a `<details>` block. */
export const collapseOver = 12;
/** At most this many rows per table; the rest is counted, not listed (the JSON report has them all). */
export const maxRows = 100;
/** GitHub refuses a comment body over 65,536 characters; keep a margin for the CI's own wrapper. */
export const maxMarkdownChars = 60_000;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `rows` as a table, at most {@link maxRows} rows, then a line counting the rest. */
function table(header: string, rows: readonly string[]): string[] {
  const shown = rows.slice(0, maxRows);
  const columns = (header.match(/\|/g)?.length ?? 2) - 1;
  return [
    header,
    `|${"---|".repeat(columns)}`,
    ...shown,
    ...(rows.length > shown.length
      ? [`| … and ${rows.length - shown.length} more |${" |".repeat(columns - 1)}`]
      : []),
    "",
  ];
}

/** `lines` inside a collapsed block when `collapse`. */
function collapsible(summary: string, lines: readonly string[], collapse: boolean): string[] {
  return collapse ? [`<details><summary>${summary}</summary>`, "", ...lines, "</details>", ""] : [...lines];
}

function violationRow(v: Violation): string {
  const level = isBlocking(v) ? "**mandatory**" : isAcknowledged(v) ? "acknowledged" : v.enforcementLevel;
  const exception = exceptionText(v);
  const message = exception ? `_${exception}_<br>${v.message}` : v.message;
  return `| ${level} | ${v.severity || "-"} | \`${v.policy}\` | ${v.urn ? `\`${cell(shortName(v.urn))}\`` : "(stack)"} | ${cell(message)} |`;
}

/** Blocking findings in the open; the others collapsed when many; how to fix each rule, collapsed. */
function violationsMarkdown(report: Report): string[] {
  if (report.violations.length === 0) {
    return [];
  }
  const s = summarize(report);
  const blocking = report.violations.filter(isBlocking);
  const others = report.violations.filter((v) => !isBlocking(v));
  const header = "| Level | Severity | Policy | Resource | Message |";
  const lines = [
    `#### ${blocking.length > 0 ? "❌" : "ℹ️"} Violations: ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.acknowledged} acknowledged`,
    "",
  ];
  if (blocking.length > 0) {
    lines.push(...table(header, blocking.map(violationRow)));
  }
  if (others.length > 0) {
    lines.push(
      ...collapsible(
        `${plural(others.length, "advisory or acknowledged finding")}`,
        table(header, others.map(violationRow)),
        blocking.length > 0 || others.length > collapseOver,
      ),
    );
  }
  const rules = [...new Set(report.violations.map((v) => v.policy))].sort();
  const remediation = rules.map((name) => {
    const steps = report.rules.find((r) => r.name === name)?.remediationSteps;
    return `- \`${name}\`: ${steps ? cell(steps) : "the pack gives no remediation for this rule"}`;
  });
  lines.push(...collapsible(`How to fix (${plural(rules.length, "rule")})`, [...remediation, ""], true));
  return lines;
}

function errorsMarkdown(report: Report): string[] {
  if (report.errors.length === 0) {
    return [];
  }
  return [
    `#### ❌ ${plural(report.errors.length, "error")} the engine or Azure would reject`,
    "",
    ...table(
      "| Error | Resource | Message |",
      report.errors.map((e) => `| ${e.kind} | \`${cell(shortName(e.urn))}\` | ${cell(e.message)} |`),
    ),
  ];
}

/** "15 PTU provisioned · 1,150K TPM standard · 100 batch quota". */
function capacityTotals(rows: readonly DeploymentRow[]): string {
  const sum = (family: string) =>
    rows.filter((r) => familyOfSku(r.type) === family).reduce((n, r) => n + (r.capacity ?? 0), 0);
  const parts: string[] = [];
  const ptu = sum("provisioned");
  const tpm = sum("standard");
  const batch = sum("batch");
  if (ptu > 0) parts.push(`${ptu.toLocaleString("en-US")} PTU provisioned`);
  if (tpm > 0) parts.push(`${tpm.toLocaleString("en-US")}K TPM standard`);
  if (batch > 0) parts.push(`${batch.toLocaleString("en-US")} batch quota`);
  return parts.join(" · ");
}

function deploymentRow(d: DeploymentRow): string {
  const notes = [
    ...(d.canary
      ? [
          `canary of \`${d.canary.of}\`${d.canary.weightPercent !== undefined ? ` (${d.canary.weightPercent}% of its traffic)` : ""}`,
        ]
      : []),
    ...(d.protect ? ["protected"] : []),
  ];
  return `| \`${cell(d.deployment)}\` | ${cell(d.model)} | ${d.version ?? "default"} | ${d.type} | ${capacityText(d.type, d.capacity)} | ${d.spillover ? `\`${cell(d.spillover)}\`` : "-"} | ${d.versionUpgradeOption ?? "-"} | ${notes.join(", ") || "-"} |`;
}

/** Per account: every model deployment, with a total line; collapsed per account for large stacks. */
function deploymentsMarkdown(report: Report): string[] {
  const rows = deploymentRows(report.resources);
  if (rows.length === 0) {
    return [];
  }
  const accounts = [...new Set(rows.map((r) => r.account))];
  const collapse = rows.length > collapseOver;
  const lines = [
    "#### Model deployments",
    "",
    `**${plural(rows.length, "deployment")} in ${plural(accounts.length, "account")}**: ${capacityTotals(rows)}`,
    "",
  ];
  for (const account of accounts) {
    const own = rows.filter((r) => r.account === account);
    const where = own[0].location ? ` (${own[0].location})` : "";
    const title = `\`${account}\`${where}: ${plural(own.length, "deployment")}, ${capacityTotals(own)}`;
    const body = table(
      "| Deployment | Model | Version | Type | Capacity | Spillover | Upgrade option | Notes |",
      own.map(deploymentRow),
    );
    lines.push(...(collapse ? collapsible(title, body, true) : [`**${title}**`, "", ...body]));
  }
  return lines;
}

/** Per gateway: every team with its allow-list and token limits. */
function teamsMarkdown(report: Report): string[] {
  const rows = teamRows(report.resources);
  if (rows.length === 0) {
    return [];
  }
  const gateways = [...new Set(rows.map((r) => r.gateway))];
  const count = (n: number | undefined) => (n === undefined ? "?" : n.toLocaleString("en-US"));
  const lines = ["#### Gateway teams", ""];
  for (const gateway of gateways) {
    const own = rows.filter((r) => r.gateway === gateway);
    const body = table(
      "| Team | Allowed models | Tokens per minute | Token quota |",
      own.map(
        (t) =>
          `| \`${cell(t.team)}\` | ${t.allowedModels ? cell(t.allowedModels.join(", ")) : t.hasPolicy ? "? (not readable from the product policy)" : "? (no product policy in the stack)"} | ${count(t.tokensPerMinute)} | ${count(t.tokenQuota)}${t.tokenQuotaPeriod ? ` / ${t.tokenQuotaPeriod.toLowerCase()}` : ""} |`,
      ),
    );
    const title = `\`${gateway}\`: ${plural(own.length, "team")}`;
    lines.push(
      ...(own.length > collapseOver ? collapsible(title, body, true) : [`**${title}**`, "", ...body]),
    );
  }
  return lines;
}

function resourcesByType(report: Report): string[] {
  const counts = new Map<string, number>();
  for (const r of report.resources) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  }
  return collapsible(
    `Resources by type (${plural(report.resources.length, "resource")}, ${plural(counts.size, "type")})`,
    table(
      "| Type | Count |",
      [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `| \`${t}\` | ${n} |`),
    ),
    true,
  );
}

export function markdownReport(report: Report): string {
  const s = summarize(report);
  const title = report.command === "plan" ? "plan" : "check";
  const deployments = deploymentRows(report.resources).length;
  const large = deployments > collapseOver;
  const head = [
    `### ${s.passed ? "✅" : "❌"} foundry-platform ${title}: \`${report.stack}\``,
    "",
    `**${s.resources}** resources · **${s.mandatory}** mandatory · **${s.advisory}** advisory · **${s.acknowledged}** acknowledged violations · **${s.errors}** errors · **${s.configWarnings}** config warnings · **${usd(report.cost.monthlyUsd)}**/month · policy pack \`${report.pack.name}@${report.pack.version}\``,
    "",
    cell(policyConfigLine(report.policyConfig)),
    "",
    ...(report.diff ? diffMarkdown(report.diff) : []),
    ...violationsMarkdown(report),
    ...errorsMarkdown(report),
    ...configWarningsMarkdown(report),
    ...deploymentsMarkdown(report),
    ...teamsMarkdown(report),
    ...lifecycleMarkdown(report.lifecycle),
  ];
  // The detail sections, dropped last-first when the comment would be too long for GitHub.
  const details = [
    { name: "cost detail", lines: costMarkdown(report.cost, collapseOver) },
    { name: "topology", lines: topologyMarkdown(report.resources, !large) },
    { name: "resources by type", lines: resourcesByType(report) },
  ];
  const length = (lines: readonly string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  const omitted: string[] = [];
  while (details.length > 0 && length([...head, ...details.flatMap((d) => d.lines)]) > maxMarkdownChars) {
    omitted.unshift((details.pop() as { name: string }).name);
  }
  const lines = [...head, ...details.flatMap((d) => d.lines)];
  if (omitted.length > 0) {
    lines.push(
      `_Omitted to stay within GitHub's comment size: ${omitted.join(", ")}; the \`--json\` report has everything._`,
      "",
    );
  }
  return lines.join("\n");
}
