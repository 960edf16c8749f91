import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PackProcess } from "../../cli/analyzer/pack-process";
import { namespaceProblems } from "../../cli/plan/config-namespaces";
import { plan } from "../../cli/plan/plan";
import { projectStacks, readProject } from "../../cli/plan/project";
import { parseStackConfig } from "../../cli/plan/stack-file";
import { root } from "../helpers/cli";

const consumer = path.join(root, "test", "fixtures", "programs", "consumer");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-project-"));

/** A project folder with the given files. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("reading a consumer's Pulumi project (plan --program)", () => {
  it("reads name, main, stackConfigDir and project-level config defaults from Pulumi.yaml", () => {
    const p = readProject(consumer);
    assert.equal(p.name, "contoso-chat");
    assert.equal(p.entry, path.join(consumer, "infra"));
    assert.equal(p.workDir, path.join(consumer, "infra"));
    assert.equal(p.stackConfigDir, path.join(consumer, "config"));
    assert.deepEqual(p.config, { "contoso-chat:workload": "chat" });
    assert.deepEqual(projectStacks(p), ["copied", "dev"]);
  });

  it("finds the entry as Pulumi's Node.js host does: main, else package.json exports or main, else the folder", () => {
    const file = project("main-file", {
      "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: src/app.ts\n",
      "src/app.ts": "",
    });
    assert.equal(readProject(file).entry, path.join(file, "src", "app.ts"));
    assert.equal(readProject(file).workDir, path.join(file, "src"));
    const exportsDir = project("exports", {
      "Pulumi.yaml": "name: b\nruntime: nodejs\n",
      "package.json": JSON.stringify({ exports: { ".": { require: "./bin/index.js" } }, main: "ignored.js" }),
    });
    assert.equal(readProject(exportsDir).entry, path.join(exportsDir, "bin", "index.js"));
    const mainDir = project("pkg-main", {
      "Pulumi.yml": "name: c\nruntime: nodejs\n",
      "package.json": JSON.stringify({ main: "out/main.js" }),
    });
    assert.equal(readProject(mainDir).entry, path.join(mainDir, "out", "main.js"));
    const bare = project("bare", { "Pulumi.yaml": "name: d\nruntime: nodejs\n" });
    assert.equal(readProject(bare).entry, bare);
    assert.equal(readProject(bare).stackConfigDir, bare);
  });

  it("rejects what it cannot plan, naming the file, the key and the fix", () => {
    const cases: [string, Record<string, string>, RegExp][] = [
      ["no-project", { "index.ts": "" }, /no Pulumi\.yaml there; give the folder of a Pulumi project/],
      [
        "python",
        { "Pulumi.yaml": "name: p\nruntime: python\n" },
        /runtime \(got "python"\): plan runs Node\.js programs only/,
      ],
      ["no-name", { "Pulumi.yaml": "runtime: nodejs\n" }, /Pulumi\.yaml: name \(got undefined\): required/],
      [
        "bad-main",
        { "Pulumi.yaml": "name: m\nruntime: nodejs\nmain: nowhere/\n" },
        /main \(got "nowhere\/"\): .*does not exist/,
      ],
      [
        "esm",
        { "Pulumi.yaml": "name: e\nruntime: nodejs\n", "package.json": JSON.stringify({ type: "module" }) },
        /"type": "module" \(an ES module program\) cannot be planned offline/,
      ],
      ["bad-yaml", { "Pulumi.yaml": "name: [x\n" }, /Pulumi\.yaml:\d+:\d+: not valid YAML/],
      [
        "bad-package",
        { "Pulumi.yaml": "name: j\nruntime: nodejs\n", "package.json": "{ nope" },
        /package\.json: not valid JSON/,
      ],
    ];
    for (const [name, files, expected] of cases) {
      assert.throws(() => readProject(project(name, files)), expected, name);
    }
    assert.throws(() => readProject(path.join(tmp, "missing")), /--program .*missing: no such folder/);
  });

  it("reads project config as Pulumi does: plain values, and declarations' value or default", () => {
    const dir = project("config-forms", {
      "Pulumi.yaml": [
        "name: app",
        "runtime: nodejs",
        "config:",
        "  count: 2",
        "  azure-native:location: swedencentral",
        "  tags:",
        "    value: { team: chat }",
        "  size:",
        "    type: string",
        "    default: small",
        "  declared:",
        "    type: string",
        "",
      ].join("\n"),
    });
    assert.deepEqual(readProject(dir).config, {
      "app:count": 2,
      "azure-native:location": "swedencentral",
      "app:tags": { team: "chat" },
      "app:size": "small",
    });
  });

  it("starts every stack from the project config; the stack file overrides it", () => {
    const file = parseStackConfig(
      "config:\n  region: westeurope\n  contoso-chat:owner: a@contoso.com\n",
      "Pulumi.dev.yaml",
      "contoso-chat",
      {
        "contoso-chat:workload": "chat",
        "contoso-chat:region": "swedencentral",
        "azure-native:location": "x",
      },
    );
    assert.deepEqual(file.values, {
      "contoso-chat:workload": "chat",
      "contoso-chat:region": "westeurope",
      "contoso-chat:owner": "a@contoso.com",
      "azure-native:location": "x",
    });
  });

  it("accepts the project's, the engine's and installed providers' namespaces, and names every key of any other", () => {
    const file = {
      path: "Pulumi.dev.yaml",
      secretKeys: [],
      values: {
        "contoso-chat:owner": "x",
        "pulumi:disable-default-providers": "[]",
        "azure-native:location": "swedencentral",
        "azuread:tenantId": "t",
        "foundry-platform:owner": "x",
        "foundry-platform:workload": "y",
        "policy:x": "z",
      },
    };
    const problems = namespaceProblems(file, { name: "contoso-chat", dir: consumer });
    assert.equal(problems.length, 2, problems.join("\n"));
    assert.match(
      problems[0],
      /^Pulumi\.dev\.yaml: foundry-platform:owner, foundry-platform:workload: unknown config namespace 'foundry-platform': this project is 'contoso-chat' .*write the program's keys as contoso-chat:<key>/,
    );
    // @pulumi/policy is installed but is no provider.
    assert.match(problems[1], /policy:x: unknown config namespace 'policy'/);
  });

  it("stops a plan on a copied stack file before running anything", async () => {
    const neverStarted = new Promise<PackProcess>(() => undefined);
    await assert.rejects(
      plan({ stack: "copied", programDir: consumer }, neverStarted),
      /Pulumi\.copied\.yaml: foundry-platform:environment, foundry-platform:owner: unknown config namespace 'foundry-platform'/,
    );
    await assert.rejects(
      plan({ stack: "nope", programDir: consumer }, neverStarted),
      /no config for stack 'nope' .*known stacks of project 'contoso-chat': copied, dev/,
    );
  });
});
