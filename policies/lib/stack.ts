/**
 * Joins between resources in a stack rule. In AnalyzeStack a resource's `props` are its outputs and
 * a `PolicyResource` has no `id`, so resources are joined through what the engine records —
 * `propertyDependencies` (the offline plan and `pulumi stack export` both carry them), `parent` —
 * and only when those say nothing, through ARM ids or names read from props. Dependencies are tried
 * first so that a join never reads a value that is unknown during preview when it need not.
 */
import { PolicyResource } from "@pulumi/policy";
import { text } from "./read";
import { types } from "./types";

/** The resources a property of `r` was computed from (its `propertyDependencies[key]`). */
export function dependenciesOf(r: PolicyResource, key: string): readonly PolicyResource[] {
  const deps = (
    r.propertyDependencies as Record<string, readonly PolicyResource[] | undefined> | undefined
  )?.[key];
  return deps ?? [];
}

/** The resources of one type, in stack order. */
export function ofType(resources: readonly PolicyResource[], type: string): PolicyResource[] {
  return resources.filter((r) => r.type === type);
}

/**
 * The AI account a child (deployment, RAI policy) belongs to, as the engine recorded it: the account
 * its `accountName` (or `parentResourcePath`) was computed from, or its parent. Empty when the stack
 * does not say; no property is read.
 */
export function accountsOf(r: PolicyResource, dependencyKey: string): PolicyResource[] {
  const found = [...dependenciesOf(r, dependencyKey), ...(r.parent ? [r.parent] : [])].filter(
    (a) => a.type === types.aiAccount,
  );
  return found.filter((a, i) => found.findIndex((b) => b.urn === a.urn) === i);
}

/** The Azure name of an AI account: its `accountName` input or its `name` output. */
export function accountNameOf(account: PolicyResource): string | undefined {
  return text(account.props.accountName) ?? text(account.props.name);
}

/**
 * The ARM id tail (`/resourcegroups/<rg>/providers/<namespace>/<collection>/<name>`, lower case) of a
 * resource built from its props, or from `/providers/...` when the resource group is not in them.
 * Undefined when the props give no name.
 */
export function armIdTail(
  props: Record<string, unknown>,
  namespace: string,
  collection: string,
  nameInput: string,
): string | undefined {
  const id = text(props.id);
  if (id !== undefined) {
    const at = id.toLowerCase().indexOf("/resourcegroups/");
    return at >= 0 ? id.slice(at).toLowerCase() : id.toLowerCase();
  }
  const name = text(props[nameInput]) ?? text(props.name);
  if (name === undefined) {
    return undefined;
  }
  const group = text(props.resourceGroupName);
  const provider = `/providers/${namespace}/${collection}/${name}`;
  return (group ? `/resourcegroups/${group}${provider}` : provider).toLowerCase();
}

/** True when the ARM id `id` names the resource whose id tail is `tail`. */
export function armIdMatches(id: string, tail: string): boolean {
  const normalized = id.toLowerCase().replace(/\/+$/, "");
  return normalized === tail || normalized.endsWith(tail);
}
