/**
 * Variants of the committed stack files, loaded the way `plan` loads them (file → config map →
 * validation on a pinned day), without running the program: for pure tests of config errors and
 * warnings that start from a real stack and change one thing.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { parseStackConfig, secretPlaceholder } from "../../cli/plan/stack-file";
import { LoadedConfig, loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError, problemLine } from "../../stacks/config/problems";
import { configNamespace } from "../../stacks/config/schema";
import { pinnedDay, root } from "./cli";

/** The committed `stacks/Pulumi.<stack>.yaml`. */
export function stackText(stack: "dev" | "staging" | "prod"): string {
  return fs.readFileSync(path.join(root, "stacks", `Pulumi.${stack}.yaml`), "utf8");
}

/**
 * `text` with values set (or removed, for `undefined`) at key paths under the platform's namespace:
 * `{ "gateway.enabled": true, "accounts.0.deployments.0.capacity": 5 }`.
 */
export function edit(text: string, changes: Readonly<Record<string, unknown>>): string {
  const doc = YAML.parseDocument(text);
  for (const [key, value] of Object.entries(changes)) {
    const [top, ...rest] = key.split(".");
    const at = ["config", `${configNamespace}:${top}`, ...rest.map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
    if (value === undefined) {
      doc.deleteIn(at);
    } else {
      doc.setIn(at, doc.createNode(value));
    }
  }
  return doc.toString();
}

/** Loads a stack file's text as `plan` does, on the pinned day. Throws the ConfigError. */
export function loadText(text: string): LoadedConfig {
  const file = parseStackConfig(text, "Pulumi.test.yaml", configNamespace);
  return loadPlatformConfig(file.values, file.secretKeys, file.path, new Date(`${pinnedDay}T00:00:00Z`), {
    secretPlaceholder,
  });
}

/** The problem lines a stack file's text fails with (empty when it loads). */
export function problemsOf(text: string): string[] {
  try {
    loadText(text);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.problems.map(problemLine);
  }
}
