/**
 * Secure and cheap by default: every component, given only its required arguments, passes every
 * mandatory rule of the policy pack that judges its resources, in dev, staging and prod — through
 * the same gRPC path as `plan`. Stack-wide findings that name no resource (a stack has no budget)
 * belong to the stack, not to a component, and are left out here; the stacks' own e2e plans check them.
 */
import { strict as assert } from "node:assert";
import { runPolicies } from "../../cli/analyzer/analyze";
import { PackProcess, startPolicyPack } from "../../cli/analyzer/pack-process";
import { isBlocking, PlannedResource, Violation } from "../../cli/model";
import { policyConfigPath, policyPackDir, projectName } from "../../cli/paths";
import { engineChecks } from "../../cli/plan/engine-checks";
import { AccessControl } from "../../components/access/access-control";
import { RequiredTags } from "../../components/common/tags";
import { FoundryAccount } from "../../components/foundry/account";
import { AiGateway } from "../../components/gateway";
import { CostControls } from "../../components/observability/cost";
import { Observability } from "../../components/observability/observability";
import { AiPlatform } from "../../components/platform";
import { capture } from "../helpers/mocks";

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-prod-sdc";
const workspaceResourceId = `${sub}/providers/Microsoft.OperationalInsights/workspaces/log-contoso-prod-sdc`;
const accountId = `${sub}/providers/Microsoft.CognitiveServices/accounts/aif-contoso-prod-sdc-main`;
const tags: RequiredTags = { environment: "prod", owner: "platform@contoso.com", costCenter: "CC-1" };
const naming = { workload: "contoso", environment: "prod", region: "swedencentral" } as const;

/** Each component with its required arguments only. */
const components: [string, () => unknown][] = [
  [
    "FoundryAccount",
    () =>
      new FoundryAccount("main", {
        resourceGroupName: "rg-contoso-prod-sdc",
        location: "swedencentral",
        accountName: "aif-contoso-prod-sdc-main",
        diagnosticSettings: [{ workspaceResourceId }],
        tags,
      }),
  ],
  [
    "AiGateway",
    () =>
      new AiGateway("gateway", {
        resourceGroupName: "rg-contoso-prod-sdc",
        location: "swedencentral",
        serviceName: "apim-contoso-prod-sdc",
        targets: [
          {
            account: "main",
            accountResourceId: accountId,
            endpoint: "https://aif-contoso-prod-sdc-main.cognitiveservices.azure.com/",
            location: "swedencentral",
            deployment: "gpt-5-mini",
            model: "gpt-5-mini",
            version: "2025-08-07",
            type: "GlobalStandard",
          },
        ],
        teams: [
          { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 1000000, allowedModels: ["gpt-5-mini"] },
        ],
        publisherEmail: "platform@contoso.com",
        diagnosticSettings: [{ workspaceResourceId }],
        tags,
      }),
  ],
  [
    "Observability",
    () =>
      new Observability("obs", {
        resourceGroupName: "rg-contoso-prod-sdc",
        naming,
        monitoredResources: [{ name: "main", kind: "aiAccount", resourceId: accountId }],
        tags,
      }),
  ],
  [
    "CostControls",
    () =>
      new CostControls("cost", {
        scope: sub,
        naming,
        monthlyAmount: 1000,
        actionGroupResourceId: `${sub}/providers/Microsoft.Insights/actionGroups/ag-contoso-prod-sdc`,
      }),
  ],
  [
    "AccessControl",
    () =>
      new AccessControl("access", {
        naming,
        aiAccounts: [{ name: "main", resourceId: accountId }],
        resourceGroupId: sub,
        workspaceResourceId,
      }),
  ],
  [
    "AiPlatform",
    () =>
      new AiPlatform("platform", {
        environment: "prod",
        owner: "platform@contoso.com",
        costCenter: "CC-1",
        workload: "contoso",
        location: "swedencentral",
        accounts: [{ name: "main" }],
      }),
  ],
];

function ownFindings(resources: readonly PlannedResource[], violations: readonly Violation[]): Violation[] {
  const urns = new Set(resources.map((r) => r.urn));
  return violations.filter((v) => isBlocking(v) && urns.has(v.urn));
}

describe("every component with only its required arguments, through the policy pack", function () {
  let pack: PackProcess | undefined;
  before(async () => {
    pack = await startPolicyPack(policyPackDir);
  });
  after(() => pack?.stop());

  for (const [name, build] of components) {
    it(`${name} passes every mandatory rule on its resources in dev, staging and prod`, async () => {
      const resources = await capture(build, "prod");
      assert.ok(
        resources.some((r) => r.custom),
        `${name} registered no Azure resource`,
      );
      assert.deepEqual(engineChecks(resources), []);
      for (const env of ["dev", "staging", "prod"]) {
        const run = await runPolicies(pack as PackProcess, resources, {
          stack: env,
          project: projectName,
          policyConfigFile: policyConfigPath(env),
        });
        assert.deepEqual(ownFindings(resources, run.violations), [], `${name} in ${env}`);
      }
    });
  }

  it("is not vacuous: the same path blocks an account that accepts keys and one without logs", async () => {
    const broken = await capture(() => {
      new FoundryAccount("keys", {
        resourceGroupName: "rg-contoso-prod-sdc",
        location: "swedencentral",
        accountName: "aif-contoso-prod-sdc-keys",
        allowLocalAuth: true,
        diagnosticSettings: [{ workspaceResourceId }],
        tags,
      });
      new FoundryAccount("blind", {
        resourceGroupName: "rg-contoso-prod-sdc",
        location: "swedencentral",
        accountName: "aif-contoso-prod-sdc-blind",
        diagnosticSettings: [],
        tags,
      });
    }, "prod");
    const run = await runPolicies(pack as PackProcess, broken, {
      stack: "prod",
      project: projectName,
      policyConfigFile: policyConfigPath("prod"),
    });
    const found = ownFindings(broken, run.violations).map((v) => `${v.policy} ${v.urn.split("::").pop()}`);
    assert.ok(found.includes("ai-account-disable-local-auth keys"), found.join("\n"));
    assert.ok(found.includes("governance-resource-diagnostic-logs blind"), found.join("\n"));
  });
});
