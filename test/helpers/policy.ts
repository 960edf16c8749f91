/**
 * Runs a rule's validation functions directly with the arguments the policy SDK would pass, without
 * starting a server. Props are wrapped in the SDK's own unknown-checking proxy, as in the analyzer.
 */
import { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { Rule } from "../../policies/lib/rule";

/** The policy SDK's unknown-value proxy and sentinels (exported at runtime, left out of its typings). */
interface PolicyProxyModule {
  unknownCheckingProxy<T>(props: T): T;
  UnknownValueError: new (...args: never[]) => Error;
  unknownBooleanValue: string;
  unknownNumberValue: string;
  unknownStringValue: string;
  unknownArrayValue: string;
  unknownObjectValue: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as PolicyProxyModule;
const { unknownCheckingProxy, UnknownValueError } = proxy;

/** Values unknown during preview, as the analyzer hands them to a rule. */
export const unknown = {
  boolean: proxy.unknownBooleanValue,
  number: proxy.unknownNumberValue,
  string: proxy.unknownStringValue,
  array: proxy.unknownArrayValue,
  object: proxy.unknownObjectValue,
};

export interface Finding {
  readonly message: string;
  readonly urn?: string;
  /** Set when the rule set this finding's level itself (an acknowledged exception: advisory). */
  readonly enforcementLevel?: string;
}

/**
 * What a rule reported, in the SDK's two forms: `(message, urn)`, or one object that also sets the
 * violation's level (its message then carries the policy description first, as the SDK sends it).
 */
function finding(message: unknown, urn: string | undefined, description: string): Finding {
  if (typeof message === "object" && message !== null) {
    const v = message as { message?: string; urn?: string; enforcementLevel?: string };
    const text = v.message ?? "";
    return {
      message: text.startsWith(`${description}\n`) ? text.slice(description.length + 1) : text,
      urn: v.urn,
      enforcementLevel: v.enforcementLevel,
    };
  }
  return { message: typeof message === "string" ? message : "", urn };
}

function notApplicable(reason?: string): never {
  throw new Error(`notApplicable: ${reason ?? ""}`);
}

export interface ResourceCase {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly name?: string;
  readonly protect?: boolean;
  readonly config?: Record<string, unknown>;
}

function resourceArgs(c: ResourceCase): ResourceValidationArgs {
  const name = c.name ?? "r";
  return {
    type: c.type,
    props: unknownCheckingProxy(c.props) as Record<string, unknown>,
    urn: `urn:pulumi:test::test::${c.type}::${name}`,
    name,
    opts: {
      protect: c.protect ?? false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => (c.config ?? {}) as T,
    notApplicable,
  };
}

/** The findings of a resource rule on one resource; `unknown` when it could not judge during preview. */
export async function judgeResource(rule: Rule, c: ResourceCase): Promise<Finding[] | "unknown"> {
  if (!("validateResource" in rule) || !rule.validateResource) {
    throw new Error(`${rule.name} is not a resource rule`);
  }
  const findings: Finding[] = [];
  const validations = Array.isArray(rule.validateResource) ? rule.validateResource : [rule.validateResource];
  try {
    for (const v of validations) {
      await v(resourceArgs(c), (message, urn) => findings.push(finding(message, urn, rule.description)));
    }
  } catch (err) {
    if (err instanceof UnknownValueError) {
      return "unknown";
    }
    throw err;
  }
  return findings;
}

export interface StackResourceCase extends ResourceCase {
  readonly urn?: string;
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  /** Property name → URNs of the resources its value was computed from, as the engine records them. */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** The findings of a stack rule over a set of resources. */
export async function judgeStack(
  rule: Rule,
  resources: readonly StackResourceCase[],
  config: Record<string, unknown> = {},
): Promise<Finding[] | "unknown"> {
  if (!("validateStack" in rule) || !rule.validateStack) {
    throw new Error(`${rule.name} is not a stack rule`);
  }
  const built: PolicyResource[] = resources.map((c, i) => {
    const a = resourceArgs({ ...c, name: c.name ?? `r${i}` });
    return {
      type: a.type,
      props: a.props,
      urn: c.urn ?? a.urn,
      name: a.name,
      opts: a.opts,
      dependencies: [],
      propertyDependencies: {},
      isType: a.isType,
      asType: a.asType,
    } as unknown as PolicyResource;
  });
  const byUrn = new Map(built.map((r) => [r.urn, r]));
  const resolve = (urns: readonly string[]) =>
    urns.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => !!d);
  resources.forEach((c, i) => {
    const r = built[i] as {
      parent?: PolicyResource;
      dependencies: PolicyResource[];
      propertyDependencies: Record<string, PolicyResource[]>;
    };
    r.parent = c.parent ? byUrn.get(c.parent) : undefined;
    r.dependencies = resolve(c.dependencies ?? []);
    r.propertyDependencies = Object.fromEntries(
      Object.entries(c.propertyDependencies ?? {}).map(([key, urns]) => [key, resolve(urns)]),
    );
  });
  const args: StackValidationArgs = {
    resources: built,
    getConfig: <T extends object>() => config as T,
    stackTags: new Map(),
    notApplicable,
  };
  const findings: Finding[] = [];
  try {
    await rule.validateStack(args, (message, urn) => findings.push(finding(message, urn, rule.description)));
  } catch (err) {
    if (err instanceof UnknownValueError) {
      return "unknown";
    }
    throw err;
  }
  return findings;
}
