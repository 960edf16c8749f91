/**
 * The monthly cost of a plan or check: the pure cost model over the resources the engine recorded
 * (their outputs, as the policy pack sees them), in the three output formats.
 */
import { CostEstimate, estimateCost } from "../../components/cost/estimate";
import { usd } from "../../components/cost/units";
import { PlannedResource } from "../model";
import { redact } from "../wire";
import { shortName } from "./report";

/** The estimate of the resources (secrets and unknowns read as `[secret]`/`[unknown]`: unpriced, never guessed). */
export function estimateOf(resources: readonly PlannedResource[]): CostEstimate {
  return estimateCost(resources.map((r) => ({ urn: r.urn, type: r.type, props: redact(r.outputs) })));
}

/** The `cost` key of `--json`. */
export function costJson(c: CostEstimate) {
  return {
    currency: c.currency,
    monthlyUsd: c.monthlyUsd,
    items: c.items.map((i) => ({ urn: i.urn, kind: i.kind, monthlyUsd: i.monthlyUsd, basis: i.basis })),
    unpriced: c.unpriced.map((u) => ({ urn: u.urn, why: u.why })),
  };
}

/** Text lines: the total, one line per item (largest first) with its basis, then the unpriced. */
export function costText(c: CostEstimate): string[] {
  const lines = [
    `Monthly cost estimate: ${usd(c.monthlyUsd)} (${c.items.length} priced, ${c.unpriced.length} unpriced)`,
  ];
  const items = [...c.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.urn.localeCompare(b.urn));
  const width = Math.max(0, ...items.map((i) => usd(i.monthlyUsd).length));
  for (const i of items) {
    lines.push(`  ${usd(i.monthlyUsd).padStart(width)}  ${shortName(i.urn)} (${i.kind})`, `      ${i.basis}`);
  }
  if (c.unpriced.length > 0) {
    lines.push("  Not priced:");
    for (const u of c.unpriced) {
      lines.push(`    ${shortName(u.urn)} (${u.kind}): ${u.why}`);
    }
  }
  return lines;
}

/** Makes text safe inside a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/**
 * Markdown: the total, the items (largest first; collapsed when there are more than
 * `collapseOver`), the unpriced in a collapsed list.
 */
export function costMarkdown(c: CostEstimate, collapseOver = Infinity): string[] {
  const lines = [
    `**Monthly cost estimate: ${usd(c.monthlyUsd)}** (USD, ${c.items.length} priced, ${c.unpriced.length} unpriced)`,
    "",
  ];
  const items = [...c.items].sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.urn.localeCompare(b.urn));
  if (items.length > 0) {
    const collapsed = items.length > collapseOver;
    if (collapsed) {
      lines.push(`<details><summary>Priced (${items.length})</summary>`, "");
    }
    lines.push("| Monthly | Resource | Kind | Basis |", "|---:|---|---|---|");
    for (const i of items) {
      lines.push(`| ${usd(i.monthlyUsd)} | \`${cell(shortName(i.urn))}\` | ${i.kind} | ${cell(i.basis)} |`);
    }
    lines.push("", ...(collapsed ? ["</details>", ""] : []));
  }
  if (c.unpriced.length > 0) {
    lines.push(
      `<details><summary>Not priced (${c.unpriced.length})</summary>`,
      "",
      "| Resource | Why |",
      "|---|---|",
    );
    for (const u of c.unpriced) {
      lines.push(`| \`${cell(shortName(u.urn))}\` | ${cell(u.why)} |`);
    }
    lines.push("", "</details>", "");
  }
  return lines;
}
