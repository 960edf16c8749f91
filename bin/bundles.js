// Bundles the offline tools and the policy pack into two plain-JS files under
// node_modules/.cache/foundry-platform/, rebuilt with esbuild whenever a source is newer. Running
// one bundled file starts faster than transpiling ~100 TypeScript files on every run, and the plan
// starts two processes (the tool and the pack) on every pull request.
"use strict";
const fs = require("node:fs");
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
        if (entry.name !== "node_modules") walk(full);
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

/** Builds `entry` into `outfile` unless the bundle is newer than every source; atomic for parallel runs. */
function ensure(entry, outfile, newest) {
  try {
    if (fs.statSync(outfile).mtimeMs >= newest) return;
  } catch {
    // not built yet
  }
  const esbuild = require("esbuild");
  const tmp = `${outfile}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(root, entry)],
    outfile: tmp,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    packages: "external",
    logLevel: "error",
  });
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
