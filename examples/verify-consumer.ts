/**
 * `npm run example`: what a consumer of the published packages gets, checked end to end (CI runs
 * it; `.ci/run`). Packs the component library and the tools with `npm pack` (their `prepack`
 * builds them), checks what each tarball ships, installs both tarballs into a copy of
 * `examples/consumer` outside this repository (so nothing resolves from the repository's own
 * node_modules), type-checks the consumer's program against the packed `.d.ts`, and plans its dev
 * stack with the packed tools and the policy pack they ship.
 *
 * Registry packages (`@pulumi/*`, typescript) come from npm's cache when it holds them
 * (`--prefer-offline`), else from the registry.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");
/** The day the plan judges model lifecycle on, so that the example does not turn red as models age. */
const asOf = "2026-12-03";

interface Packed {
  readonly name: string;
  readonly filename: string;
  readonly files: readonly { path: string }[];
}

function run(cmd: string, args: readonly string[], cwd: string): { code: number; stdout: string } {
  process.stderr.write(`$ ${cmd} ${args.join(" ")}   (in ${cwd})\n`);
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.error) {
    throw r.error;
  }
  return { code: r.status ?? 1, stdout: r.stdout };
}

function mustRun(cmd: string, args: readonly string[], cwd: string): string {
  const r = run(cmd, args, cwd);
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited with ${r.code}\n${r.stdout.slice(0, 4000)}`);
  }
  return r.stdout;
}

function expect(ok: boolean, message: string): void {
  if (!ok) {
    throw new Error(message);
  }
  process.stderr.write(`ok - ${message}\n`);
}

/** Every file of `tarball` matches one of `allowed`, and each of `required` is there. */
function checkContents(p: Packed, required: readonly string[], allowed: readonly RegExp[]): void {
  const files = p.files.map((f) => f.path);
  const missing = required.filter((r) => !files.includes(r));
  expect(
    missing.length === 0,
    `${p.filename} ships ${required.join(", ")}${missing.length ? ` (missing ${missing.join(", ")})` : ""}`,
  );
  const stray = files.filter((f) => !allowed.some((a) => a.test(f)));
  expect(
    stray.length === 0,
    `${p.filename} ships nothing else (${files.length} files)${stray.length ? `: ${stray.slice(0, 10).join(", ")}` : ""}`,
  );
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "fp-consumer-"));
  const packs = path.join(work, "packs");
  fs.mkdirSync(packs);
  const packed = JSON.parse(
    mustRun("npm", ["pack", "--json", "-w", "components", "-w", "cli", "--pack-destination", packs], root),
  ) as Packed[];
  const lib = packed.find((p) => p.name === "foundry-platform");
  const tools = packed.find((p) => p.name === "foundry-platform-cli");
  if (!lib || !tools) {
    throw new Error(`npm pack made ${packed.map((p) => p.name).join(", ")}`);
  }
  checkContents(
    lib,
    ["package.json", "LICENSE", "dist/index.js", "dist/index.d.ts", "dist/catalog/prices.json"],
    [/^(package\.json|LICENSE|README\.md)$/, /^dist\/.+\.(js|d\.ts|json)$/],
  );
  checkContents(
    tools,
    [
      "package.json",
      "LICENSE",
      "bin/foundry-platform.js",
      "dist/cli.js",
      "dist/sdk-preload.js",
      "dist/policy-pack/index.js",
      "dist/policy-pack/package.json",
      "dist/policy-pack/PulumiPolicy.yaml",
      "dist/policy-pack/config/prod.json",
    ],
    [
      /^(package\.json|LICENSE|README\.md|bin\/foundry-platform\.js|dist\/(cli|sdk-preload)\.js)$/,
      /^dist\/policy-pack\//,
    ],
  );

  // The consumer project, outside the repository, depending on the two tarballs.
  const consumer = path.join(work, "consumer");
  fs.cpSync(path.join(root, "examples", "consumer"), consumer, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}node_modules`),
  });
  const manifestFile = path.join(consumer, "package.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  manifest.dependencies[lib.name] = `file:${path.join(packs, lib.filename)}`;
  manifest.devDependencies[tools.name] = `file:${path.join(packs, tools.filename)}`;
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  mustRun("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], consumer);

  // One copy of the Pulumi SDK: the tools' mocks and the consumer's program must share its runtime.
  const sdkCopies = mustRun("npm", ["ls", "--all", "--parseable", "@pulumi/pulumi"], consumer)
    .split("\n")
    .filter((l) => l.endsWith(`${path.sep}@pulumi${path.sep}pulumi`));
  expect(
    new Set(sdkCopies).size === 1,
    `one @pulumi/pulumi in the consumer (${[...new Set(sdkCopies)].join(", ")})`,
  );

  mustRun("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], consumer);
  expect(
    true,
    "the consumer's program type-checks against the packed .d.ts (exports map, node16 resolution)",
  );

  const plan = run(
    "npx",
    ["foundry-platform", "plan", "--stack", "dev", "--json", "--as-of", asOf],
    consumer,
  );
  const doc = JSON.parse(plan.stdout) as {
    summary: { resources: number; mandatory: number; errors: number; passed: boolean };
    policyConfig: { file: string | null };
    resources: { type: string; urn: string }[];
  };
  expect(
    plan.code === 0 && doc.summary.passed,
    `the plan passes (exit ${plan.code}, ${doc.summary.mandatory} mandatory, ${doc.summary.errors} errors)`,
  );
  expect(
    doc.resources.some((r) => r.type === "foundry-platform:index:AiPlatform") &&
      doc.resources.some((r) => r.type === "azure-native:cognitiveservices:Deployment"),
    `the plan holds the platform and its deployments (${doc.summary.resources} resources)`,
  );
  expect(
    doc.resources.every((r) => r.urn.startsWith("urn:pulumi:dev::contoso-assistants::")),
    "every resource is in the consumer's project and stack",
  );
  const shippedConfig = path.join("node_modules", tools.name, "dist", "policy-pack", "config", "dev.json");
  expect(
    doc.policyConfig.file === shippedConfig,
    `the shipped pack judged it with its dev config (${doc.policyConfig.file})`,
  );
  fs.rmSync(work, { recursive: true, force: true });
  process.stderr.write("the consumer example installs the packed tarballs and plans\n");
}

try {
  main();
} catch (err) {
  process.stderr.write(`example: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
