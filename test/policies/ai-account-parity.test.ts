/** AI account and naming rules that mirror PSRule and Azure Policy (issue 15). */
import { types } from "../../policies/lib/types";
import { aiAccountCustomerManagedKey } from "../../policies/rules/ai/account-customer-managed-key";
import { governanceResourceExceptionTag } from "../../policies/rules/governance/resource-exception-tag";
import { governanceResourceNaming } from "../../policies/rules/governance/resource-naming";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

describeResourceRule({
  rule: aiAccountCustomerManagedKey,
  type: types.aiAccount,
  compliant: [
    [
      "an OpenAI account with a Key Vault key",
      { kind: "OpenAI", properties: { encryption: { keySource: "Microsoft.KeyVault" } } },
    ],
    ["an AIServices account, excluded by default as in the built-in", { kind: "AIServices", properties: {} }],
  ],
  broken: [
    [
      "an OpenAI account with Microsoft-managed keys",
      { kind: "OpenAI", properties: {} },
      /encryption\.keySource is not set/,
    ],
    [
      "AIServices once the environment judges it",
      { kind: "AIServices", properties: { encryption: { keySource: "Microsoft.CognitiveServices" } } },
      /'Microsoft\.CognitiveServices'/,
      { config: { excludedKinds: [] } },
    ],
  ],
  unknown: { kind: "OpenAI", properties: { encryption: { keySource: unknown.string } } },
  ignored: { type: types.aiDeployment, props: { kind: "OpenAI" } },
});

describeResourceRule({
  rule: governanceResourceNaming,
  type: types.aiAccount,
  compliant: [
    ["a valid account name", { accountName: "aif-contoso-prod-swc" }],
    ["a valid gateway name", { serviceName: "apim-contoso-prod" }, { type: types.apimService }],
    ["an auto-named account", {}],
    [
      "a name in the configured format",
      { accountName: "aif-x1" },
      { config: { formats: { aiAccount: "^aif-" } } },
    ],
  ],
  broken: [
    [
      "an account name ending in a hyphen",
      { accountName: "aif-" },
      /AI account name 'aif-' is not valid in Azure/,
    ],
    [
      "a gateway name starting with a digit",
      { serviceName: "1apim" },
      /API Management service name '1apim' is not valid/,
      { type: types.apimService },
    ],
    [
      "a name outside the format",
      { accountName: "openai-1" },
      /does not match the naming format \^aif-/,
      { config: { formats: { aiAccount: "^aif-" } } },
    ],
  ],
  unknown: { accountName: unknown.string },
  ignored: { type: types.apimApi, props: { accountName: "-" } },
});

describeResourceRule({
  rule: governanceResourceExceptionTag,
  type: types.aiAccount,
  config: { asOf: "2026-12-01" },
  compliant: [
    [
      "a well-formed exception tag",
      {
        tags: {
          "policy-exception:ai-account-private-endpoint": "2027-03-31: endpoint lives in the hub stack",
        },
      },
    ],
    ["no exception tags", { tags: { owner: "team" } }],
  ],
  broken: [
    [
      "an exception without a reason",
      { tags: { "policy-exception:ai-account-private-endpoint": "2027-03-31" } },
      /not a valid exception: it has no reason/,
    ],
    [
      "an exception without a date",
      { tags: { "policy-exception:ai-account-private-endpoint": "someday: later" } },
      /'someday' is not a date/,
    ],
    [
      "an exception for a rule that does not exist",
      { tags: { "policy-exception:no-such-rule": "2027-03-31: x" } },
      /names no rule of this pack/,
    ],
  ],
  unknown: { tags: unknown.object },
  ignored: { type: types.apimApi, props: { tags: { "policy-exception:x": "" } } },
});
