#!/usr/bin/env node
// Builds one publishable package (what its `npm run build` and `prepack` call):
//   node bin/build.js components   components/dist: the library's JS and .d.ts (tsc)
//   node bin/build.js policies     policies/dist: the self-contained policy pack folder
//   node bin/build.js cli          cli/dist: the tools' bundle and a copy of the pack folder
"use strict";
const path = require("node:path");
const { buildCli, buildComponents, buildPolicyPack } = require("./bundles");

const targets = {
  components: () => buildComponents(),
  policies: () => buildPolicyPack(path.resolve(__dirname, "..", "policies", "dist")),
  cli: () => buildCli(),
};

const [target] = process.argv.slice(2);
if (!Object.hasOwn(targets, target)) {
  process.stderr.write(`usage: node bin/build.js ${Object.keys(targets).join(" | ")}\n`);
  process.exit(2);
}
try {
  targets[target]();
} catch (err) {
  process.stderr.write(`build ${target}: ${err.message}\n`);
  process.exit(1);
}
