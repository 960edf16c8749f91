/**
 * Entry point for `pulumi up` / `pulumi preview` (Pulumi.yaml: `main: stacks/`). Reads the stack's
 * config, validates it, and runs the platform program. A config mistake stops the run with one line
 * per problem, each naming its config key, and no stack trace: also when a component refuses the
 * arguments the program built from the config.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentArgsError } from "../components/common/args-error";
import { catalogDateFromEnv } from "./as-of";
import { componentConfigError } from "./config/component-problems";
import { LoadedConfig, loadPlatformConfig } from "./config/load";
import { ConfigError } from "./config/problems";
import { platformConfig } from "./config/schema";
import { ConfigRunError } from "./config/run-error";
import { logConfigWarnings } from "./config/log-warnings";
import { platformProgram } from "./program";
import { configSecretKeys } from "./config/pulumi-secrets";
import { stackDirectory, upgradeEvidenceTags } from "./evaluation";
import { configNamespace } from "./config/schema";
import { selectionLimitsFor } from "./selection-limits";

export = async () => {
  const source = `stacks/Pulumi.${pulumi.getStack()}.yaml`;
  let loaded: LoadedConfig | undefined;
  try {
    const values = pulumi.runtime.allConfig();
    loaded = loadPlatformConfig(values, configSecretKeys(), source, catalogDateFromEnv(), {
      workloadLimits: () => selectionLimitsFor(pulumi.getStack(), values[`${configNamespace}:environment`]),
    });
    logConfigWarnings(loaded);
    return platformProgram(loaded, { evidenceTags: upgradeEvidenceTags(loaded.config, stackDirectory()) });
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new ConfigRunError(err);
    }
    if (loaded && ComponentArgsError.isInstance(err)) {
      throw new ConfigRunError(
        componentConfigError(
          err,
          { config: loaded.config, schema: platformConfig, secretKeys: loaded.secretKeys },
          source,
        ),
      );
    }
    throw err;
  }
};
