import { PolicyResource } from "@pulumi/policy";
import { AiDeploymentView, aiDeploymentView, deploymentNameOf } from "../../lib/azure";
import { field, isRecord, list, sameText, text } from "../../lib/read";
import { stackRule } from "../../lib/stack-rule";
import { accountNameOf, accountsOf, dependenciesOf, ofType } from "../../lib/stack";
import { types } from "../../lib/types";

type Threshold = "Low" | "Medium" | "High";

interface ContentFilterConfig {
  /** The most permissive severity threshold allowed (Low blocks the most, High the least). */
  readonly maxSeverityThreshold?: Threshold;
  /** Harm categories that must block on prompt and completion. */
  readonly categories?: readonly string[];
  /** Whether the Jailbreak (Prompt Shields) filter must be on and blocking. */
  readonly requireJailbreak?: boolean;
  /** Whether a policy in `Asynchronous_filter` mode (completions streamed before they are filtered) passes. */
  readonly allowAsynchronousFilter?: boolean;
  /**
   * Filters without a severity that must be on and blocking, for example Protected Material Text on
   * completions or Indirect Attack on prompts (the filter names Azure Policy's built-ins offer).
   */
  readonly additionalFilters?: readonly { readonly name: string; readonly source: "Prompt" | "Completion" }[];
}

/** A content filter as `raiPolicies` declare it. */
interface Filter {
  readonly name?: unknown;
  readonly enabled?: unknown;
  readonly blocking?: unknown;
  readonly action?: unknown;
  readonly severityThreshold?: unknown;
  readonly source?: unknown;
}

const thresholds: readonly Threshold[] = ["Low", "Medium", "High"];
const defaultThreshold: Threshold = "Medium";
const defaultCategories: readonly string[] = ["Hate", "Sexual", "Selfharm", "Violence"];
const sources = ["Prompt", "Completion"] as const;

/**
 * Built-in policies whose filters are published. `Microsoft.DefaultV2` is Azure OpenAI's default
 * safety policy: the four harm categories at Medium on prompts and completions, and Jailbreak on
 * prompts (Microsoft Learn, "Default content safety policies",
 * https://learn.microsoft.com/azure/ai-foundry/openai/concepts/default-safety-policies).
 */
const builtInPolicies = new Map<string, readonly Filter[]>([
  [
    "microsoft.defaultv2",
    [
      ...defaultCategories.flatMap((name) =>
        sources.map((source) => ({
          name,
          source,
          enabled: true,
          blocking: true,
          severityThreshold: "Medium",
        })),
      ),
      { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
    ],
  ],
]);

/** Filter names compare without case, spaces, dashes or underscores (`Self-harm` = `Selfharm`). */
function canonical(name: unknown): string {
  return typeof name === "string" ? name.toLowerCase().replace(/[\s_-]/g, "") : "";
}

function isBlocking(f: Filter): boolean {
  return f.blocking === true || (f.blocking === undefined && sameText(text(f.action), "BLOCKING"));
}

function thresholdRank(value: unknown): number {
  return thresholds.findIndex((t) => sameText(t, text(value)));
}

/** The filter named `name` on `source`, and what keeps it from blocking (undefined when it blocks). */
function blockingFilter(
  filters: readonly Filter[],
  name: string,
  source: string,
): { filter?: Filter; problem?: string } {
  const filter = filters.find(
    (x) => canonical(x.name) === canonical(name) && sameText(text(x.source), source),
  );
  if (!filter) {
    return { problem: "has no filter" };
  }
  if (filter.enabled !== true) {
    return { filter, problem: "is not enabled" };
  }
  return isBlocking(filter) ? { filter } : { filter, problem: "only annotates (blocking is not true)" };
}

/** What makes a policy's filters weaker than the config asks; empty when it is strict enough. */
export function filterWeaknesses(
  filters: readonly Filter[],
  mode: string | undefined,
  config: ContentFilterConfig,
): string[] {
  const max = config.maxSeverityThreshold ?? defaultThreshold;
  const problems: string[] = [];
  for (const category of config.categories ?? defaultCategories) {
    for (const source of sources) {
      const what = `${category} on ${source}`;
      const { filter: f, problem } = blockingFilter(filters, category, source);
      if (problem) {
        problems.push(`${what} ${problem}`);
      } else if (f) {
        const rank = thresholdRank(f.severityThreshold);
        if (rank < 0) {
          problems.push(`${what} has no severityThreshold (needs ${max} or stricter)`);
        } else if (rank > thresholds.indexOf(max)) {
          problems.push(`${what} blocks only at ${thresholds[rank]} (needs ${max} or stricter)`);
        }
      }
    }
  }
  if (config.requireJailbreak ?? true) {
    const jailbreak = filters.find(
      (x) =>
        canonical(x.name) === "jailbreak" && (x.source === undefined || sameText(text(x.source), "Prompt")),
    );
    if (!jailbreak) {
      problems.push("Jailbreak (Prompt Shields) has no filter");
    } else if (jailbreak.enabled !== true) {
      problems.push("Jailbreak (Prompt Shields) is off");
    } else if (!isBlocking(jailbreak)) {
      problems.push("Jailbreak (Prompt Shields) only annotates (blocking is not true)");
    }
  }
  for (const wanted of config.additionalFilters ?? []) {
    const { problem } = blockingFilter(filters, wanted.name, wanted.source);
    if (problem) {
      problems.push(`${wanted.name} on ${wanted.source} ${problem}`);
    }
  }
  if (sameText(mode, "Asynchronous_filter") && !(config.allowAsynchronousFilter ?? false)) {
    problems.push("mode is Asynchronous_filter, so completions stream to users before they are filtered");
  }
  return problems;
}

/** The Azure name of a RAI policy: its `raiPolicyName` input or its `name` output. */
function policyNameOf(policy: PolicyResource): string | undefined {
  return text(policy.props.raiPolicyName) ?? text(policy.props.name);
}

/**
 * True when the deployment and the policy belong to the same account, as far as the stack shows:
 * by the account resource they were computed from or hang under, else by account name. When neither
 * says, the policy name alone decides.
 */
function sameAccount(deployment: PolicyResource, view: AiDeploymentView, policy: PolicyResource): boolean {
  const mine = accountsOf(deployment, view.accountDependencyKey);
  const theirs = accountsOf(policy, "accountName");
  if (mine.length > 0 && theirs.length > 0) {
    return mine.some((a) => theirs.some((b) => a.urn === b.urn));
  }
  const a = view.accountName ?? (mine.length > 0 ? accountNameOf(mine[0]) : undefined);
  const b = text(policy.props.accountName) ?? (theirs.length > 0 ? accountNameOf(theirs[0]) : undefined);
  return a === undefined || b === undefined || sameText(a, b);
}

/** The stack's RAI policies by lower-case name, read on first use. */
function policyIndex(resources: readonly PolicyResource[]): (name: string) => readonly PolicyResource[] {
  let index: Map<string, PolicyResource[]> | undefined;
  return (name) => {
    if (!index) {
      index = new Map();
      for (const policy of ofType(resources, types.raiPolicy)) {
        const key = policyNameOf(policy)?.toLowerCase();
        if (key !== undefined) {
          index.set(key, [...(index.get(key) ?? []), policy]);
        }
      }
    }
    return index.get(name.toLowerCase()) ?? [];
  };
}

/** The RAI policy a deployment uses: through its property dependencies, else by name in its account. */
function policyOf(
  deployment: PolicyResource,
  view: AiDeploymentView,
  policiesNamed: (name: string) => readonly PolicyResource[],
): { readonly name?: string; readonly policy?: PolicyResource } {
  const linked = dependenciesOf(deployment, "properties").filter((d) => d.type === types.raiPolicy);
  if (linked.length === 1) {
    return { name: policyNameOf(linked[0]) ?? linked[0].name, policy: linked[0] };
  }
  const name = view.raiPolicyName;
  if (name === undefined) {
    return {};
  }
  const candidates =
    linked.length > 1 ? linked.filter((p) => sameText(policyNameOf(p), name)) : policiesNamed(name);
  return { name, policy: candidates.find((p) => sameAccount(deployment, view, p)) };
}

/** Every model deployment has a content-filter policy at least as strict as the environment asks. */
export const aiDeploymentContentFilter = stackRule({
  name: "ai-deployment-content-filter",
  description:
    "Every model deployment must name a content-filter (RAI) policy, and that policy must block Hate, Sexual, Selfharm and Violence on both prompts and completions at severity threshold Medium or stricter, with the Jailbreak (Prompt Shields) filter on. The rule joins each deployment to the RAI policy of its account declared in the stack (or a built-in policy whose filters are published).",
  severity: "high",
  remediationSteps:
    "Set `raiPolicyName` on the deployment to a RAI policy declared in the stack (FoundryAccount's strict default policy) whose `contentFilters` have, for each of Hate, Sexual, Selfharm and Violence and each source Prompt and Completion, `enabled: true`, `blocking: true`, `severityThreshold: Medium` (or Low), plus `{ name: Jailbreak, source: Prompt, enabled: true, blocking: true }`; or use the built-in Microsoft.DefaultV2.",
  configSchema: {
    properties: {
      maxSeverityThreshold: {
        type: "string",
        enum: [...thresholds],
        default: defaultThreshold,
        description:
          "The most permissive threshold allowed: Low blocks low, medium and high severity; High blocks only high.",
      },
      categories: {
        type: "array",
        items: { type: "string", minLength: 1 },
        minItems: 1,
        uniqueItems: true,
        default: [...defaultCategories],
        description: "Harm categories that must block on prompts and completions.",
      },
      requireJailbreak: {
        type: "boolean",
        default: true,
        description: "Whether the Jailbreak (Prompt Shields) filter must be on and blocking.",
      },
      allowAsynchronousFilter: {
        type: "boolean",
        default: false,
        description:
          "Whether policies in Asynchronous_filter mode (completions streamed before filtering) pass.",
      },
      additionalFilters: {
        type: "array",
        items: {
          type: "object",
          properties: {
            name: { type: "string", minLength: 1 },
            source: { type: "string", enum: ["Prompt", "Completion"] },
          },
          required: ["name", "source"],
          additionalProperties: false,
        },
        default: [],
        description:
          "Filters without a severity that must be on and blocking, e.g. Protected Material Text on Completion or Indirect Attack on Prompt.",
      },
    },
  },
  references: {
    azurePolicy: [
      "930f48f9-f07e-427c-9494-52603581c6a9",
      "f3a9c2e0-7b4d-4d8f-9c3a-2e1f6b9a8d4e",
      "af253d37-136a-42f8-a1fc-30010c083d41",
      "c1ad46c6-37f8-4af0-9c71-c208375c87dd",
    ],
    waf: "Security",
    note: "The built-ins judge data-plane deployment properties; this rule joins each deployment to its RAI policy in the stack. Prompt and completion filters without a severity (Profanity, Protected Material, Indirect Attack) are required through `additionalFilters`.",
  },
  resourceTypes: [types.aiDeployment, types.genericResource, types.raiPolicy, types.aiAccount],
  validate: (resources, args, report) => {
    const config = args.getConfig<ContentFilterConfig>();
    const policiesNamed = policyIndex(resources);
    for (const deployment of resources) {
      const view = aiDeploymentView(deployment.type, deployment.props);
      if (!view) {
        continue;
      }
      const label = `deployment '${deploymentNameOf(deployment.props) ?? deployment.name}'`;
      const { name, policy } = policyOf(deployment, view, policiesNamed);
      if (name === undefined) {
        report(
          `${label} names no content-filter policy (properties.raiPolicyName): Azure then applies a default this stack cannot show. Set raiPolicyName to the account's strict policy.`,
          deployment.urn,
        );
        continue;
      }
      let filters: readonly Filter[] | undefined;
      let mode: string | undefined;
      if (policy) {
        filters = list(field(policy.props.properties, "contentFilters")).filter(isRecord);
        mode = text(field(policy.props.properties, "mode"));
      } else {
        filters = builtInPolicies.get(name.toLowerCase());
      }
      if (filters === undefined) {
        report(
          `${label} uses content-filter policy '${name}', which is not declared in this stack for its account, so its filters cannot be checked. Declare it as a RaiPolicy of the account or use Microsoft.DefaultV2.`,
          deployment.urn,
        );
        continue;
      }
      const weaknesses = filterWeaknesses(filters, mode, config);
      if (weaknesses.length > 0) {
        report(
          `${label} uses content-filter policy '${name}', which is too weak: ${weaknesses.join("; ")}.`,
          deployment.urn,
        );
      }
    }
  },
});
