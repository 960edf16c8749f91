/**
 * The capture's shortcuts for large plans change nothing a plan shows: aliases are left out while a
 * program runs (azure-native gives every resource about twenty), stack traces are cheap, and both
 * are back to normal afterwards.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as resources from "@pulumi/azure-native/resources";
import { runUnderMocks } from "../../cli/plan/capture";
import { PlannedResource } from "../../cli/model";

const run = { project: "capture", stack: "test", config: {}, secretKeys: [] };
const alias = { aliases: [{ type: "capture:index:Old" }] };

class Group extends pulumi.ComponentResource {
  constructor(name: string, opts: pulumi.ComponentResourceOptions = {}) {
    super("capture:index:Group", name, {}, pulumi.mergeOptions(opts, alias));
    const rg = new resources.ResourceGroup(`${name}-rg`, { location: "swedencentral" }, { parent: this });
    const account = new cognitiveservices.Account(
      `${name}-aif`,
      { resourceGroupName: rg.name, kind: "AIServices", sku: { name: "S0" }, properties: {} },
      { parent: this, protect: true },
    );
    new cognitiveservices.Deployment(
      `${name}-dep`,
      {
        resourceGroupName: rg.name,
        accountName: account.name,
        sku: { name: "GlobalStandard", capacity: 1 },
        properties: { model: { format: "OpenAI", name: "gpt-5.4-mini", version: "2026-03-17" } },
      },
      { parent: account, dependsOn: [rg] },
    );
    this.registerOutputs({ endpoint: account.properties.endpoint });
  }
}

async function plan(keepAliases: boolean): Promise<PlannedResource[]> {
  const r = await runUnderMocks(() => new Group("g"), { ...run, keepAliases });
  assert.deepEqual(r.errors, []);
  return r.resources;
}

describe("capture under mocks", () => {
  it("captures the same resources whether or not aliases are kept", async () => {
    const without = await plan(false);
    assert.deepEqual(
      without.map((r) => r.type),
      [
        "capture:index:Group",
        "azure-native:resources:ResourceGroup",
        "azure-native:cognitiveservices:Account",
        "azure-native:cognitiveservices:Deployment",
      ],
    );
    assert.deepEqual(without, await plan(true));
  });

  it("leaves aliases out only while the program runs, and restores stack traces", async () => {
    const limit = Error.stackTraceLimit;
    let during: { aliases?: unknown; traceLimit: number } | undefined;
    await runUnderMocks(() => {
      during = { aliases: pulumi.mergeOptions({}, alias).aliases, traceLimit: Error.stackTraceLimit };
    }, run);
    assert.deepEqual(during, { aliases: undefined, traceLimit: 0 });
    assert.deepEqual(pulumi.mergeOptions({}, alias).aliases, alias.aliases);
    assert.equal(Error.stackTraceLimit, limit);
  });
});
