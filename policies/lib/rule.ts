/**
 * Shared shape of the pack's rules: every rule states its severity and remediation steps, so the
 * rules table and the analyzer metadata come from the rule itself.
 */
import {
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
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
