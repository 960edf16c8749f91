/**
 * Stack rules: rules that judge resources together (joins across resources, totals, presence of a
 * resource). Like `resourceRule`, a stack rule lists the resource types it understands; it sees
 * only those and can report only those.
 */
import {
  PolicyResource,
  ReportViolation,
  StackValidationArgs,
  StackValidationPolicy,
  Severity,
} from "@pulumi/policy";
import { ExceptionEntry, reportInvalidEntries, reportWithExceptions } from "./exceptions";
import { Rule, RuleReferences, withExceptions } from "./rule";

export interface StackRuleSpec {
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediationSteps: string;
  readonly references: RuleReferences;
  /** Resource types the rule reads and may report on; every other resource is invisible to it. */
  readonly resourceTypes: readonly string[];
  readonly configSchema?: StackValidationPolicy["configSchema"];
  /**
   * Judges the stack. `resources` holds only resources of the listed types; their `parent`,
   * `dependencies` and `propertyDependencies` still point at any resource of the stack. A report
   * without a URN is a finding about the stack as a whole.
   */
  readonly validate: (
    resources: readonly PolicyResource[],
    args: StackValidationArgs,
    report: ReportViolation,
  ) => void;
}

/** A rule that judges the stack's resources together (AnalyzeStack: outputs, parents, dependencies). */
export function stackRule(spec: StackRuleSpec): Rule {
  const { resourceTypes, validate, configSchema, ...meta } = spec;
  const understood = new Set(resourceTypes);
  return {
    ...meta,
    configSchema: withExceptions(configSchema),
    validateStack: (args, report) => {
      const resources = args.resources.filter((r) => understood.has(r.type));
      const byUrn = new Map(resources.map((r) => [r.urn, r]));
      const config = args.getConfig<{ exceptions?: ExceptionEntry[]; asOf?: string }>();
      const withExceptions = reportWithExceptions(meta, config, report, (urn) => {
        const r = urn ? byUrn.get(urn) : undefined;
        return { urn: urn || undefined, name: r?.name, tags: () => r?.props.tags };
      });
      validate(resources, args, (message, urn) => {
        // A finding names the stack or a resource the rule understands, never anything else.
        if (urn === undefined || urn === "" || byUrn.has(urn)) {
          withExceptions(message, urn || undefined);
        }
      });
      if (config.exceptions?.length) {
        reportInvalidEntries(config, resources, report, true);
      }
    },
  };
}
