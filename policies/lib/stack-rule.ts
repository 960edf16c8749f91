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
import { ExceptionEntry, reportWithExceptions } from "./exceptions";
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
   * A type without which the rule has nothing to judge: when the stack holds no resource of it, the
   * policy SDK skips the rule altogether (cheaper than judging an empty set).
   */
  readonly triggerType?: string;
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
  const { resourceTypes, validate, configSchema, triggerType, ...meta } = spec;
  const understood = new Set(resourceTypes);
  return {
    ...meta,
    configSchema: withExceptions(configSchema),
    validateStack: Object.assign(
      (args: StackValidationArgs, report: ReportViolation) => {
        const resources = args.resources.filter((r) => understood.has(r.type));
        const urns = new Set(resources.map((r) => r.urn));
        let withExceptions: ReportViolation | undefined;
        validate(resources, args, (message, urn) => {
          // A finding names the stack or a resource the rule understands, never anything else.
          if (urn !== undefined && urn !== "" && !urns.has(urn)) {
            return;
          }
          if (withExceptions === undefined) {
            const byUrn = new Map(resources.map((r) => [r.urn, r]));
            withExceptions = reportWithExceptions(
              meta,
              args.getConfig<{ exceptions?: ExceptionEntry[]; asOf?: string }>(),
              report,
              (u) => {
                const r = u ? byUrn.get(u) : undefined;
                return { urn: u || undefined, name: r?.name, tags: () => r?.props.tags };
              },
            );
          }
          withExceptions(message, urn || undefined);
        });
      },
      // The policy SDK skips a stack policy whose validation names a type the stack does not hold,
      // without deserializing the stack for it.
      triggerType ? { __pulumiType: triggerType } : {},
    ),
  };
}
