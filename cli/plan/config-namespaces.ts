/**
 * Every config key is `namespace:key` (https://www.pulumi.com/docs/iac/concepts/config/): the
 * program's own keys sit under its project name, a provider's under the provider's name
 * (`azure-native:location`), the engine's under `pulumi`. A key under any other namespace is read
 * by nobody: most often a stack file copied from another project. The plan stops on it with the
 * project's name, rather than running a program that would then miss its keys.
 */
import * as fs from "node:fs";
import { InputError } from "../errors";
import { display } from "../paths";
import { PulumiProject } from "./project";
import { StackConfigFile } from "./stack-file";

/**
 * Whether `@pulumi/<namespace>` resolves from `dir` to a provider package (its package.json says
 * `"pulumi": { "resource": true, "name": <namespace> }`, as every Pulumi provider SDK does).
 */
export function isInstalledProvider(namespace: string, dir: string): boolean {
  let file: string;
  try {
    file = require.resolve(`@pulumi/${namespace}/package.json`, { paths: [dir] });
  } catch {
    return false;
  }
  const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as {
    pulumi?: { resource?: unknown; name?: unknown };
  };
  return pkg.pulumi?.resource === true && pkg.pulumi.name === namespace;
}

/**
 * One problem per namespace that is neither the project's, the engine's (`pulumi`) nor an installed
 * provider's, naming every key under it.
 */
export function namespaceProblems(
  config: StackConfigFile,
  project: Pick<PulumiProject, "name" | "dir">,
  isProvider: (namespace: string) => boolean = (ns) => isInstalledProvider(ns, project.dir),
): string[] {
  const unknown = new Map<string, string[]>();
  for (const key of Object.keys(config.values).sort()) {
    const namespace = key.slice(0, key.indexOf(":"));
    if (namespace === project.name || namespace === "pulumi") {
      continue;
    }
    if (!unknown.has(namespace) && isProvider(namespace)) {
      continue;
    }
    unknown.set(namespace, [...(unknown.get(namespace) ?? []), key]);
  }
  return [...unknown].map(
    ([namespace, keys]) =>
      `${display(config.path)}: ${keys.join(", ")}: unknown config namespace '${namespace}': this project is '${project.name}' (its Pulumi.yaml) and no installed provider is called '${namespace}'; write the program's keys as ${project.name}:<key> (or without a namespace), or plan the project they belong to with --program DIR`,
  );
}

/** Throws every namespace problem at once, as bad input. */
export function checkNamespaces(config: StackConfigFile, project: Pick<PulumiProject, "name" | "dir">): void {
  const problems = namespaceProblems(config, project);
  if (problems.length > 0) {
    throw new InputError(problems.join("\n"));
  }
}
