/**
 * Checks the declarations the library publishes (`npm run api:check`, in CI): emits the `.d.ts` of
 * `components/` as `tsconfig.build.json` does (with `stripInternal`), in memory, then type-checks
 * them, so that no published declaration refers to one that `@internal` removed.
 */
import * as path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "..");
const configFile = path.join(root, "tsconfig.build.json");

/** A directory and every directory above it. */
function ancestorsOf(dir: string): string[] {
  const parent = path.dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestorsOf(parent)];
}

function main(): number {
  const config = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) {
    throw new Error(`cannot read ${configFile}`);
  }
  const options: ts.CompilerOptions = {
    ...config.options,
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
  };
  const sources = config.fileNames.filter((f) => f.startsWith(path.join(root, "components") + path.sep));
  const emitted = new Map<string, string>();
  ts.createProgram(sources, options).emit(undefined, (file, text) => emitted.set(path.resolve(file), text));

  // The emitted declarations, type-checked on their own, against the installed packages.
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => emitted.get(path.resolve(f)) ?? readFile(f);
  host.fileExists = (f) => emitted.has(path.resolve(f)) || fileExists(f);
  const emittedDirs = new Set([...emitted.keys()].flatMap((f) => ancestorsOf(path.dirname(f))));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) =>
    emittedDirs.has(path.resolve(d)) || (directoryExists?.(d) ?? ts.sys.directoryExists(d));
  const declarations = [...emitted.keys()].filter((f) => f.endsWith(".d.ts"));
  const program = ts.createProgram(declarations, { ...options, noEmit: true, skipLibCheck: false }, host);
  const diagnostics = declarations.flatMap((f) => {
    const source = program.getSourceFile(f);
    return source ? program.getSemanticDiagnostics(source) : [];
  });
  for (const d of diagnostics) {
    const where = d.file ? `${path.relative(root, d.file.fileName)}: ` : "";
    process.stderr.write(`${where}${ts.flattenDiagnosticMessageText(d.messageText, " ")}\n`);
  }
  const lost = lostExports(options.outDir ?? path.join(root, "components", "dist"), emitted);
  for (const name of lost) {
    process.stderr.write(
      `components/index.d.ts: '${name}' is exported by components/index.ts but not declared\n`,
    );
  }
  const problems = diagnostics.length + lost.length;
  process.stdout.write(`${declarations.length} declaration files, ${problems} problems\n`);
  return problems === 0 ? 0 : 1;
}

/** The names an index's export declarations give. */
function exportedNames(source: ts.SourceFile): string[] {
  return source.statements
    .filter(ts.isExportDeclaration)
    .flatMap((d) => (d.exportClause && ts.isNamedExports(d.exportClause) ? d.exportClause.elements : []))
    .map((e) => e.name.text);
}

/**
 * Names of `components/index.ts` that its emitted declaration lost: `stripInternal` drops a whole
 * statement whose leading comment holds the internal tag, even a file comment that only mentions it.
 */
function lostExports(outDir: string, emitted: ReadonlyMap<string, string>): string[] {
  const index = path.join(root, "components", "index.ts");
  const wanted = exportedNames(
    ts.createSourceFile(index, ts.sys.readFile(index) ?? "", ts.ScriptTarget.Latest, true),
  );
  const declaration = path.resolve(outDir, "index.d.ts");
  const text = emitted.get(declaration);
  if (text === undefined) {
    return wanted;
  }
  const got = new Set(exportedNames(ts.createSourceFile(declaration, text, ts.ScriptTarget.Latest, true)));
  return wanted.filter((n) => !got.has(n));
}

process.exitCode = main();
