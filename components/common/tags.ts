import * as pulumi from "@pulumi/pulumi";

/** Azure resource tags; values may be outputs (a tag from a secret config value stays secret). */
export type Tags = Readonly<Record<string, pulumi.Input<string>>>;

/**
 * The tags a component's resources must carry: cost reports, budgets and incident routing rely on
 * them. Components take tags as a required argument and refuse a map without these keys.
 * @internal
 */
export const requiredTagKeys = ["environment", "owner", "costCenter"] as const;

/**
 * Tags with `environment`, `owner` and `costCenter`, plus any others.
 * @internal
 */
export type RequiredTags = Tags & { readonly [K in (typeof requiredTagKeys)[number]]: pulumi.Input<string> };

/**
 * The problem with a component's `tags`, when one of the required keys is missing or empty (a plain
 * map in the package schema, so the check is at construction, not in the type).
 * @internal
 */
export function requiredTagProblems(tags: Tags | undefined): string[] {
  const missing = requiredTagKeys.filter((key) => {
    const value = tags?.[key];
    return value === undefined || value === "";
  });
  return missing.length === 0
    ? []
    : [
        `tags must include ${requiredTagKeys.join(", ")}; missing: ${missing.join(", ")} (add them, for example tags: { environment: "prod", owner: "team@contoso.com", costCenter: "CC-1" })`,
      ];
}

/**
 * Merges tag maps left to right; later maps win.
 * @internal
 */
export function mergeTags(...maps: (Tags | undefined)[]): Record<string, pulumi.Input<string>> {
  const merged: Record<string, pulumi.Input<string>> = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map ?? {})) {
      merged[key] = value;
    }
  }
  return merged;
}
