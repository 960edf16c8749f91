/**
 * Config keys that cannot take effect, in every report: text, Markdown (JSON carries the list as
 * is, SARIF as results located at each key's line). They never change the exit code: a reviewer
 * sees them first, next to the violations.
 */
import { cell } from "./cost";
import type { Report } from "./report";

/** The text report's section; empty when there is nothing to say. */
export function configWarningsText(report: Report): string[] {
  const warnings = report.configWarnings ?? [];
  if (warnings.length === 0) {
    return [];
  }
  return [
    `Config warnings (${warnings.length}): these keys have no effect`,
    ...warnings.flatMap((w) => [`  ${w.key}`, `      ${w.message}`]),
    "",
  ];
}

/** The Markdown section; empty when there is nothing to say. */
export function configWarningsMarkdown(report: Report): string[] {
  const warnings = report.configWarnings ?? [];
  if (warnings.length === 0) {
    return [];
  }
  return [
    `#### ⚠️ ${warnings.length} config ${warnings.length === 1 ? "key has" : "keys have"} no effect`,
    "",
    ...warnings.map((w) => `- \`${cell(w.key)}\`: ${cell(w.message)}`),
    "",
  ];
}
