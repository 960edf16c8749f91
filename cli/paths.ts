/**
 * Where the tools find their parts. They run either from a checkout of this repository (the
 * TypeScript sources, or a bundle of them under node_modules/.cache) or from the installed
 * `foundry-platform-cli` package (`dist/cli.js` with the built pack in `dist/policy-pack/`).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The name of this repository's root package.json (the npm workspaces' root). */
const repositoryPackage = "foundry-platform-repo";

/**
 * The checkout of this repository the tools run from: the nearest folder above this file whose
 * package.json is the repository's root; undefined when they run from the installed package.
 */
export const repoRoot: string | undefined = findRepoRoot(__dirname);

function findRepoRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === repositoryPackage) {
        return dir;
      }
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

/**
 * The Pulumi project `plan`, `check` and `lifecycle` read unless told otherwise: this repository's
 * platform program (its `Pulumi.yaml` at the root), or the current directory's project when the
 * tools run from the installed package.
 */
export const projectRoot: string = repoRoot ?? process.cwd();

/** The Pulumi project of this repository's platform program (its Pulumi.yaml). */
export const projectName = "foundry-platform";

/** The built pack the installed package ships next to its bundle (`bin/bundles.js`, buildCli). */
const shippedPack = path.join(__dirname, "policy-pack");

/**
 * The policy pack the tools start: the built pack shipped with the installed package, else this
 * repository's `policies/`.
 */
export const policyPackDir: string = fs.existsSync(path.join(shippedPack, "PulumiPolicy.yaml"))
  ? shippedPack
  : repoRoot
    ? path.join(repoRoot, "policies")
    : shippedPack;

export function policyConfigPath(name: string): string {
  return path.join(policyPackDir, "config", `${name}.json`);
}

/** A path relative to the current directory, for messages. */
export function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}
