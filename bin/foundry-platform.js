#!/usr/bin/env node
// Runs the offline tools from their TypeScript sources, transpiled on load by esbuild
// (type-checking is the build's job, `npm run build`).
require("esbuild-register/dist/node").register({ hookIgnoreNodeModules: true });
require("../cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
