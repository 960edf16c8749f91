/**
 * Joins between resources of a stack, for stack rules. AnalyzeStack hands rules the resources'
 * outputs (no `id` field, and no input-only properties such as `apiId` on a real stack export), so a
 * reference is followed, in order, through:
 *   1. `propertyDependencies[key]`: the resources the input was computed from (sent by the engine,
 *      by the offline plan and kept in `pulumi stack export`);
 *   2. the property's value in props, as an Azure name or an ARM id (its last segment);
 *   3. the resource's parent, when it is of the wanted type;
 *   4. its only dependency of the wanted type.
 */
import { PolicyResource } from "@pulumi/policy";
import { asString, lastSegment } from "./values";

/** Adds `value` to the list `map` holds under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

/** Resources of some types, by URN and by lower-case Azure name. */
export class ResourceIndex {
  readonly all: readonly PolicyResource[];
  private readonly urns: Set<string>;
  private readonly names = new Map<string, PolicyResource[]>();

  /** `nameOf` gives a resource's Azure name (read from its props), undefined when unknown. */
  constructor(
    resources: readonly PolicyResource[],
    readonly nameOf: (r: PolicyResource) => string | undefined,
  ) {
    this.all = resources;
    this.urns = new Set(resources.map((r) => r.urn));
    for (const r of resources) {
      const name = nameOf(r)?.toLowerCase();
      if (name) {
        pushTo(this.names, name, r);
      }
    }
  }

  has(r: PolicyResource | undefined): r is PolicyResource {
    return r !== undefined && this.urns.has(r.urn);
  }

  /** Resources whose Azure name is `name` (case-insensitive), or the last segment of an ARM id. */
  named(nameOrId: string): readonly PolicyResource[] {
    return this.names.get(lastSegment(nameOrId).toLowerCase()) ?? [];
  }
}

/**
 * The resources of `index` that property `key` of `r` refers to (see the file comment for the
 * order). `accept` narrows name matches, for example to the same API Management service.
 */
export function resolveRef(
  r: PolicyResource,
  key: string,
  index: ResourceIndex,
  accept: (candidate: PolicyResource) => boolean = () => true,
): PolicyResource[] {
  const viaDeps = (r.propertyDependencies?.[key] ?? []).filter((d) => index.has(d));
  if (viaDeps.length > 0) {
    return viaDeps;
  }
  const value = asString(r.props[key]);
  if (value) {
    const named = index.named(value).filter(accept);
    if (named.length > 0) {
      return [...named];
    }
  }
  if (index.has(r.parent)) {
    return [r.parent];
  }
  const deps = (r.dependencies ?? []).filter((d) => index.has(d));
  return deps.length === 1 ? deps : [];
}

/** The Azure name of a resource: the first of its `keys` present in props (inputs), else `name` (outputs). */
export function azureName(r: PolicyResource, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = asString(r.props[key]);
    if (value) {
      return value;
    }
  }
  return asString(r.props.name);
}
