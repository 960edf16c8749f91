import { strict as assert } from "node:assert";
import { networkApimBackendReachable as rule } from "../../policies/rules/network/apim-backend-reachable";
import { types } from "../../policies/lib/types";
import { judgeStack, StackResourceCase, unknown } from "../helpers/policy";
import { assertFindings, assertNone, res, urnOf } from "./fixtures";

const rg = "/subscriptions/s/resourceGroups/rg-ai";
const net = `${rg}/providers/Microsoft.Network`;
const zoneNames = [
  "privatelink.cognitiveservices.azure.com",
  "privatelink.openai.azure.com",
  "privatelink.services.ai.azure.com",
];

interface Options {
  readonly gatewayVnet?: string | "none";
  readonly publicAccount?: boolean;
  readonly endpoint?: "none" | "other-network" | "other-group";
  readonly zoneGroup?: "none" | "no-cognitiveservices";
  readonly zones?: "missing-cognitiveservices" | "unlinked-cognitiveservices" | "linked-elsewhere";
  readonly host?: string;
}

/** A gateway, a private-only account behind one backend, and its network path, as the plan captures them. */
function stack(o: Options = {}): StackResourceCase[] {
  const vnet = o.gatewayVnet ?? "vnet-ai";
  const rs: StackResourceCase[] = [
    res(types.apimService, "apim", {
      serviceName: "apim-ai",
      ...(vnet === "none"
        ? {}
        : {
            virtualNetworkType: "External",
            virtualNetworkConfiguration: {
              subnetResourceId: `${net}/virtualNetworks/${vnet}/subnets/snet-apim`,
            },
          }),
    }),
    res(types.aiAccount, "main", {
      accountName: "aif-main",
      properties: o.publicAccount
        ? { publicNetworkAccess: "Enabled", customSubDomainName: "aif-main" }
        : {
            publicNetworkAccess: "Disabled",
            networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
            customSubDomainName: "aif-main",
          },
    }),
    res(types.apimBackend, "backend-main", {
      serviceName: "apim-ai",
      backendId: "main-gpt-5",
      type: "Single",
      url: `https://${o.host ?? "aif-main.cognitiveservices.azure.com"}/openai/deployments/gpt-5`,
    }),
  ];
  if (o.endpoint !== "none") {
    rs.push(
      res(types.privateEndpoint, "main-pep", {
        privateEndpointName: "pep-aif-main",
        subnet: {
          id: `${net}/virtualNetworks/${o.endpoint === "other-network" ? "vnet-other" : "vnet-ai"}/subnets/snet-pep`,
        },
        privateLinkServiceConnections: [
          {
            name: "pep-aif-main",
            privateLinkServiceId: `${rg}/providers/Microsoft.CognitiveServices/accounts/aif-main`,
            groupIds: [o.endpoint === "other-group" ? "portal" : "account"],
          },
        ],
      }),
    );
    if (o.zoneGroup !== "none") {
      const registered = o.zoneGroup === "no-cognitiveservices" ? zoneNames.slice(1) : zoneNames;
      rs.push(
        res(
          types.privateDnsZoneGroup,
          "main-pep-dns",
          {
            privateEndpointName: "pep-aif-main",
            privateDnsZoneConfigs: registered.map((z) => ({
              name: z,
              privateDnsZoneId: `${net}/privateDnsZones/${z}`,
            })),
          },
          { parent: urnOf(types.privateEndpoint, "main-pep") },
        ),
      );
    }
  }
  for (const zone of zoneNames) {
    const isCs = zone.includes("cognitiveservices");
    if (isCs && o.zones === "missing-cognitiveservices") {
      continue;
    }
    rs.push(res(types.privateDnsZone, zone, { privateZoneName: zone, location: "global" }));
    if (isCs && o.zones === "unlinked-cognitiveservices") {
      continue;
    }
    const linked = isCs && o.zones === "linked-elsewhere" ? "vnet-other" : "vnet-ai";
    rs.push(
      res(
        types.privateDnsZoneLink,
        `${zone}-link`,
        {
          privateZoneName: zone,
          registrationEnabled: false,
          virtualNetwork: { id: `${net}/virtualNetworks/${linked}` },
        },
        { parent: urnOf(types.privateDnsZone, zone) },
      ),
    );
  }
  return rs;
}

const backendUrn = urnOf(types.apimBackend, "backend-main");

describe(`policy ${rule.name}`, () => {
  it("compliance: endpoint in the gateway's network, registered in the backend host's zone, zone linked", async () => {
    assertNone(await judgeStack(rule, stack()));
  });

  it("compliance: the openai host name resolves through its own zone", async () => {
    assertNone(
      await judgeStack(
        rule,
        stack({ host: "aif-main.openai.azure.com", zones: "unlinked-cognitiveservices" }),
      ),
    );
  });

  it("compliance: an account open to public traffic needs no private path", async () => {
    assertNone(await judgeStack(rule, stack({ publicAccount: true, gatewayVnet: "none", endpoint: "none" })));
  });

  const broken: [string, Options, RegExp][] = [
    [
      "a gateway that joins no network",
      { gatewayVnet: "none" },
      /gateway 'apim-ai' joins no virtual network/,
    ],
    [
      "an account without a private endpoint",
      { endpoint: "none" },
      /has no private endpoint \(group 'account'\)/,
    ],
    [
      "an endpoint to another sub-resource",
      { endpoint: "other-group" },
      /has no private endpoint \(group 'account'\)/,
    ],
    [
      "an endpoint in another network",
      { endpoint: "other-network" },
      /private endpoints are not in the gateway's network 'rg-ai\/vnet-ai'/,
    ],
    [
      "an endpoint without a DNS zone group",
      { zoneGroup: "none" },
      /is not registered in privatelink\.cognitiveservices\.azure\.com/,
    ],
    [
      "an endpoint not registered in the host's zone",
      { zoneGroup: "no-cognitiveservices" },
      /is not registered in privatelink\.cognitiveservices\.azure\.com/,
    ],
    [
      "a zone not linked to the gateway's network",
      { zones: "unlinked-cognitiveservices" },
      /zone privatelink\.cognitiveservices\.azure\.com is not linked to the gateway's network/,
    ],
    [
      "a zone linked to another network only",
      { zones: "linked-elsewhere" },
      /zone privatelink\.cognitiveservices\.azure\.com is not linked to the gateway's network/,
    ],
    [
      "a zone that is not in the stack (cannot be checked: fails closed)",
      { zones: "missing-cognitiveservices" },
      /zone privatelink\.cognitiveservices\.azure\.com is not in the stack, so its link .* cannot be checked/,
    ],
  ];
  broken.forEach(([what, opts, message], i) => {
    it(`noncompliance ${i + 1}: ${what}`, async () => {
      const [finding] = assertFindings(await judgeStack(rule, stack(opts)), message);
      assert.equal(finding.urn, backendUrn);
    });
  });

  it("finds the account behind a host by custom subdomain, case-insensitively, among many accounts", async () => {
    const base = stack({ gatewayVnet: "none", endpoint: "none" });
    const account = (name: string, subdomain: string, open: boolean) =>
      res(types.aiAccount, name, {
        accountName: name,
        properties: { publicNetworkAccess: open ? "Enabled" : "Disabled", customSubDomainName: subdomain },
      });
    const backend = (name: string, host: string) =>
      res(types.apimBackend, name, {
        serviceName: "apim-ai",
        backendId: name,
        url: `https://${host}/openai/deployments/gpt-5`,
      });
    const rs = [
      ...base.filter((r) => r.type !== types.aiAccount && r.type !== types.apimBackend),
      ...Array.from({ length: 50 }, (_, i) => account(`aif-open-${i}`, `open-${i}`, true)),
      account("aif-private", "Contoso-Private", false),
      backend("to-private", "contoso-private.openai.azure.com"),
      backend("to-open", "open-7.openai.azure.com"),
      backend("to-nothing", "elsewhere.openai.azure.com"),
    ];
    const [finding] = assertFindings(
      await judgeStack(rule, rs),
      /account 'aif-private'.*joins no virtual network/,
    );
    assert.equal(finding.urn, urnOf(types.apimBackend, "to-private"));
  });

  it("fails closed when the backend's gateway is not in the stack", async () => {
    const rs = stack().filter((r) => r.type !== types.apimService);
    assertFindings(await judgeStack(rule, rs), /its API Management service 'apim-ai' is not in the stack/);
  });

  it("does not crash on a value unknown during preview", async () => {
    const rs = stack();
    rs[0] = {
      ...rs[0],
      props: { ...rs[0].props, virtualNetworkConfiguration: { subnetResourceId: unknown.string } },
    };
    assert.equal(await judgeStack(rule, rs), "unknown");
  });
});
