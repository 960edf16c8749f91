/**
 * The component package's schema: inferred from the published components' TypeScript types by the
 * same `ComponentProvider` (and `Analyzer`) the package's entry serves, committed as
 * `provider/schema.json` (`npm run schema:package`). The inference builds a TypeScript program of the
 * whole repository (about 15 s), so the schema is cached by a hash of everything it reads.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { packageName, publishedComponents } from "./components";

/** The repository (the package's root: PulumiPlugin.yaml, package.json, tsconfig.json, index.ts). */
export const packageRoot = path.resolve(__dirname, "..");

/** The committed schema and the hash of the inputs it was inferred from. */
export const schemaFile = path.join(packageRoot, "provider", "schema.json");
export const schemaHashFile = path.join(packageRoot, "provider", "schema.sha256");

/** Where inferred schemas are kept by input hash, so that a test infers each version once. */
const cacheDir = path.join(packageRoot, "node_modules", ".cache", "foundry-platform");

/** Files under `dir` ending in `.ts`, relative to the package root, sorted. */
function typeScriptFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(packageRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f).split(path.sep).join("/"))
    .sort();
}

/** The version of an installed package. */
function installedVersion(name: string): string {
  const manifest = path.join(packageRoot, "node_modules", ...name.split("/"), "package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}

/**
 * A hash of everything the inference reads: the entry and the list of published components, the
 * component sources, the TypeScript and package settings, and the versions of the SDK (the
 * analyzer), the compiler and the Azure SDKs.
 */
export function schemaInputsHash(): string {
  const hash = createHash("sha256");
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, "package.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const { name, version, description, main, exports } = manifest;
  hash.update(JSON.stringify({ name, version, description, main, exports }));
  for (const dep of ["@pulumi/pulumi", "@pulumi/azure-native", "@pulumi/azuread", "typescript"]) {
    hash.update(`${dep}@${installedVersion(dep)}\n`);
  }
  for (const file of [
    "index.ts",
    "tsconfig.json",
    "provider/components.ts",
    ...typeScriptFiles("components"),
  ]) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(packageRoot, file)));
  }
  return hash.digest("hex");
}

/** The schema as the component host infers it, as committed (two-space JSON, final newline). */
export async function inferSchemaText(): Promise<string> {
  const provider = new ComponentProvider({
    name: packageName,
    dirname: packageRoot,
    components: [...publishedComponents],
  });
  return `${JSON.stringify(JSON.parse(await provider.getSchema()), null, 2)}\n`;
}

/** The schema for the current inputs: from the cache when these inputs were inferred before. */
export async function currentSchemaText(inputsHash: string = schemaInputsHash()): Promise<string> {
  const cached = path.join(cacheDir, `package-schema-${inputsHash}.json`);
  if (fs.existsSync(cached)) {
    return fs.readFileSync(cached, "utf8");
  }
  const text = await inferSchemaText();
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(cached, text);
  return text;
}

/**
 * The committed schema when it is current: inferred from inputs with the committed hash, or equal to
 * the schema the current inputs give. Undefined when it is stale.
 */
export async function committedSchemaIfCurrent(): Promise<string | undefined> {
  const committed = fs.readFileSync(schemaFile, "utf8");
  const inputsHash = schemaInputsHash();
  if (fs.readFileSync(schemaHashFile, "utf8").trim() === inputsHash) {
    return committed;
  }
  return (await currentSchemaText(inputsHash)) === committed ? committed : undefined;
}
