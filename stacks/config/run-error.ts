/**
 * A config mistake found while the program runs, as the Pulumi engine should show it: a `RunError`
 * (message only, no stack trace) whose message is the config problems, one per line with its key.
 * It keeps the {@link ConfigError}, so that a tool running the program in-process (the offline
 * `plan`) reports it as the config error it is (exit 2).
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "./problems";

export class ConfigRunError extends pulumi.RunError {
  readonly configError: ConfigError;

  constructor(configError: ConfigError) {
    super(configError.message);
    this.name = "ConfigRunError";
    this.configError = configError;
  }
}

/**
 * The config error a program run failed with, if it failed with one. Told by shape, not class: a
 * program may load its own copy of this module.
 */
export function configErrorOf(err: unknown): ConfigError | undefined {
  if (err instanceof ConfigError) {
    return err;
  }
  const inner =
    err instanceof Error && err.name === "ConfigRunError" ? (err as ConfigRunError).configError : undefined;
  return inner instanceof Error && Array.isArray((inner as ConfigError).problems)
    ? new ConfigError(inner.problems, inner.source)
    : undefined;
}
