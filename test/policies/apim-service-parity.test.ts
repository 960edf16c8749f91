/** The API Management service rules that mirror PSRule for Azure and Azure Policy (issue 15). */
import { types } from "../../policies/lib/types";
import { apimServiceAvailabilityZones } from "../../policies/rules/apim/service-availability-zones";
import { apimServiceDisableWeakCiphers } from "../../policies/rules/apim/service-disable-weak-ciphers";
import { apimServiceMinApiVersion } from "../../policies/rules/apim/service-min-api-version";
import { apimServiceMultiRegion } from "../../policies/rules/apim/service-multi-region";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const cipher = (suite: string) => `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.${suite}`;
const allOff = Object.fromEntries(
  [
    "TripleDes168",
    "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_256_CBC_SHA",
    "TLS_RSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_RSA_WITH_AES_256_CBC_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
  ].map((s) => [cipher(s), "False"]),
);
const withoutTripleDes = Object.fromEntries(
  Object.entries(allOff).filter(([key]) => key !== cipher("TripleDes168")),
);

describeResourceRule({
  rule: apimServiceDisableWeakCiphers,
  type: types.apimService,
  compliant: [
    [
      "every weak suite set to False on a classic tier",
      { sku: { name: "Premium" }, customProperties: allOff },
    ],
    [
      "TripleDes168 absent (off by default)",
      { sku: { name: "Standard" }, customProperties: withoutTripleDes },
    ],
    ["a v2 tier, whose ciphers cannot be changed", { sku: { name: "StandardV2" } }],
  ],
  broken: [
    ["no custom properties on a classic tier", { sku: { name: "Premium" } }, /TLS_RSA_WITH_AES_128_CBC_SHA/],
    [
      "TripleDes168 turned on",
      { sku: { name: "Developer" }, customProperties: { ...allOff, [cipher("TripleDes168")]: "True" } },
      /weak cipher suites are not turned off: TripleDes168\./,
    ],
  ],
  unknown: { sku: { name: unknown.string } },
  ignored: { type: types.apimApi, props: { sku: { name: "Premium" } } },
});

describeResourceRule({
  rule: apimServiceMinApiVersion,
  type: types.apimService,
  compliant: [
    ["2021-08-01", { sku: { name: "StandardV2" }, apiVersionConstraint: { minApiVersion: "2021-08-01" } }],
    [
      "a newer preview version",
      { sku: { name: "Premium" }, apiVersionConstraint: { minApiVersion: "2024-05-01-preview" } },
    ],
    ["Consumption, which has no such setting", { sku: { name: "Consumption" } }],
  ],
  broken: [
    ["not set", { sku: { name: "StandardV2" } }, /minApiVersion is not set.*2021-08-01 or later/],
    [
      "too old",
      { sku: { name: "Premium" }, apiVersionConstraint: { minApiVersion: "2019-12-01" } },
      /'2019-12-01', older than 2021-08-01/,
    ],
    [
      "older than the environment's minimum",
      { sku: { name: "Premium" }, apiVersionConstraint: { minApiVersion: "2021-08-01" } },
      /older than 2023-05-01/,
      { config: { minApiVersion: "2023-05-01" } },
    ],
  ],
  unknown: { sku: { name: "Premium" }, apiVersionConstraint: { minApiVersion: unknown.string } },
  ignored: { type: types.apimBackend, props: { sku: { name: "Premium" } } },
});

const zones = ["1", "2", "3"];
describeResourceRule({
  rule: apimServiceAvailabilityZones,
  type: types.apimService,
  compliant: [
    [
      "Premium over three zones with three units",
      { sku: { name: "Premium", capacity: 3 }, zones, location: "swedencentral" },
    ],
    ["a tier that is not Premium", { sku: { name: "StandardV2", capacity: 1 } }],
    [
      "a Premium region listed as without zones",
      { sku: { name: "Premium", capacity: 1 }, location: "West Central US" },
      { config: { regionsWithoutZones: ["westcentralus"] } },
    ],
  ],
  broken: [
    [
      "Premium in one zone",
      { sku: { name: "Premium", capacity: 1 }, location: "swedencentral" },
      /the primary region \(swedencentral\) uses 0 availability zones/,
    ],
    [
      "fewer units than zones",
      { sku: { name: "Premium", capacity: 2 }, zones, location: "swedencentral" },
      /has 2 units for 3 zones/,
    ],
    [
      "an additional location without zones",
      {
        sku: { name: "Premium", capacity: 3 },
        zones,
        additionalLocations: [{ location: "eastus2", sku: { name: "Premium", capacity: 1 } }],
      },
      /additionalLocations\[0\] \(eastus2\) uses 0 availability zones/,
    ],
  ],
  unknown: { sku: { name: unknown.string } },
  ignored: { type: types.apimProduct, props: { sku: { name: "Premium" } } },
});

describeResourceRule({
  rule: apimServiceMultiRegion,
  type: types.apimService,
  compliant: [
    ["Premium in two regions", { sku: { name: "Premium" }, additionalLocations: [{ location: "eastus2" }] }],
    ["not Premium", { sku: { name: "StandardV2" } }],
  ],
  broken: [
    ["Premium in one region", { sku: { name: "Premium" } }, /runs in one region/],
    [
      "the additional region's gateway disabled",
      { sku: { name: "Premium" }, additionalLocations: [{ location: "eastus2", disableGateway: true }] },
      /gateway is disabled in additionalLocations\[0\] \(eastus2\)/,
    ],
  ],
  unknown: { sku: { name: unknown.string } },
  ignored: { type: types.apimApi, props: { sku: { name: "Premium" } } },
});
