/** Stack rules of issue 15 that join accounts to private endpoints or read deployed outputs. */
import { types } from "../../policies/lib/types";
import { aiAccountCustomerOwnedStorage } from "../../policies/rules/ai/account-customer-owned-storage";
import { aiAccountPrivateEndpoint } from "../../policies/rules/ai/account-private-endpoint";
import { apimServiceCertificateExpiry } from "../../policies/rules/apim/service-certificate-expiry";
import { apimServicePlatformVersion } from "../../policies/rules/apim/service-platform-version";
import { judgeStack } from "../helpers/policy";
import { assertFindings, assertNone, res, urnOf } from "./fixtures";

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai";
const account = (props: Record<string, unknown> = {}) =>
  res(types.aiAccount, "main", {
    accountName: "aif-main",
    resourceGroupName: "rg-ai",
    properties: { publicNetworkAccess: "Disabled", ...props },
  });
const endpoint = (opts: { linked?: boolean; groupIds?: string[] } = {}) =>
  res(
    types.privateEndpoint,
    "pe",
    {
      privateLinkServiceConnections: [
        {
          name: "pep-aif-main",
          groupIds: opts.groupIds ?? ["account"],
          privateLinkServiceId: `${sub}/providers/Microsoft.CognitiveServices/accounts/aif-main`,
        },
      ],
    },
    opts.linked === false
      ? {}
      : { propertyDependencies: { privateLinkServiceConnections: [urnOf(types.aiAccount, "main")] } },
  );
const dns = res(
  types.privateDnsZoneGroup,
  "pe-dns",
  { privateDnsZoneConfigs: [{ name: "cognitiveservices" }] },
  { parent: urnOf(types.privateEndpoint, "pe") },
);

describe(`policy ${aiAccountPrivateEndpoint.name}`, () => {
  const rule = aiAccountPrivateEndpoint;
  it("compliance: public access off, an endpoint to the account and its DNS zone group", async () =>
    assertNone(await judgeStack(rule, [account(), endpoint(), dns])));
  it("compliance: the endpoint is joined by the account's ARM id when no dependency is recorded", async () =>
    assertNone(await judgeStack(rule, [account(), endpoint({ linked: false }), dns])));
  it("noncompliance 1: public access on (network ACLs alone are not private)", async () =>
    assertFindings(
      await judgeStack(rule, [
        account({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } }),
        endpoint(),
        dns,
      ]),
      /publicNetworkAccess is "Enabled" \(it must be Disabled\)/,
    ));
  it("noncompliance 2: no private endpoint in the stack", async () =>
    assertFindings(await judgeStack(rule, [account()]), /no private endpoint in the stack connects to it/));
  it("noncompliance 3: an endpoint to another sub-resource does not count", async () =>
    assertFindings(
      await judgeStack(rule, [account(), endpoint({ groupIds: ["blob"] }), dns]),
      /no private endpoint/,
    ));
  it("noncompliance 4: an endpoint without private DNS", async () =>
    assertFindings(
      await judgeStack(rule, [account(), endpoint()]),
      /has no private DNS zone group \('pe'\)/,
    ));
});

const service = (props: Record<string, unknown>) =>
  res(types.apimService, "apim", { name: "apim-x", ...props });
const cert = (expiry: string) => ({
  hostnameConfigurations: [{ hostName: "ai.contoso.com", certificate: { expiry } }],
});

describe(`policy ${apimServiceCertificateExpiry.name}`, () => {
  const rule = apimServiceCertificateExpiry;
  const on = { asOf: "2026-12-01" };
  it("compliance: a certificate valid for 60 more days", async () =>
    assertNone(await judgeStack(rule, [service(cert("2027-01-30T00:00:00Z"))], on)));
  it("compliance: no custom host names (a plan has no expiry to judge)", async () =>
    assertNone(await judgeStack(rule, [service({})], on)));
  it("noncompliance 1: expires within the 30-day window", async () =>
    assertFindings(
      await judgeStack(rule, [service(cert("2026-12-15T00:00:00Z"))], on),
      /ai\.contoso\.com's certificate expires on 2026-12-15, in 14 days \(minimum: 30 days\)/,
    ));
  it("noncompliance 2: already expired", async () =>
    assertFindings(
      await judgeStack(rule, [service(cert("2026-11-01T00:00:00Z"))], on),
      /expired on 2026-11-01/,
    ));
  it("noncompliance 3: inside a longer window the environment sets", async () =>
    assertFindings(
      await judgeStack(rule, [service(cert("2027-01-30T00:00:00Z"))], { ...on, minimumDays: 90 }),
      /minimum: 90 days/,
    ));
});

describe(`policy ${apimServicePlatformVersion.name}`, () => {
  it("compliance: stv2", async () =>
    assertNone(await judgeStack(apimServicePlatformVersion, [service({ platformVersion: "stv2" })])));
  it("compliance: not deployed yet (no platform version)", async () =>
    assertNone(await judgeStack(apimServicePlatformVersion, [service({})])));
  it("noncompliance: stv1", async () =>
    assertFindings(
      await judgeStack(apimServicePlatformVersion, [service({ platformVersion: "stv1" })]),
      /platformVersion is stv1/,
    ));
});

describe(`policy ${aiAccountCustomerOwnedStorage.name}`, () => {
  const rule = aiAccountCustomerOwnedStorage;
  const capable = { capabilities: [{ name: "CustomerManagedStorage" }] };
  it("compliance: the capability is used", async () =>
    assertNone(
      await judgeStack(rule, [
        account({
          ...capable,
          userOwnedStorage: [{ resourceId: `${sub}/providers/Microsoft.Storage/storageAccounts/st` }],
        }),
      ]),
    ));
  it("compliance: an account without the capability", async () =>
    assertNone(await judgeStack(rule, [account()])));
  it("noncompliance: the capability is offered and not used", async () =>
    assertFindings(
      await judgeStack(rule, [account(capable)]),
      /offers customer-managed storage but keeps its data in Microsoft's/,
    ));
});
