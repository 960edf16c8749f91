/**
 * The built policy pack is self-contained: a copy of its folder alone, in a temp dir where only the
 * dependencies its package.json declares resolve (symlinked in, nothing above it), loads and judges
 * resources over the analyzer protocol, as `pulumi policy publish` and `--policy-pack` run it.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { buildPolicyPack, BuiltPackManifest } from "../../bin/bundles";
import { runPolicies } from "../../cli/analyzer/analyze";
import { PackProcess, startPolicyPack } from "../../cli/analyzer/pack-process";
import { PlannedResource, WireProperties } from "../../cli/model";
import { e2eTimeoutMs, root } from "../helpers/cli";

const stack = "prod";
const project = "standalone";
const tags = { environment: "prod", owner: "platform-team@contoso.com", costCenter: "CC-1001" };

function account(name: string, disableLocalAuth: boolean): PlannedResource {
  const inputs: WireProperties = {
    accountName: name,
    resourceGroupName: "rg-standalone",
    location: "swedencentral",
    kind: "AIServices",
    sku: { name: "S0" },
    identity: { type: "SystemAssigned" },
    properties: { customSubDomainName: name, disableLocalAuth, publicNetworkAccess: "Disabled" },
    tags,
  };
  return {
    urn: `urn:pulumi:${stack}::${project}::azure-native:cognitiveservices:Account::${name}`,
    type: "azure-native:cognitiveservices:Account",
    name,
    custom: true,
    inputs,
    outputs: inputs,
    options: { protect: false, retainOnDelete: false, dependsOn: [] },
    propertyDependencies: {},
  };
}

/** The folders above `dir` that hold a node_modules (none, or the copy could resolve more than it declares). */
function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "node_modules"))) {
      found.push(d);
    }
    if (path.dirname(d) === d) {
      return found;
    }
  }
}

describe("the built policy pack, alone in a folder", function () {
  this.timeout(e2eTimeoutMs);
  let dir: string;
  let manifest: BuiltPackManifest;
  let pack: PackProcess | undefined;

  before(async () => {
    const built = fs.mkdtempSync(path.join(os.tmpdir(), "fp-pack-build-"));
    manifest = buildPolicyPack(built);
    // Copy the folder (as `pulumi policy publish` uploads it) and give it its declared dependencies only.
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fp-pack-alone-")), "pack");
    fs.cpSync(built, dir, { recursive: true });
    fs.rmSync(built, { recursive: true, force: true });
    for (const dep of Object.keys(manifest.dependencies)) {
      const link = path.join(dir, "node_modules", dep);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(fs.realpathSync(path.join(root, "node_modules", dep)), link, "dir");
    }
    pack = await startPolicyPack(dir);
  });

  after(() => {
    pack?.stop();
    if (dir) {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it("holds what Pulumi runs and publishes, and nothing that points outside it", () => {
    assert.deepEqual(nodeModulesAbove(dir), [], "nothing above the copy may resolve packages");
    assert.deepEqual(fs.readdirSync(dir).sort(), [
      "LICENSE",
      "PulumiPolicy.yaml",
      "config",
      "index.js",
      "node_modules",
      "package.json",
    ]);
    assert.deepEqual(fs.readdirSync(path.join(dir, "config")).sort(), [
      "dev.json",
      "prod.json",
      "staging.json",
    ]);
    assert.match(fs.readFileSync(path.join(dir, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
    assert.equal(manifest.main, "index.js");
    // The pack's host runs it with its own @pulumi/pulumi; the rules need the policy SDK. Nothing else.
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ["@pulumi/policy", "@pulumi/pulumi"]);
    const source = fs.readFileSync(path.join(dir, "index.js"), "utf8");
    const required = [...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const packageOf = (r: string) =>
      r
        .split("/")
        .slice(0, r.startsWith("@") ? 2 : 1)
        .join("/");
    const foreign = [...new Set(required)].filter(
      (r) => !builtins.has(r) && !(packageOf(r) in manifest.dependencies),
    );
    assert.deepEqual(foreign, [], "the bundle requires only Node's modules and its declared dependencies");
  });

  it("loads and judges resources over the analyzer protocol with its shipped prod config", async () => {
    assert.ok(pack);
    const run = await runPolicies(pack, [account("aif-keys", false), account("aif-entra", true)], {
      stack,
      project,
      policyConfigFile: path.join(dir, "config", "prod.json"),
    });
    assert.equal(run.pack.name, "foundry-platform");
    assert.equal(run.pack.version, manifest.version);
    assert.ok(run.pack.policies > 20, `${run.pack.policies} rules`);
    const localAuth = run.violations.filter((v) => v.policy === "ai-account-disable-local-auth");
    assert.deepEqual(
      localAuth.map((v) => [v.urn.split("::").pop(), v.enforcementLevel]),
      [["aif-keys", "mandatory"]],
    );
  });
});
