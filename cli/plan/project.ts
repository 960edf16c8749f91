/**
 * Reads a Pulumi project the way the Pulumi CLI does for a Node.js program: `Pulumi.yaml`'s `name`,
 * `runtime`, `main`, `stackConfigDir` and project-level `config`, and the program's entry point.
 * Project file reference: https://www.pulumi.com/docs/iac/concepts/projects/project-file/
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { InputError } from "../errors";
import { display } from "../paths";

export interface PulumiProject {
  /** The project name: the namespace of the program's own config keys and part of every URN. */
  readonly name: string;
  /** The folder holding `Pulumi.yaml`. */
  readonly dir: string;
  /** `Pulumi.yaml` (or `Pulumi.yml`). */
  readonly file: string;
  /** The program's entry: a file, or a folder Node resolves (`package.json` main, `index.js`, `index.ts`). */
  readonly entry: string;
  /** The working directory Pulumi gives the program: `main`'s folder (the project folder by default). */
  readonly workDir: string;
  /** Where `Pulumi.<stack>.yaml` files live (`stackConfigDir`, default the project folder). */
  readonly stackConfigDir: string;
  /**
   * Project-level config (`config:` in `Pulumi.yaml`), as `namespace:key` → value; every stack
   * starts from these values and its own file overrides them.
   */
  readonly config: Readonly<Record<string, unknown>>;
}

type Doc = Record<string, unknown>;

function isObject(v: unknown): v is Doc {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// Project names: "alphanumeric characters, hyphens, underscores, and periods" (project file reference).
const projectNamePattern = /^[A-Za-z0-9_.-]+$/;

/** The project file in `dir` (`Pulumi.yaml` or `Pulumi.yml`), if there is one. */
export function projectFileIn(dir: string): string | undefined {
  return ["Pulumi.yaml", "Pulumi.yml"]
    .map((name) => path.join(dir, name))
    .find((file) => fs.existsSync(file));
}

function projectFile(dir: string): string {
  const file = projectFileIn(dir);
  if (file !== undefined) {
    return file;
  }
  throw new InputError(
    `--program ${display(dir)}: no Pulumi.yaml there; give the folder of a Pulumi project (the one holding its Pulumi.yaml)`,
  );
}

function parse(file: string): Doc {
  const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const where = first.linePos ? `:${first.linePos[0].line}:${first.linePos[0].col}` : "";
    throw new InputError(`${display(file)}${where}: not valid YAML: ${first.message.split("\n")[0]}`);
  }
  const root: unknown = doc.toJS();
  if (!isObject(root)) {
    throw new InputError(`${display(file)}: expected a map with 'name' and 'runtime'`);
  }
  return root;
}

/**
 * Project-level config values. A plain value is the value; a map is a declaration whose `value`
 * (or `default`) is the value, so object values must sit under `value:`, as Pulumi requires.
 */
function projectConfig(raw: unknown, project: string, file: string): Record<string, unknown> {
  if (raw === undefined || raw === null) {
    return {};
  }
  if (!isObject(raw)) {
    throw new InputError(`${display(file)}: config must be a map of keys to values or declarations`);
  }
  const out: Record<string, unknown> = {};
  for (const [rawKey, decl] of Object.entries(raw)) {
    const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
    if (!isObject(decl)) {
      out[key] = decl;
    } else if ("value" in decl) {
      out[key] = decl.value;
    } else if ("default" in decl) {
      out[key] = decl.default;
    }
  }
  return out;
}

/**
 * The program's entry as Pulumi's Node.js host finds it: `main` when set, else the project's
 * package.json `exports` (".": a path, or its default / require / import) or `main`, else the folder
 * itself (Node resolves `index.js` or `index.ts`).
 */
function programEntry(projectDir: string, main: string | undefined, where: string): string {
  const pkgFile = path.join(projectDir, "package.json");
  let pkg: { type?: unknown; main?: unknown; exports?: unknown } = {};
  if (fs.existsSync(pkgFile)) {
    try {
      pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as typeof pkg;
    } catch (err) {
      throw new InputError(`${display(pkgFile)}: not valid JSON (${(err as Error).message})`);
    }
  }
  if (pkg.type === "module") {
    throw new InputError(
      `${display(pkgFile)}: "type": "module" (an ES module program) cannot be planned offline; plan a CommonJS program (TypeScript compiled to CommonJS is Pulumi's default)`,
    );
  }
  if (main !== undefined) {
    const entry = path.resolve(projectDir, main);
    if (!fs.existsSync(entry)) {
      throw new InputError(`${where}: main (got "${main}"): ${display(entry)} does not exist`);
    }
    return entry;
  }
  const dot = isObject(pkg.exports) ? pkg.exports["."] : pkg.exports;
  const fromExports = isObject(dot) ? (dot.default ?? dot.require ?? dot.import) : dot;
  const entry = typeof fromExports === "string" ? fromExports : typeof pkg.main === "string" ? pkg.main : ".";
  return path.resolve(projectDir, entry);
}

/** Reads the Pulumi project in `dir`; every mistake is bad input that names the file and the key. */
export function readProject(dir: string): PulumiProject {
  const projectDir = path.resolve(dir);
  if (!fs.existsSync(projectDir) || !fs.statSync(projectDir).isDirectory()) {
    throw new InputError(`--program ${display(projectDir)}: no such folder`);
  }
  const file = projectFile(projectDir);
  const doc = parse(file);
  const where = display(file);
  const name = doc.name;
  if (typeof name !== "string" || !projectNamePattern.test(name)) {
    throw new InputError(
      `${where}: name (got ${JSON.stringify(name)}): required; letters, digits, hyphens, underscores and periods`,
    );
  }
  const runtime = isObject(doc.runtime) ? doc.runtime.name : doc.runtime;
  if (runtime !== "nodejs") {
    throw new InputError(
      `${where}: runtime (got ${JSON.stringify(runtime)}): plan runs Node.js programs only (runtime: nodejs, TypeScript or JavaScript)`,
    );
  }
  for (const key of ["main", "stackConfigDir"] as const) {
    if (doc[key] !== undefined && typeof doc[key] !== "string") {
      throw new InputError(`${where}: ${key} (got ${JSON.stringify(doc[key])}): expected a path`);
    }
  }
  const entry = programEntry(projectDir, doc.main as string | undefined, where);
  // The program runs in main's folder, or in the folder of main's file (Pulumi's getPwdMain).
  const workDir =
    doc.main === undefined ? projectDir : fs.statSync(entry).isDirectory() ? entry : path.dirname(entry);
  return {
    name,
    dir: projectDir,
    file,
    entry,
    workDir,
    stackConfigDir: path.resolve(
      projectDir,
      typeof doc.stackConfigDir === "string" ? doc.stackConfigDir : ".",
    ),
    config: projectConfig(doc.config, name, file),
  };
}

/** The stacks that have a `Pulumi.<stack>.yaml` in the project's stack config folder. */
export function projectStacks(project: PulumiProject): string[] {
  if (!fs.existsSync(project.stackConfigDir)) {
    return [];
  }
  return fs
    .readdirSync(project.stackConfigDir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** The config file of `stack` in the project's stack config folder. */
export function stackFileOf(project: PulumiProject, stack: string): string {
  return path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
}
