// Loaded first by the `foundry-platform` command, by the policy pack it starts (`node --require`)
// and by the test workers (.mocharc.json): defers two modules that @pulumi/pulumi loads eagerly but
// uses only to serialize functions (closures of dynamic providers), the TypeScript compiler (through
// its typescript-shim.js) and @npmcli/arborist. They are about two thirds of the SDK's load time,
// ~0.7 s of CPU in every process that loads it. Each gets a stand-in in `require.cache` (Node:
// "Adding or replacing entries is also possible", https://nodejs.org/api/modules.html#requirecache)
// that loads the real module the first time anything reads from it or calls it, so nothing behaves
// differently; a process that never serializes a function never loads them.
"use strict";
const Module = require("node:module");
const path = require("node:path");

/** Puts a stand-in for `file` in the module cache unless the module is loaded already. */
function defer(file, callable) {
  if (require.cache[file] !== undefined) return;
  let real;
  const load = () => {
    if (real === undefined) {
      delete require.cache[file];
      real = require(file);
    }
    return real;
  };
  const handler = {
    // TypeScript's __importStar returns an ES module as it is: say so without loading.
    get: (_t, key) => (key === "__esModule" && real === undefined ? true : Reflect.get(load(), key)),
    set: (_t, key, value) => Reflect.set(load(), key, value),
    has: (_t, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), key);
      return d && { ...d, configurable: true };
    },
    apply: (_t, self, args) => Reflect.apply(load(), self, args),
    construct: (_t, args) => Reflect.construct(load(), args),
  };
  const standIn = new Module(file, module);
  standIn.filename = file;
  standIn.loaded = true;
  standIn.exports = new Proxy(callable ? function deferred() {} : {}, handler);
  require.cache[file] = standIn;
}

for (const from of new Set([__dirname, process.cwd()])) {
  let sdk;
  try {
    sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [from] }));
  } catch {
    continue; // no Pulumi SDK from here
  }
  defer(path.join(sdk, "typescript-shim.js"), false);
  try {
    defer(require.resolve("@npmcli/arborist", { paths: [sdk] }), true);
  } catch {
    // an SDK without arborist: nothing to defer
  }
}

// The pack this process starts gets the same preload (cli/analyzer/pack-process.ts).
process.env.FOUNDRY_PLATFORM_SDK_PRELOAD = __filename;
