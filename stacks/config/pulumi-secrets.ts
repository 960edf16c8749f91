/**
 * Which config keys the Pulumi engine marked as secret for this run (`pulumi config set --secret`).
 * The engine passes them to the program in `PULUMI_CONFIG_SECRET_KEYS`; the SDK reads that list with
 * `isConfigSecret`, which it exports from `runtime/config` but leaves out of its typings.
 */
import * as pulumi from "@pulumi/pulumi";

interface RuntimeConfigModule {
  isConfigSecret(key: string): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeConfig = require("@pulumi/pulumi/runtime/config") as RuntimeConfigModule;

/** The secret keys among the stack's config keys (`namespace:key`). */
export function configSecretKeys(): string[] {
  return Object.keys(pulumi.runtime.allConfig()).filter((key) => runtimeConfig.isConfigSecret(key));
}
