import { aiAccountCustomSubdomain as rule } from "../../policies/rules/ai/account-custom-subdomain";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

describeResourceRule({
  rule,
  type: "azure-native:cognitiveservices:Account",
  compliant: [["custom subdomain set", { properties: { customSubDomainName: "aif-contoso-prod-sdc-main" } }]],
  broken: [
    ["no properties", {}, /customSubDomainName is not set/],
    ["subdomain not set", { properties: { disableLocalAuth: true } }, /customSubDomainName is not set/],
    ["subdomain blank", { properties: { customSubDomainName: "  " } }, /customSubDomainName is not set/],
  ],
  unknown: { properties: { customSubDomainName: unknown.string } },
  ignored: { type: "azure-native:cognitiveservices:Deployment", props: {} },
});
