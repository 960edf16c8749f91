/** The environments the platform knows. Defaults are cheap in `dev` and strict in `prod`. */
export const environments = ["dev", "staging", "prod"] as const;

export type Environment = (typeof environments)[number];
