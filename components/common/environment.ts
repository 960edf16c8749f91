/**
 * The environments the platform knows. Defaults are cheap in `dev` and strict in `prod`.
 * @enum
 */
export const Environment = { dev: "dev", staging: "staging", prod: "prod" } as const;

/** Which environment a stack is: `dev`, `staging` or `prod`. */
export type Environment = (typeof Environment)[keyof typeof Environment];

/** The environments, from the cheapest to the strictest. */
export const environments = [Environment.dev, Environment.staging, Environment.prod] as const;
