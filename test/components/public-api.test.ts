/**
 * The library's public API is `components/index.ts`, by name: the components, their argument and
 * output types, the enums and the documented defaults. Everything else the component modules behind
 * it export (for the platform's own program, CLI and policy pack) is marked `@internal`, so
 * `stripInternal` keeps it out of the published declarations and the API reference. The catalog,
 * cost and select layers (`components/catalog`, `components/cost`, `components/select`) are
 * internal as a whole: the index names the few types of theirs the arguments use (and the
 * selector's entry points), and their other exports stay declared for the modules that build on
 * them. Parse-only: no type-check.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import * as api from "../../components/index";

const componentsDir = path.resolve(__dirname, "..", "..", "components");

const parsed = new Map<string, ts.SourceFile>();

function parse(file: string): ts.SourceFile {
  const known = parsed.get(file);
  if (known) {
    return known;
  }
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  parsed.set(file, source);
  return source;
}

/** What `components/index.ts` exports: each statement's module and names. */
function indexExports(): { module: string; names: string[]; star: boolean }[] {
  const index = parse(path.join(componentsDir, "index.ts"));
  return index.statements.filter(ts.isExportDeclaration).map((d) => ({
    module: d.moduleSpecifier && ts.isStringLiteral(d.moduleSpecifier) ? d.moduleSpecifier.text : "",
    names:
      d.exportClause && ts.isNamedExports(d.exportClause)
        ? d.exportClause.elements.map((e) => e.name.text)
        : [],
    star: d.exportClause === undefined || ts.isNamespaceExport(d.exportClause),
  }));
}

/** The exported declarations of a module, with whether their doc comment says `@internal`. */
function moduleExports(module: string): Map<string, boolean> {
  const file = parse(path.join(componentsDir, `${module}.ts`));
  const exported = new Map<string, boolean>();
  for (const node of file.statements) {
    const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
    if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      continue;
    }
    const internal = ts.getJSDocTags(node).some((t) => t.tagName.text === "internal");
    const names = ts.isVariableStatement(node)
      ? node.declarationList.declarations.map((d) => d.name.getText(file))
      : "name" in node && node.name && ts.isIdentifier(node.name as ts.Node)
        ? [(node.name as ts.Identifier).text]
        : [];
    for (const name of names) {
      exported.set(name, (exported.get(name) ?? false) || internal);
    }
  }
  return exported;
}

describe("public API (components/index.ts)", () => {
  it("exports by name only, from the modules that declare the names", () => {
    const statements = indexExports();
    assert.deepEqual(
      statements.filter((s) => s.star || s.module === "" || s.names.length === 0),
      [],
      "no `export *`, no export without a module",
    );
    for (const { module, names } of statements) {
      const declared = moduleExports(module);
      for (const name of names) {
        assert.ok(declared.has(name), `${name} is not declared in ${module}`);
        assert.equal(declared.get(name), false, `${name} is public but marked @internal in ${module}`);
      }
    }
  });

  it("marks @internal every other export of those modules", () => {
    const exported = new Set(indexExports().flatMap((s) => s.names));
    const unmarked: string[] = [];
    const layers = /^\.\/(catalog|cost|select)\//;
    for (const module of new Set(
      indexExports()
        .map((s) => s.module)
        .filter((m) => !layers.test(m)),
    )) {
      for (const [name, internal] of moduleExports(module)) {
        if (!internal && !exported.has(name)) {
          unmarked.push(`${module}: ${name}`);
        }
      }
    }
    assert.deepEqual(unmarked, []);
  });

  it("gives programs the components, enums and documented defaults, and no internal helper", () => {
    assert.deepEqual(Object.keys(api).sort(), [
      "AccessControl",
      "AiGateway",
      "AiNetwork",
      "AiPlatform",
      "AlertWindowMinutes",
      "AzureRegion",
      "Capability",
      "CostControls",
      "DeploymentType",
      "Environment",
      "FoundryAccount",
      "GatewayNetworkMode",
      "GatewaySku",
      "GatewayVirtualNetworkType",
      "HumanDataAccess",
      "LockKind",
      "LogCategoryGroup",
      "MonitoredResourceKind",
      "NetworkRuleAction",
      "NetworkRuleBypass",
      "Observability",
      "PrincipalType",
      "PtuPricing",
      "RoutingMode",
      "VersionUpgradeOption",
      "accessGroups",
      "contractProblems",
      "defaultAlertThresholds",
      "defaultCircuitBreakerRule",
      "defaultProvisionedCircuitBreakerRule",
      "defaultRaiPolicyName",
      "deploymentTypes",
      "environments",
      "inferenceRole",
      "isAzureRegion",
      "regionNames",
      "selectModels",
      "strictContentFilters",
      "workloadLatencies",
      "workloadNeeds",
      "workloadResidencies",
      "workloadRoutings",
      "workloadSafetyLevels",
      "workloadTasks",
    ]);
    for (const helper of [
      "declareBackendsAndPools",
      "weakCiphers",
      "policyXml",
      "securityCustomProperties",
      "planPools",
      "resourceName",
      "mergeTags",
      "assignRole",
      "declareDiagnosticSettings",
      "ComponentHandles",
      "withFormerType",
    ]) {
      assert.ok(!(helper in api), `${helper} is exported`);
    }
  });
});
