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
import { ExceptionEntry, exceptionConfigSchema, reportWithExceptions } from "./exceptions";

export type Rule = (ResourceValidationPolicy | StackValidationPolicy) & {
  readonly severity: Severity;
  readonly remediationSteps: string;
  /** What the rule corresponds to in PSRule for Azure, Azure Policy and the benchmarks. */
  readonly references: RuleReferences;
};

/**
 * What a rule corresponds to elsewhere, for the coverage table of docs/policy-pack.md. Ids come from
 * the sources themselves (see `policies/docs/references.ts`), never from memory.
 */
export interface RuleReferences {
  /** PSRule for Azure rule names, for example `Azure.AI.DisableLocalAuth`. */
  readonly psrule?: readonly string[];
  /** Azure Policy built-in definition ids (the GUID name of the definition). */
  readonly azurePolicy?: readonly string[];
  /** Microsoft cloud security benchmark v1 controls, for example `NS-2`. */
  readonly mcsb?: readonly string[];
  /** Well-Architected Framework pillar, with the recommendation code where one is published. */
  readonly waf?: string;
  /** How the rule differs from what it references (stricter, narrower), when it does. */
  readonly note?: string;
}

/** Properties of a resource as a rule reads them: plain JSON, possibly with unknowns during preview. */
export type Props = Record<string, unknown>;

export interface ResourceRuleSpec {
  readonly name: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediationSteps: string;
  readonly references: RuleReferences;
  /** Resource types the rule judges; it reports nothing on any other type. */
  readonly resourceTypes: readonly string[];
  readonly configSchema?: ResourceValidationPolicy["configSchema"];
  readonly validate: (props: Props, args: ResourceValidationArgs, report: ReportViolation) => void;
}

/** A rule's config schema with the properties every rule takes: `exceptions` and `asOf`. */
export function withExceptions(
  schema: ResourceValidationPolicy["configSchema"],
): NonNullable<ResourceValidationPolicy["configSchema"]> {
  return { ...schema, properties: { ...exceptionConfigSchema, ...schema?.properties } };
}

/**
 * A rule that judges one resource at a time, only resources of the listed types. Its findings go
 * through the acknowledged exceptions of `exceptions.ts`.
 */
export function resourceRule(spec: ResourceRuleSpec): Rule {
  const { resourceTypes, validate, configSchema, ...meta } = spec;
  return {
    ...meta,
    configSchema: withExceptions(configSchema),
    validateResource: (args, report) => {
      if (!resourceTypes.includes(args.type)) {
        return;
      }
      // Exceptions are looked up only when there is a finding: most resources have none.
      let withExceptions: ReportViolation | undefined;
      validate(args.props, args, (message, urn) => {
        withExceptions ??= reportWithExceptions(
          meta,
          args.getConfig<{ exceptions?: ExceptionEntry[]; asOf?: string }>(),
          report,
          (u) =>
            u === undefined || u === args.urn
              ? { urn: args.urn, name: args.name, tags: () => args.props.tags }
              : { urn: u, name: undefined, tags: () => undefined },
        );
        withExceptions(message, urn);
      });
    },
  };
}
