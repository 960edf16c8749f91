/** `--markdown`: a compact summary for a pull-request comment. */
import { isAcknowledged, isBlocking } from "../model";
import { cell, costMarkdown } from "./cost";
import { diffMarkdown } from "./diff";
import { lifecycleMarkdown } from "./lifecycle";
import { topologyMarkdown } from "./mermaid";
import { Report, policyConfigLine, shortName, summarize } from "./report";
import { exceptionText } from "./text";

export function markdownReport(report: Report): string {
  const s = summarize(report);
  const lines: string[] = [];
  const title = report.command === "plan" ? "plan" : "check";
  lines.push(
    `### ${s.passed ? "✅" : "❌"} foundry-platform ${title}: \`${report.stack}\``,
    "",
    `**${s.resources}** resources · **${s.mandatory}** mandatory · **${s.advisory}** advisory · **${s.acknowledged}** acknowledged violations · **${s.errors}** errors · policy pack \`${report.pack.name}@${report.pack.version}\``,
    "",
    cell(policyConfigLine(report.policyConfig)),
    "",
  );
  if (report.diff) {
    lines.push(...diffMarkdown(report.diff));
  }
  lines.push(...costMarkdown(report.cost), ...topologyMarkdown(report.resources));
  const counts = new Map<string, number>();
  for (const r of report.resources) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  }
  lines.push("<details><summary>Resources by type</summary>", "", "| Type | Count |", "|---|---:|");
  for (const [type, count] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${type}\` | ${count} |`);
  }
  lines.push("", "</details>", "");
  lines.push(...lifecycleMarkdown(report.lifecycle));
  if (report.violations.length > 0) {
    lines.push("| Level | Severity | Policy | Resource | Message |", "|---|---|---|---|---|");
    for (const v of report.violations) {
      const level = isBlocking(v) ? "**mandatory**" : isAcknowledged(v) ? "acknowledged" : v.enforcementLevel;
      const exception = exceptionText(v);
      const message = exception ? `_${exception}_<br>${v.message}` : v.message;
      lines.push(
        `| ${level} | ${v.severity || "-"} | \`${v.policy}\` | ${v.urn ? `\`${cell(shortName(v.urn))}\`` : "(stack)"} | ${cell(message)} |`,
      );
    }
    lines.push("");
  }
  if (report.errors.length > 0) {
    lines.push("| Error | Resource | Message |", "|---|---|---|");
    for (const e of report.errors) {
      lines.push(`| ${e.kind} | \`${cell(shortName(e.urn))}\` | ${cell(e.message)} |`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}`;
}
