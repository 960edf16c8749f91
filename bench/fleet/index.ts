/**
 * The fleet benchmark's program, in one of two modes (config `fleet-bench:mode`):
 * - `components`: one `AiPlatform` with `accounts` Foundry accounts of `deploymentsPerAccount`
 *   model deployments each, with everything the platform adds (observability, access, budgets);
 * - `raw`: the custom resources a components run registered (read from `fleet-bench:resources`, a
 *   `plan --json` document), registered directly as azure-native resources with the same names,
 *   inputs, parents and options, and no component in between.
 */
import * as pulumi from "@pulumi/pulumi";
import * as fs from "node:fs";
import { AiPlatform, ModelDeploymentSpec } from "../../components/index";

const config = new pulumi.Config();

function componentsFleet(): void {
  const accounts = config.requireNumber("accounts");
  const perAccount = config.requireNumber("deploymentsPerAccount");
  const deployments = (a: number): ModelDeploymentSpec[] =>
    Array.from({ length: perAccount }, (_, d) => ({
      name: `chat-${a}-${d}`,
      model: "gpt-5.4-mini",
      version: "2026-03-17",
      type: "GlobalStandard",
      capacity: 1,
    }));
  new AiPlatform("fleet", {
    environment: "prod",
    owner: "platform-team@contoso.com",
    costCenter: "CC-1001",
    workload: "fleet",
    location: "swedencentral",
    catalogDate: "2026-12-01",
    accounts: Array.from({ length: accounts }, (_, a) => ({ name: `a${a}`, deployments: deployments(a) })),
  });
}

interface PlannedDoc {
  resources: {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    custom?: boolean;
    inputs: Record<string, unknown>;
    options: { protect: boolean; dependsOn: string[] };
  }[];
}

type ResourceClass = new (
  name: string,
  args: unknown,
  opts?: pulumi.CustomResourceOptions,
) => pulumi.CustomResource;

/** The azure-native class of a type token (`azure-native:cognitiveservices:Deployment`). */
function classOf(type: string): ResourceClass {
  const [pkg, mod, name] = type.split(":");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(pkg === "azuread" ? "@pulumi/azuread" : `@pulumi/azure-native/${mod}`) as Record<
    string,
    ResourceClass
  >;
  return loaded[name];
}

function rawFleet(): void {
  const doc = JSON.parse(fs.readFileSync(config.require("resources"), "utf8")) as PlannedDoc;
  const byUrn = new Map<string, pulumi.CustomResource>();
  for (const r of doc.resources) {
    const [pkg] = r.type.split(":");
    if (pkg !== "azure-native" && pkg !== "azuread") {
      continue; // components and providers: what the raw program does without
    }
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    const dependsOn = r.options.dependsOn.flatMap((u) => byUrn.get(u) ?? []);
    const resource = new (classOf(r.type))(r.name, r.inputs, {
      ...(parent ? { parent } : {}),
      dependsOn,
      protect: r.options.protect,
    });
    byUrn.set(r.urn, resource);
  }
}

if (config.require("mode") === "raw") {
  rawFleet();
} else {
  componentsFleet();
}
