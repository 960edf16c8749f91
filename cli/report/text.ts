/** The human-readable report: a resource tree grouped by component, violations, errors, a summary line. */
import { PlannedResource, Violation, isAcknowledged, isBlocking } from "../model";
import { redact } from "../wire";
import { configWarningsText } from "./config-warnings";
import { costText } from "./cost";
import { diffText } from "./diff";
import { lifecycleText } from "./lifecycle";
import { Report, policyConfigLine, shortName, summarize, typeOfUrn } from "./report";

/** The few inputs a reviewer looks for first: model, SKU and capacity, location. Secrets never show. */
function details(r: PlannedResource): string {
  const inputs = redact(r.inputs) as Record<string, unknown>;
  const parts: string[] = [];
  const model = (inputs.properties as { model?: { name?: unknown; version?: unknown } } | undefined)?.model;
  if (typeof model?.name === "string") {
    parts.push(typeof model.version === "string" ? `${model.name}@${model.version}` : model.name);
  }
  const sku = inputs.sku as { name?: unknown; capacity?: unknown } | undefined;
  if (typeof sku?.name === "string") {
    parts.push(typeof sku.capacity === "number" ? `${sku.name} x${sku.capacity}` : sku.name);
  }
  if (typeof inputs.location === "string") {
    parts.push(inputs.location);
  }
  return parts.length > 0 ? `  ${parts.join(", ")}` : "";
}

function flags(r: PlannedResource): string {
  const f: string[] = [];
  if (r.options.protect) {
    f.push("protected");
  }
  if (r.options.retainOnDelete) {
    f.push("retained on delete");
  }
  return f.length > 0 ? `  [${f.join(", ")}]` : "";
}

/** Resources as a tree: children under their parent, in URN order for a stable picture. */
export function resourceTree(resources: readonly PlannedResource[]): string[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const children = new Map<string, PlannedResource[]>();
  const roots: PlannedResource[] = [];
  for (const r of resources) {
    if (r.parent && byUrn.has(r.parent)) {
      const list = children.get(r.parent) ?? [];
      list.push(r);
      children.set(r.parent, list);
    } else {
      roots.push(r);
    }
  }
  const byUrnOrder = (a: PlannedResource, b: PlannedResource) => a.urn.localeCompare(b.urn);
  const lines: string[] = [];
  const walk = (r: PlannedResource, prefix: string, last: boolean, root: boolean) => {
    const branch = root ? "" : last ? "└─ " : "├─ ";
    lines.push(`${prefix}${branch}${r.name}  (${r.type})${details(r)}${flags(r)}`);
    const kids = (children.get(r.urn) ?? []).sort(byUrnOrder);
    const next = root ? prefix : `${prefix}${last ? "   " : "│  "}`;
    kids.forEach((k, i) => walk(k, next, i === kids.length - 1, false));
  };
  roots.sort(byUrnOrder).forEach((r) => walk(r, "", true, true));
  return lines;
}

/** How a finding's exception reads in the text and Markdown reports. */
export function exceptionText(v: Violation): string | undefined {
  const e = v.exception;
  if (!e) {
    return undefined;
  }
  switch (e.status) {
    case "acknowledged":
      return `acknowledged until ${e.expires} (${e.source}): ${e.reason}`;
    case "expired":
      return `exception expired on ${e.expires} (${e.source}), counts again: ${e.reason}`;
    default:
      return `exception ignored (${e.source}): ${e.reason}`;
  }
}

function exceptionLines(v: Violation): string[] {
  const text = exceptionText(v);
  return text ? [`[${text}]`] : [];
}

export function textReport(report: Report): string {
  const s = summarize(report);
  const lines: string[] = [];
  const title = report.command === "plan" ? "Plan" : "Check";
  lines.push(`${title} of stack '${report.stack}': ${s.resources} resources`, "");
  lines.push(...configWarningsText(report));
  if (report.diff) {
    lines.push(...diffText(report.diff), "");
  }
  lines.push(...resourceTree(report.resources), "");

  if (report.violations.length === 0) {
    lines.push("Violations: none");
  } else {
    lines.push(
      `Violations (${s.mandatory} mandatory, ${s.advisory} advisory, ${s.acknowledged} acknowledged):`,
    );
    for (const v of report.violations) {
      const level = isBlocking(v) ? "MANDATORY" : isAcknowledged(v) ? "ACK" : v.enforcementLevel;
      const where = v.urn ? `${shortName(v.urn)} (${typeOfUrn(v.urn)})` : "(stack)";
      lines.push(`  ${level.padEnd(9)}  ${(v.severity || "-").padEnd(8)}  ${v.policy}  ${where}`);
      for (const messageLine of [...exceptionLines(v), ...v.message.split("\n")]) {
        lines.push(`      ${messageLine}`);
      }
    }
  }
  lines.push("", ...lifecycleText(report.lifecycle));
  lines.push("", ...costText(report.cost));
  if (report.errors.length > 0) {
    lines.push("", `Errors the engine or Azure would reject (${report.errors.length}):`);
    for (const e of report.errors) {
      lines.push(`  ${e.kind}  ${shortName(e.urn)}: ${e.message}`);
    }
  }
  lines.push(
    "",
    policyConfigLine(report.policyConfig),
    `${s.passed ? "PASS" : "FAIL"}: ${s.resources} resources, ${s.mandatory} mandatory and ${s.advisory} advisory violations, ${s.acknowledged} acknowledged, ${s.errors} errors${s.configWarnings > 0 ? `, ${s.configWarnings} config ${s.configWarnings === 1 ? "warning" : "warnings"}` : ""} (policy pack ${report.pack.name}@${report.pack.version}, ${report.pack.policies} policies)`,
  );
  return `${lines.join("\n")}\n`;
}
