/** Where the project's parts live, relative to this repository. */
import * as fs from "node:fs";
import * as path from "node:path";

export const projectRoot = path.resolve(__dirname, "..");
export const projectName = "foundry-platform";
export const stacksDir = path.join(projectRoot, "stacks");
export const policyPackDir = path.join(projectRoot, "policies");

export function stackConfigPath(stack: string): string {
  return path.join(stacksDir, `Pulumi.${stack}.yaml`);
}

export function policyConfigPath(name: string): string {
  return path.join(policyPackDir, "config", `${name}.json`);
}

/** Stacks that have a config file in `stacks/`. */
export function knownStacks(): string[] {
  return fs
    .readdirSync(stacksDir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** A path relative to the current directory, for messages. */
export function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
