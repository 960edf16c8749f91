/**
 * The policy config the workload selector stays within, chosen as the pack's config is (an explicit
 * file, else the pack's config for the stack's name, else for its environment), and the variable
 * that hands the same choice to the program.
 */
import { configNamespace } from "../../stacks/config/schema";
import { EnvironmentLimits } from "../../components/select/requirements";
import {
  limitsFromFile,
  noPolicyConfig,
  policyConfigFileFor,
  policyConfigVariable,
} from "../../stacks/selection-limits";
import { display, policyConfigPath } from "../paths";
import * as path from "node:path";

export interface WorkloadLimits {
  /**
   * The policy config file.
   * @default - none applies: no environment limits
   */
  readonly file?: string;
  /** Reads the limits (only called when the config has workloads). */
  readonly read: () => EnvironmentLimits | undefined;
  /** The environment the program runs with, so that it selects within the same file. */
  readonly env: Readonly<Record<string, string>>;
}

export function workloadLimits(
  stack: string,
  values: Readonly<Record<string, string>>,
  explicit?: string,
): WorkloadLimits {
  const file =
    explicit ??
    policyConfigFileFor(
      stack,
      values[`${configNamespace}:environment`],
      path.dirname(policyConfigPath(stack)),
      {},
    );
  return {
    ...(file ? { file } : {}),
    read: () => (file ? limitsFromFile(file, display(file)) : undefined),
    env: { [policyConfigVariable]: file ? path.resolve(file) : noPolicyConfig },
  };
}
