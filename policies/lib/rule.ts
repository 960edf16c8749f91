/**
 * Shared shape of the pack's rules: every rule states its severity and remediation steps, so the
 * rules table and the analyzer metadata come from the rule itself.
 */
import {
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

export type Rule = (ResourceValidationPolicy | StackValidationPolicy) & {
  readonly severity: Severity;
  readonly remediationSteps: string;
};

/** Properties of a resource as a rule reads them: plain JSON, possibly with unknowns during preview. */
export type Props = Record<string, unknown>;

export interface ResourceRuleSpec {
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediationSteps: string;
  /** Resource types the rule judges; it reports nothing on any other type. */
  readonly resourceTypes: readonly string[];
  readonly configSchema?: ResourceValidationPolicy["configSchema"];
  readonly validate: (props: Props, args: ResourceValidationArgs, report: ReportViolation) => void;
}

/** A rule that judges one resource at a time, only resources of the listed types. */
export function resourceRule(spec: ResourceRuleSpec): Rule {
  const { resourceTypes, validate, ...meta } = spec;
  return {
    ...meta,
    validateResource: (args, report) => {
      if (!resourceTypes.includes(args.type)) {
        return;
      }
      validate(args.props, args, report);
    },
  };
}

export interface StackRuleSpec {
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediationSteps: string;
  readonly configSchema?: StackValidationPolicy["configSchema"];
  /**
   * Judges the whole stack. In AnalyzeStack a resource's `props` are its outputs and it has no `id`
   * field: join resources through `propertyDependencies`, `dependencies` and `parent`, and only fall
   * back to ARM ids read from props. Report each finding on the resource it concerns (`report(msg, urn)`).
   */
  readonly validate: (
    resources: readonly PolicyResource[],
    args: StackValidationArgs,
    report: ReportViolation,
  ) => void;
}

/** A rule that judges the stack as a whole (every resource with its outputs and dependencies). */
export function stackRule(spec: StackRuleSpec): Rule {
  const { validate, ...meta } = spec;
  return {
    ...meta,
    validateStack: (args, report) => {
      validate(args.resources, args, report);
    },
  };
}
