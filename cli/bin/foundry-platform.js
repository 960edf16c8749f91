#!/usr/bin/env node
// The `foundry-platform` command of the foundry-platform-cli package: the tools' bundle, which
// starts the policy pack shipped next to it (dist/policy-pack). In a checkout of the repository
// (the TypeScript sources beside this folder) it runs the repository's own entry instead, which
// bundles the sources on the fly.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

if (fs.existsSync(path.join(__dirname, "..", "main.ts"))) {
  require("../../bin/foundry-platform.js");
} else {
  require("../dist/sdk-preload.js");
  require("../dist/cli.js")
    .main(process.argv.slice(2))
    .then((code) => process.exit(code));
}
