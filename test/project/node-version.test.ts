/**
 * The Node versions the project declares are the ones its dependencies really support: no Node
 * version admitted by `engines` is refused by a dependency the tools or the pack run, and CI
 * (`.nvmrc`, read by `.ci/run` and the GitHub workflow) runs one the project admits.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as semver from "semver";
import { root } from "../helpers/cli";

interface Manifest {
  name?: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function manifest(file: string): Manifest {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
}

/** The installed package.json of a dependency: the nearest node_modules/<name> at or above `dir`. */
function installed(name: string, dir: string): Manifest {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, "node_modules", name, "package.json");
    if (fs.existsSync(file)) {
      return manifest(file);
    }
    if (path.dirname(d) === d) {
      throw new Error(`${name} is not installed for ${dir}; run npm ci`);
    }
  }
}

/** The repository root and the packages it publishes (npm workspaces). */
const projects = [root, ...["components", "policies", "cli"].map((w) => path.join(root, w))];

describe("declared Node versions", () => {
  for (const dir of projects) {
    const own = manifest(path.join(dir, "package.json"));
    it(`${path.relative(root, dir) || "."}/package.json admits no Node version its dependencies refuse`, () => {
      const range = own.engines?.node;
      assert.ok(range && semver.validRange(range), `engines.node is missing or invalid: ${range}`);
      const lowest = semver.minVersion(range);
      assert.ok(lowest);
      const refused = Object.keys({ ...own.dependencies, ...own.peerDependencies })
        .map((name) => ({ name, wants: installed(name, dir).engines?.node }))
        .filter(({ wants }) => wants !== undefined && !semver.satisfies(lowest, wants))
        .map(({ name, wants }) => `${name} wants node ${wants}`);
      assert.deepEqual(refused, [], `engines.node ${range} admits ${lowest.version}`);
    });
  }

  it(".nvmrc, the version CI runs, is admitted by every engines range", () => {
    const ci = fs.readFileSync(path.join(root, ".nvmrc"), "utf8").trim();
    const version = semver.minVersion(ci);
    assert.ok(version, `.nvmrc: ${ci}`);
    for (const dir of projects) {
      const range = manifest(path.join(dir, "package.json")).engines?.node ?? "";
      assert.ok(semver.satisfies(version, range), `${dir}: ${ci} is outside ${range}`);
    }
  });
});
