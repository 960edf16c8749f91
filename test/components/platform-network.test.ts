/**
 * AiPlatform with the private network path, Application Insights handed to the gateway at
 * construction, and gateway-only data access: the resources it registers and how they join.
 */
import { strict as assert } from "node:assert";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as monitor from "@pulumi/azure-native/monitor";
import { PlannedResource } from "../../cli/model";
import { builtInRoles } from "../../components/catalog/roles";
import { AiPlatform, AiPlatformArgs } from "../../components/platform";
import { capture, captureErrors, ofType, prop, typeToken } from "../helpers/mocks";

const args: AiPlatformArgs = {
  // gpt-5 2025-08-07 is then more than 90 days from retiring: no warnings.
  catalogDate: "2026-09-01",
  environment: "prod",
  owner: "owner@contoso.com",
  costCenter: "CC-1",
  workload: "contoso",
  location: "swedencentral",
  accounts: [
    {
      name: "main",
      deployments: [{ model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 50 }],
    },
    {
      name: "second",
      location: "eastus2",
      deployments: [{ model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 30 }],
    },
  ],
  gateway: {
    publisherEmail: "platform@contoso.com",
    teams: [{ name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5"] }],
  },
  network: {},
  automationIdentities: [{ name: "nightly", principalId: "44444444-4444-4444-4444-444444444444" }],
};

/** One account, for the cases that only need the platform's wiring. */
const small: AiPlatformArgs = { ...args, accounts: [args.accounts[0]] };

const roleGuid = (r: PlannedResource) => String(r.inputs.roleDefinitionId).split("/").pop();

describe("AiPlatform with a private network path", () => {
  let rs: PlannedResource[];
  before(async () => {
    rs = await capture(() => new AiPlatform("platform", args));
  });

  it("joins the gateway to the network's delegated subnet (outbound integration, StandardV2)", () => {
    const [service] = ofType(rs, typeToken(apimanagement.ApiManagementService));
    assert.equal(service.inputs.virtualNetworkType, "External");
    const [apimSubnet] = ofType(rs, typeToken(network.Subnet)).filter(
      (s) => s.inputs.subnetName === "snet-apim",
    );
    assert.match(
      String(prop(service.inputs, "virtualNetworkConfiguration", "subnetResourceId")),
      /\/virtualNetworks\/vnet-contoso-prod-sdc\/subnets\/snet-apim$/,
    );
    assert.equal(prop(apimSubnet.inputs, "delegations", "0", "serviceName"), "Microsoft.Web/serverFarms");
  });

  it("gives every account a private endpoint (group 'account') in the endpoint subnet, in the gateway's region", () => {
    const endpoints = ofType(rs, typeToken(network.PrivateEndpoint));
    assert.deepEqual(
      endpoints.map((e) => [
        String(prop(e.inputs, "privateLinkServiceConnections", "0", "privateLinkServiceId"))
          .split("/")
          .pop(),
        prop(e.inputs, "privateLinkServiceConnections", "0", "groupIds"),
        String(prop(e.inputs, "subnet", "id"))
          .split("/")
          .pop(),
        e.inputs.location,
      ]),
      [
        ["aif-contoso-prod-sdc-main", ["account"], "snet-pep", "swedencentral"],
        ["aif-contoso-prod-eus2-second", ["account"], "snet-pep", "swedencentral"],
      ],
    );
    for (const group of ofType(rs, typeToken(network.PrivateDnsZoneGroup))) {
      assert.deepEqual(
        (group.inputs.privateDnsZoneConfigs as { name: string }[]).map((c) => c.name),
        [
          "privatelink.cognitiveservices.azure.com",
          "privatelink.openai.azure.com",
          "privatelink.services.ai.azure.com",
        ],
      );
    }
  });

  it("hands the platform's Application Insights to the gateway when it is built (one logger, no late wiring)", () => {
    const [appi] = ofType(rs, typeToken(applicationinsights.Component));
    const loggers = ofType(rs, typeToken(apimanagement.Logger)).filter(
      (l) => l.inputs.loggerType === "applicationInsights",
    );
    assert.equal(loggers.length, 1);
    assert.equal(
      loggers[0].inputs.resourceId,
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-prod-sdc/providers/Microsoft.Insights/components/${String(appi.inputs.resourceName)}`,
    );
    assert.match(loggers[0].parent ?? "", /foundry-platform:index:AiGateway::platform-gateway$/);
  });

  it("monitors the gateway after it exists: diagnostic settings and log alerts under GatewayMonitoring", () => {
    const [service] = ofType(rs, typeToken(apimanagement.ApiManagementService));
    const serviceId = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-prod-sdc/providers/Microsoft.ApiManagement/service/${String(service.inputs.serviceName)}`;
    const [diag] = ofType(rs, typeToken(monitor.DiagnosticSetting)).filter(
      (d) => d.inputs.resourceUri === serviceId,
    );
    assert.match(
      diag.urn,
      /GatewayMonitoring\$azure-native:monitor:DiagnosticSetting::platform-obs-gateway-diag-0$/,
    );
    const alerts = ofType(rs, typeToken(monitor.ScheduledQueryRule));
    assert.deepEqual(alerts.map((a) => a.name).sort(), [
      "platform-obs-gateway-server-error-rate",
      "platform-obs-gateway-throttled-callers",
      "platform-obs-gateway-token-quota",
      "platform-obs-gateway-tripped-backends",
    ]);
    assert.ok(alerts.every((a) => (a.inputs.scopes as string[])[0] === serviceId));
    assert.ok(alerts.every((a) => a.options.dependsOn.includes(diag.urn)));
  });

  it("grants no person a data-plane role in prod: the gateway and the named automation identity call the models", () => {
    const openAiUser = builtInRoles["Cognitive Services OpenAI User"];
    const dataPlane = ofType(rs, typeToken(authorization.RoleAssignment)).filter(
      (r) => roleGuid(r) === openAiUser || roleGuid(r) === builtInRoles["Azure AI User"],
    );
    assert.deepEqual([...new Set(dataPlane.map((r) => r.inputs.principalType))], ["ServicePrincipal"]);
    assert.equal(
      dataPlane.filter((r) => r.inputs.principalId === "44444444-4444-4444-4444-444444444444").length,
      2,
    );
  });

  it("keeps direct data access for developers in dev", async () => {
    const dev = await capture(
      () => new AiPlatform("platform", { ...small, environment: "dev", network: undefined }),
    );
    const groups = ofType(dev, typeToken(authorization.RoleAssignment)).filter(
      (r) =>
        r.inputs.principalType === "Group" && roleGuid(r) === builtInRoles["Cognitive Services OpenAI User"],
    );
    assert.equal(groups.length, 1);
  });

  it("accepts its own Application Insights for the gateway (it used to fail: 'already connected')", async () => {
    const own = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/appi-own";
    const errors = await captureErrors(
      () =>
        new AiPlatform("platform", {
          ...small,
          gateway: {
            ...args.gateway!,
            applicationInsights: { resourceId: own, connectionString: "InstrumentationKey=x" },
          },
        }),
    );
    assert.deepEqual(errors, []);
  });

  it("refuses a network for a gateway tier that cannot join one, naming the tier and the fix", async () => {
    const errors = await captureErrors(
      () => new AiPlatform("platform", { ...small, gateway: { ...args.gateway!, sku: "BasicV2" } }),
    );
    assert.match(errors.join("\n"), /sku BasicV2 cannot join a virtual network; use StandardV2 or PremiumV2/);
  });
});
