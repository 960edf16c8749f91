import * as pulumi from "@pulumi/pulumi";

/** Azure resource tags; values may be outputs (a tag from a secret config value stays secret). */
export type Tags = Readonly<Record<string, pulumi.Input<string>>>;

/**
 * Tags a component's resources must carry: `environment`, `owner` and `costCenter` (cost reports,
 * budgets and incident routing rely on them), plus any others. Components take them as a required
 * argument so that a resource without them cannot be declared by accident.
 */
export type RequiredTags = Tags & {
  readonly environment: pulumi.Input<string>;
  readonly owner: pulumi.Input<string>;
  readonly costCenter: pulumi.Input<string>;
};

/** Merges tag maps left to right; later maps win. */
export function mergeTags(...maps: (Tags | undefined)[]): Record<string, pulumi.Input<string>> {
  const merged: Record<string, pulumi.Input<string>> = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map ?? {})) {
      merged[key] = value;
    }
  }
  return merged;
}
