/**
 * Loads a Pulumi project's Node.js program the way Pulumi's Node.js host does, so that it can run
 * under mocks: `require` its entry in the program's working directory, then call the export if it
 * is a function (an async `export =` program) and wait for what it returns. TypeScript is
 * transpiled on the fly (esbuild-register, no type-check: type-checking is the project's build).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiProject } from "./project";

/* eslint-disable @typescript-eslint/no-require-imports -- a program is loaded at run time by its path */

/** Registers the TypeScript loader unless one is already there (mocha registers its own). */
function ensureTypeScript(): void {
  // `require.extensions` is deprecated for user code but is where loaders hook in; read-only use.
  if (require.extensions[".ts"] !== undefined) {
    return;
  }
  const { register } = require("esbuild-register/dist/node") as typeof import("esbuild-register/dist/node");
  register({ target: `node${process.versions.node.split(".")[0]}`, format: "cjs" });
}

/** The program of `project` as a function for `runUnderMocks`; nothing is loaded until it runs. */
export function programOf(project: PulumiProject): () => Promise<unknown> {
  return async () => {
    ensureTypeScript();
    const cwd = process.cwd();
    process.chdir(project.workDir);
    try {
      // A folder is resolved by Node (package.json main, index.js, index.ts), as Pulumi requires it.
      const entry = fs.statSync(project.entry).isDirectory() ? `${project.entry}${path.sep}` : project.entry;
      const exported: unknown = require(entry);
      return await (typeof exported === "function" ? (exported as () => unknown)() : exported);
    } finally {
      process.chdir(cwd);
    }
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */
