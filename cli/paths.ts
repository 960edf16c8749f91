/** Where the project's parts live, relative to this repository. */
import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root: the nearest folder above this file with the project's package.json (the
 * tools also run from a bundle in node_modules/.cache). */
export const projectRoot = findRoot(__dirname);

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "foundry-platform") {
        return dir;
      }
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) {
      return path.resolve(start, "..");
    }
  }
}
/** The Pulumi project of this repository's platform program (its Pulumi.yaml). */
export const projectName = "foundry-platform";
export const policyPackDir = path.join(projectRoot, "policies");

export function policyConfigPath(name: string): string {
  return path.join(policyPackDir, "config", `${name}.json`);
}

/** A path relative to the current directory, for messages. */
export function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
