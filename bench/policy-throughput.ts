/**
 * Policy throughput through the real gRPC path: 10,000 synthetic resources (AI accounts, standard
 * and provisioned deployments, role assignments, API Management APIs with XML policies, products,
 * links and backend pools, resource groups) go to the policy pack as the Pulumi engine sends them:
 * GetAnalyzerInfo, Configure (prod config), one Analyze per resource and one AnalyzeStack over all.
 * The pack runs as a child process, started the way the CLI starts it; its start-up is timed apart.
 */
import * as os from "node:os";
import * as path from "node:path";
import { runPolicies } from "../cli/analyzer/analyze";
import { startPolicyPack } from "../cli/analyzer/pack-process";
import { PlannedResource, WireProperties } from "../cli/model";
import { median } from "./median";

const root = path.resolve(__dirname, "..");
const stack = "bench";
const project = "foundry-platform";
const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench";
const tags = { environment: "prod", owner: "platform-team@contoso.com", costCenter: "CC-1001" };

const urnOf = (type: string, name: string) => `urn:pulumi:${stack}::${project}::${type}::${name}`;

function resource(
  type: string,
  name: string,
  inputs: WireProperties,
  extra: { parent?: string; protect?: boolean; deps?: Record<string, string[]> } = {},
): PlannedResource {
  const deps = extra.deps ?? {};
  return {
    urn: urnOf(type, name),
    type,
    name,
    custom: true,
    parent: extra.parent,
    inputs,
    outputs: { ...inputs, name },
    options: {
      protect: extra.protect ?? false,
      retainOnDelete: false,
      dependsOn: [...new Set(Object.values(deps).flat())],
    },
    propertyDependencies: deps,
  };
}

const policyXml = (backend: string) =>
  [
    "<policies><inbound><base />",
    `<set-backend-service backend-id="${backend}" />`,
    `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />`,
    `<llm-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="10000" token-quota="1000000" token-quota-period="Monthly" estimate-prompt-tokens="true" />`,
    `<choose><when condition="@(!new [] { "gpt-4.1" }.Contains((string)context.Request.MatchedParameters["deployment-id"]))"><return-response><set-status code="403" /></return-response></when></choose>`,
    '</inbound><backend><retry count="2" interval="0" condition="@(context.Response.StatusCode == 429)"><forward-request /></retry></backend>',
    "<outbound><base /></outbound><on-error><base /></on-error></policies>",
  ].join("");

/** `count` resources in groups of 20: one account with its deployments, role and gateway pieces. */
export function syntheticResources(count: number): PlannedResource[] {
  const out: PlannedResource[] = [];
  const rg = resource("azure-native:resources:ResourceGroup", "rg", {
    resourceGroupName: "rg-bench",
    location: "swedencentral",
    tags,
  });
  const apim = resource("azure-native:apimanagement:ApiManagementService", "apim", {
    serviceName: "apim-bench",
    resourceGroupName: "rg-bench",
    sku: { name: "StandardV2", capacity: 1 },
    identity: { type: "SystemAssigned" },
    tags,
  });
  out.push(rg, apim);
  const svc = { serviceName: [apim.urn], resourceGroupName: [rg.urn] };
  for (let g = 0; out.length < count; g++) {
    const acct = `aif-bench-${g}`;
    const account = resource(
      "azure-native:cognitiveservices:Account",
      acct,
      {
        accountName: acct,
        resourceGroupName: "rg-bench",
        kind: "AIServices",
        identity: { type: "SystemAssigned" },
        properties: { customSubDomainName: acct, disableLocalAuth: true, publicNetworkAccess: "Disabled" },
        tags,
      },
      { deps: { resourceGroupName: [rg.urn] } },
    );
    const onAccount = {
      deps: { accountName: [account.urn], resourceGroupName: [rg.urn] },
      parent: account.urn,
    };
    const model = { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" };
    const std = resource(
      "azure-native:cognitiveservices:Deployment",
      `${acct}-std`,
      {
        accountName: acct,
        deploymentName: "gpt-4.1-std",
        sku: { name: "GlobalStandard", capacity: 100 },
        properties: { model },
        tags,
      },
      onAccount,
    );
    const ptu = resource(
      "azure-native:cognitiveservices:Deployment",
      `${acct}-ptu`,
      {
        accountName: acct,
        deploymentName: "gpt-4.1-ptu",
        sku: { name: "GlobalProvisionedManaged", capacity: 15 },
        properties: { model, spilloverDeploymentName: "gpt-4.1-std" },
        tags,
      },
      { ...onAccount, protect: true },
    );
    const batch = resource(
      "azure-native:cognitiveservices:Deployment",
      `${acct}-batch`,
      {
        accountName: acct,
        deploymentName: "gpt-4.1-batch",
        sku: { name: "GlobalBatch", capacity: 1000 },
        properties: { model },
        tags,
      },
      onAccount,
    );
    const roles = ["5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "43d0d8ad-25c7-4714-9337-8ba259a9fe05"].map(
      (role, i) =>
        resource(
          "azure-native:authorization:RoleAssignment",
          `${acct}-ra-${i}`,
          {
            principalId: `00000000-0000-4000-a000-${String(g).padStart(12, "0")}`,
            principalType: "Group",
            roleDefinitionId: `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${role}`,
            scope: `${sub}/providers/Microsoft.CognitiveServices/accounts/${acct}`,
          },
          { deps: { scope: [account.urn] }, parent: account.urn },
        ),
    );
    const backends = ["ptu", "std"].map((d) =>
      resource(
        "azure-native:apimanagement:Backend",
        `${acct}-be-${d}`,
        {
          serviceName: "apim-bench",
          backendId: `${acct}-${d}`,
          url: `https://${acct}.openai.azure.com/openai/deployments/gpt-4.1-${d}`,
          protocol: "http",
        },
        { deps: svc },
      ),
    );
    const pool = resource(
      "azure-native:apimanagement:Backend",
      `${acct}-pool`,
      {
        serviceName: "apim-bench",
        backendId: `${acct}-pool`,
        type: "Pool",
        pool: {
          services: backends.map((b, i) => ({
            id: `/backends/${b.inputs.backendId as string}`,
            priority: i + 1,
          })),
        },
      },
      { deps: svc },
    );
    const api = resource(
      "azure-native:apimanagement:Api",
      `${acct}-api`,
      { serviceName: "apim-bench", apiId: `${acct}-api`, path: `${acct}/openai`, protocols: ["https"] },
      { deps: svc },
    );
    const apiPolicy = resource(
      "azure-native:apimanagement:ApiPolicy",
      `${acct}-api-policy`,
      { serviceName: "apim-bench", apiId: `${acct}-api`, format: "rawxml", value: policyXml(`${acct}-pool`) },
      { deps: { ...svc, apiId: [api.urn] }, parent: api.urn },
    );
    const product = resource(
      "azure-native:apimanagement:Product",
      `${acct}-team`,
      {
        serviceName: "apim-bench",
        productId: `${acct}-team`,
        displayName: `Team ${g}`,
        subscriptionRequired: true,
      },
      { deps: svc },
    );
    const productPolicy = resource(
      "azure-native:apimanagement:ProductPolicy",
      `${acct}-team-policy`,
      {
        serviceName: "apim-bench",
        productId: `${acct}-team`,
        format: "rawxml",
        value: policyXml(`${acct}-pool`),
      },
      { deps: { ...svc, productId: [product.urn] }, parent: product.urn },
    );
    const link = resource(
      "azure-native:apimanagement:ProductApiLink",
      `${acct}-link`,
      {
        serviceName: "apim-bench",
        productId: `${acct}-team`,
        apiId: `${sub}/providers/Microsoft.ApiManagement/service/apim-bench/apis/${acct}-api`,
      },
      { deps: { ...svc, productId: [product.urn] } },
    );
    const workspace = resource("azure-native:operationalinsights:Workspace", `${acct}-law`, {
      workspaceName: `${acct}-law`,
      tags,
    });
    const identity = resource("azure-native:managedidentity:UserAssignedIdentity", `${acct}-id`, {
      resourceName: `${acct}-id`,
      tags,
    });
    const group = [
      account,
      std,
      ptu,
      batch,
      ...roles,
      ...backends,
      pool,
      api,
      apiPolicy,
      product,
      productPolicy,
      link,
      workspace,
      identity,
    ];
    out.push(...group.slice(0, count - out.length));
  }
  return out;
}

export interface Throughput {
  readonly resources: number;
  /** Rounds run; each figure below is the median over them. */
  readonly rounds: number;
  readonly startMs: number;
  readonly analyzeMs: number;
  readonly perSecond: number;
  /** Each round's resources per second, in the order they ran. */
  readonly perSecondRounds: readonly number[];
  readonly violations: number;
  /**
   * The same resources through the same path to a pack whose two rules read nothing: gRPC's and the
   * policy SDK's fixed cost, measured in the same run.
   */
  readonly floorPerSecond: number;
  /**
   * The same resources to a pack with the real pack's policies, each reading nothing: the policy
   * SDK's cost per policy (it prepares every resource for every policy) on top of the floor.
   */
  readonly sdkFloorPerSecond: number;
  /** One-minute load average when the run ended, to read the number against a shared machine. */
  readonly load: number;
}

/** Drives `packDir` over gRPC with `resources`: the pack's start-up and the analysis, timed apart. */
async function drive(
  packDir: string,
  resources: readonly PlannedResource[],
  policyConfigFile: string | undefined,
): Promise<{ startMs: number; analyzeMs: number; violations: number }> {
  const startAt = process.hrtime.bigint();
  const pack = await startPolicyPack(packDir);
  const startMs = Number(process.hrtime.bigint() - startAt) / 1e6;
  try {
    const at = process.hrtime.bigint();
    const run = await runPolicies(pack, resources, { stack, project, policyConfigFile });
    return {
      startMs,
      analyzeMs: Number(process.hrtime.bigint() - at) / 1e6,
      violations: run.violations.length,
    };
  } finally {
    pack.stop();
  }
}

/**
 * `rounds` rounds, each driving the protocol floor, the SDK floor and the real pack in turn (so a
 * machine that slows down mid-run slows all three alike); the medians are reported.
 */
export async function policyThroughput(count = 10_000, rounds = 3): Promise<Throughput> {
  const resources = syntheticResources(count);
  const runs: { floor: number; sdk: number; real: Awaited<ReturnType<typeof drive>> }[] = [];
  for (let i = 0; i < rounds; i++) {
    const floor = await drive(path.join(root, "bench", "floor-pack"), resources, undefined);
    const sdk = await drive(path.join(root, "bench", "sdk-floor-pack"), resources, undefined);
    const real = await drive(
      path.join(root, "policies"),
      resources,
      path.join(root, "policies", "config", "prod.json"),
    );
    runs.push({ floor: floor.analyzeMs, sdk: sdk.analyzeMs, real });
  }
  const rate = (ms: number) => resources.length / (ms / 1000);
  const analyzeMs = median(runs.map((r) => r.real.analyzeMs));
  return {
    resources: resources.length,
    rounds,
    startMs: median(runs.map((r) => r.real.startMs)),
    analyzeMs,
    perSecond: rate(analyzeMs),
    perSecondRounds: runs.map((r) => Math.round(rate(r.real.analyzeMs))),
    violations: runs[0].real.violations,
    floorPerSecond: rate(median(runs.map((r) => r.floor))),
    sdkFloorPerSecond: rate(median(runs.map((r) => r.sdk))),
    load: os.loadavg()[0],
  };
}

export function describeThroughput(t: Throughput): string {
  const share = (from: number, to: number) => `${((1 / to - 1 / from) * t.perSecond * 100).toFixed(0)}%`;
  return (
    `policy-throughput: ${t.resources} resources (Analyze each + AnalyzeStack, prod config), median of ${t.rounds} rounds: ${t.analyzeMs.toFixed(0)} ms -> ${Math.round(t.perSecond)} resources/s (rounds: ${t.perSecondRounds.join(", ")}); ${t.violations} violations; pack start ${t.startMs.toFixed(0)} ms; load ${t.load.toFixed(1)} on ${os.cpus().length} cores\n` +
    `policy-throughput: protocol floor (a pack whose two rules read nothing) ${Math.round(t.floorPerSecond)} resources/s; SDK floor (the pack's policies, each reading nothing) ${Math.round(t.sdkFloorPerSecond)} resources/s -> the pack runs at ${(t.perSecond / t.floorPerSecond).toFixed(2)}x the protocol floor and ${(t.perSecond / t.sdkFloorPerSecond).toFixed(2)}x the SDK floor; of its time, the SDK's per-policy work takes ${share(t.floorPerSecond, t.sdkFloorPerSecond)} and its rules ${share(t.sdkFloorPerSecond, t.perSecond)}\n`
  );
}

if (require.main === module) {
  policyThroughput().then(
    (t) => process.stdout.write(describeThroughput(t)),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
