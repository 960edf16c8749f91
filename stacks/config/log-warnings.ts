/**
 * Under the Pulumi engine (`pulumi preview` / `pulumi up`), each config warning is logged as a
 * warning of the run. The offline `plan` carries them in its report instead, so it does not log.
 */
import * as pulumi from "@pulumi/pulumi";
import { LoadedConfig } from "./load";
import { configWarnings } from "./warnings";

export function logConfigWarnings(loaded: LoadedConfig): void {
  if (!pulumi.runtime.hasEngine()) {
    return;
  }
  for (const w of configWarnings(loaded.config)) {
    void pulumi.log.warn(`${w.key}: ${w.message}`);
  }
}
