#!/usr/bin/env node
// Runs the offline tools from a bundle of their TypeScript sources, rebuilt by esbuild when a
// source changes (type-checking is the build's job: `npm run build`).
"use strict";
require("./sdk-preload");
const { ensureBundles } = require("./bundles");
const { cli, pack } = ensureBundles();
// The tool starts the policy pack from its bundle too (see cli/analyzer/pack-process.ts).
process.env.FOUNDRY_PLATFORM_PACK_BUNDLE = pack;
require(cli)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
