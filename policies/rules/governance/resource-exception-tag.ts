import { exceptionTagPrefix, judgeException, parseExceptionTag, todayOf } from "../../lib/exceptions";
import { isRecord } from "../../lib/read";
import { Rule, resourceRule } from "../../lib/rule";
import { taggableTypes } from "../../lib/types";

/** Names of the pack's rules (read when first needed: the pack's list imports this file). */
function ruleNames(): readonly string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../policies") as { policies: readonly Rule[] }).policies.map((p) => p.name);
}

/** Every exception carried by a tag names a real rule, a reason and an expiry date. */
export const governanceResourceExceptionTag = resourceRule({
  name: "governance-resource-exception-tag",
  description:
    "Every `policy-exception:<rule>` tag must name a rule of this pack and carry an expiry date and a reason (`YYYY-MM-DD: reason`). An exception nobody can explain, or that never ends, is a guardrail switched off; one for an unknown rule does nothing while looking like it does.",
  severity: "medium",
  remediationSteps:
    'Write the tag as `policy-exception:<rule name>` = `"<YYYY-MM-DD>: <why, and the ticket that ends it>"`, with the rule\'s exact name (see docs/policy-pack.md), or delete it. Expired exceptions are reported by the rule they name, not here.',
  references: { waf: "Operational Excellence" },
  resourceTypes: taggableTypes,
  validate: (props, args, report) => {
    const tags = props.tags;
    if (!isRecord(tags)) {
      return;
    }
    const today = todayOf(args.getConfig<{ asOf?: string }>());
    for (const key of Object.keys(tags).filter((k) => k.startsWith(exceptionTagPrefix))) {
      const rule = key.slice(exceptionTagPrefix.length);
      const value = Object.getOwnPropertyDescriptor(tags, key)?.value;
      if (typeof value !== "string") {
        continue; // unknown during preview
      }
      if (!ruleNames().includes(rule)) {
        report(`Tag '${key}' names no rule of this pack: the exception does nothing.`);
        continue;
      }
      const { expires, reason } = parseExceptionTag(value);
      const state = judgeException(reason, expires, "tag", today);
      if (state.status === "invalid") {
        report(`Tag '${key}' is not a valid exception: ${state.problem}. Write it as "YYYY-MM-DD: reason".`);
      }
    }
  },
});
