// esbuild bundles of the TypeScript sources, in two uses:
// - in this repository, the offline tools and the policy pack run from two plain-JS files under
//   node_modules/.cache/foundry-platform/, rebuilt whenever a source is newer (`ensureBundles`).
//   Running one bundled file starts faster than transpiling ~100 TypeScript files on every run,
//   and the plan starts two processes (the tool and the pack) on every pull request;
// - for publishing, the policy pack becomes a self-contained folder (`buildPolicyPack`: the rules
//   with the catalog, cost and evaluation facts bundled in, its own package.json naming only what
//   stays external) and the tools one file next to a copy of that folder (`buildCli`).
"use strict";
const fs = require("node:fs");
const { isBuiltin } = require("node:module");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const sourceDirs = ["cli", "components", "stacks", "policies"];

function newestSource() {
  let newest = fs.statSync(path.join(root, "package.json")).mtimeMs;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "dist") walk(full);
      } else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of sourceDirs) walk(path.join(root, dir));
  return newest;
}

function cacheDir() {
  const preferred = path.join(root, "node_modules", ".cache", "foundry-platform");
  try {
    fs.mkdirSync(preferred, { recursive: true });
    fs.accessSync(preferred, fs.constants.W_OK);
    return preferred;
  } catch {
    const fallback = path.join(os.tmpdir(), "foundry-platform-cache");
    fs.mkdirSync(fallback, { recursive: true });
    return fallback;
  }
}

/** esbuild options every bundle shares: one CommonJS file for the Node major of `.nvmrc`. */
function bundleOptions(entry, outfile, external) {
  return {
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    logLevel: "error",
    ...(external === "packages" ? { packages: "external" } : { external }),
  };
}

/** Builds `entry` into `outfile` unless the bundle is newer than every source; atomic for parallel runs. */
function ensure(entry, outfile, newest) {
  try {
    if (fs.statSync(outfile).mtimeMs >= newest) return;
  } catch {
    // not built yet
  }
  const esbuild = require("esbuild");
  const tmp = `${outfile}.${process.pid}.tmp`;
  esbuild.buildSync(bundleOptions(entry, tmp, "packages"));
  fs.renameSync(tmp, outfile);
}

/** Paths of the bundled tool and pack, fresh. */
exports.ensureBundles = function ensureBundles() {
  const dir = cacheDir();
  const newest = newestSource();
  const cli = path.join(dir, "cli.js");
  const pack = path.join(dir, "pack.js");
  ensure("cli/main.ts", cli, newest);
  ensure("policies/index.ts", pack, newest);
  return { cli, pack };
};

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The npm package an import specifier names (`@scope/name/sub` → `@scope/name`), or undefined for Node's own. */
function packageOf(specifier) {
  if (isBuiltin(specifier) || specifier.startsWith(".") || path.isAbsolute(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The packages a bundle still imports at run time (sorted), from esbuild's metafile. */
function externalPackages(metafile) {
  const names = new Set();
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      const name = imported.external ? packageOf(imported.path) : undefined;
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}
exports.externalPackages = externalPackages;

/** Throws unless every package in `names` is declared in `declared` (a package.json's dependency maps). */
function requireDeclared(what, names, declared) {
  const missing = names.filter((n) => !Object.hasOwn(declared, n));
  if (missing.length > 0) {
    throw new Error(`${what} imports ${missing.join(", ")} at run time but does not declare it`);
  }
}

/** The packages the pack loads itself, kept out of its bundle: the policy SDK, and the Pulumi SDK its host runs it with. */
const packExternals = ["@pulumi/policy", "@pulumi/pulumi"];

/**
 * Builds the policy pack into `outDir` as a folder that `pulumi policy publish` and
 * `pulumi preview --policy-pack` accept on a machine that has only that folder: `index.js` (the
 * rules with the catalog, cost and evaluation facts and fast-xml-parser bundled in),
 * `PulumiPolicy.yaml`, `config/`, and a `package.json` whose dependencies are the two SDKs the
 * bundle leaves external. Returns that package.json.
 */
exports.buildPolicyPack = function buildPolicyPack(outDir) {
  const src = path.join(root, "policies");
  const manifest = readJson(path.join(src, "package.json"));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, "config"), { recursive: true });
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    ...bundleOptions("policies/index.ts", path.join(outDir, "index.js"), packExternals),
    metafile: true,
  });
  const external = externalPackages(result.metafile);
  requireDeclared("the policy pack", external, manifest.dependencies);
  // @pulumi/pulumi is needed even when the rules never import it: the Node.js host runs the pack
  // with the pack's own node_modules/@pulumi/pulumi/cmd/run-policy-pack.
  const deps = [...new Set([...external, "@pulumi/pulumi"])].sort();
  const pkg = {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    license: manifest.license,
    main: "index.js",
    engines: manifest.engines,
    dependencies: Object.fromEntries(deps.map((d) => [d, manifest.dependencies[d]])),
  };
  writeJson(path.join(outDir, "package.json"), pkg);
  fs.copyFileSync(path.join(src, "PulumiPolicy.yaml"), path.join(outDir, "PulumiPolicy.yaml"));
  for (const file of fs.readdirSync(path.join(src, "config"))) {
    if (file.endsWith(".json")) {
      fs.copyFileSync(path.join(src, "config", file), path.join(outDir, "config", file));
    }
  }
  fs.copyFileSync(path.join(root, "LICENSE"), path.join(outDir, "LICENSE"));
  return pkg;
};

/**
 * Builds the `foundry-platform-cli` package's files: `dist/cli.js` (the tools, with the platform
 * program and the pure components modules bundled in; npm packages stay external and must be
 * declared in cli/package.json), `dist/sdk-preload.js` and `dist/policy-pack/` (the built pack,
 * which the tools start).
 */
exports.buildCli = function buildCli() {
  const dir = path.join(root, "cli");
  const manifest = readJson(path.join(dir, "package.json"));
  const declared = { ...manifest.dependencies, ...manifest.peerDependencies };
  const dist = path.join(dir, "dist");
  fs.rmSync(dist, { recursive: true, force: true });
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    ...bundleOptions("cli/main.ts", path.join(dist, "cli.js"), "packages"),
    metafile: true,
  });
  requireDeclared("cli/dist/cli.js", externalPackages(result.metafile), declared);
  fs.copyFileSync(path.join(__dirname, "sdk-preload.js"), path.join(dist, "sdk-preload.js"));
  const pack = exports.buildPolicyPack(path.join(dist, "policy-pack"));
  // The pack inside the tool's package resolves its dependencies from the tool's.
  requireDeclared("the policy pack in foundry-platform-cli", Object.keys(pack.dependencies), declared);
  fs.copyFileSync(path.join(root, "LICENSE"), path.join(dir, "LICENSE"));
};

/** Builds the component library: `components/dist` (JS, `.d.ts`, the catalog's JSON) with tsc. */
exports.buildComponents = function buildComponents() {
  const dir = path.join(root, "components");
  fs.rmSync(path.join(dir, "dist"), { recursive: true, force: true });
  const { spawnSync } = require("node:child_process");
  const tsc = require.resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    throw new Error(`tsc -p tsconfig.build.json exited with ${run.status}`);
  }
  fs.copyFileSync(path.join(root, "LICENSE"), path.join(dir, "LICENSE"));
};
