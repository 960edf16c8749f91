import * as pulumi from "@pulumi/pulumi";

/** Tags every taggable resource of the platform must carry (the tag policy checks them). */
export const requiredTagKeys = ["environment", "owner", "costCenter"] as const;

/** Azure resource tags; values may be outputs (a tag from a secret config value stays secret). */
export type Tags = Readonly<Record<string, pulumi.Input<string>>>;

/** Merges tag maps left to right; later maps win. Returns undefined when all are empty. */
export function mergeTags(...maps: (Tags | undefined)[]): Record<string, pulumi.Input<string>> {
  const merged: Record<string, pulumi.Input<string>> = {};
  for (const map of maps) {
    for (const [key, value] of Object.entries(map ?? {})) {
      merged[key] = value;
    }
  }
  return merged;
}
