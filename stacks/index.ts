/**
 * Entry point for `pulumi up` / `pulumi preview` (Pulumi.yaml: `main: stacks/`). Reads the stack's
 * config, validates it, and runs the platform program. A config mistake stops the run with one line
 * per problem and no stack trace.
 */
import * as pulumi from "@pulumi/pulumi";
import { catalogDateFromEnv } from "./as-of";
import { loadPlatformConfig } from "./config/load";
import { ConfigError } from "./config/problems";
import { platformProgram } from "./program";
import { configSecretKeys } from "./config/pulumi-secrets";
import { stackDirectory, upgradeEvidenceTags } from "./evaluation";
import { configNamespace } from "./config/schema";
import { selectionLimitsFor } from "./selection-limits";

export = async () => {
  try {
    const values = pulumi.runtime.allConfig();
    const loaded = loadPlatformConfig(
      values,
      configSecretKeys(),
      `stacks/Pulumi.${pulumi.getStack()}.yaml`,
      catalogDateFromEnv(),
      () => selectionLimitsFor(pulumi.getStack(), values[`${configNamespace}:environment`]),
    );
    return platformProgram(loaded, { evidenceTags: upgradeEvidenceTags(loaded.config, stackDirectory()) });
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new pulumi.RunError(err.message);
    }
    throw err;
  }
};
