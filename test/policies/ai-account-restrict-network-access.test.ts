import { aiAccountRestrictNetworkAccess as rule } from "../../policies/rules/ai/account-restrict-network-access";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Account",
  compliant: [
    ["public network access disabled", { properties: { publicNetworkAccess: "Disabled" } }],
    ["public network access disabled (any case)", { properties: { publicNetworkAccess: "disabled" } }],
    [
      "public access enabled, filtered by a Deny default and named ranges",
      {
        properties: {
          publicNetworkAccess: "Enabled",
          networkAcls: { defaultAction: "Deny", ipRules: [{ value: "203.0.113.0/24" }] },
        },
      },
    ],
    [
      "no publicNetworkAccess, network ACL default Deny",
      { properties: { networkAcls: { defaultAction: "Deny" } } },
    ],
  ],
  broken: [
    [
      "nothing set: Azure's default is open",
      {},
      /publicNetworkAccess is not set and networkAcls.defaultAction is not set/,
    ],
    [
      "public access enabled with default action Allow",
      { properties: { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } } },
      /"Enabled" and networkAcls.defaultAction is "Allow": the account accepts calls from any network/,
    ],
    [
      "public access enabled and no network ACL",
      { properties: { publicNetworkAccess: "Enabled" } },
      /defaultAction is not set/,
    ],
    [
      "default Deny but an IP rule allows every address",
      {
        properties: {
          publicNetworkAccess: "Enabled",
          networkAcls: { defaultAction: "Deny", ipRules: [{ value: "10.0.0.0/8" }, { value: "0.0.0.0/0" }] },
        },
      },
      /ipRules allow 0\.0\.0\.0\/0, which is every address/,
    ],
  ],
  unknown: { properties: { publicNetworkAccess: unknown.string } },
  ignored: {
    type: "azure-native:storage:StorageAccount",
    props: { properties: { publicNetworkAccess: "Enabled" } },
  },
});
