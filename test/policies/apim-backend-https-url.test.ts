import { apimBackendHttpsUrl as rule } from "../../policies/rules/apim/backend-https-url";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

describeResourceRule({
  rule,
  type: "azure-native:apimanagement:Backend",
  compliant: [
    ["https URL", { protocol: "http", url: "https://aif-contoso-prod-sdc-main.openai.azure.com/openai" }],
    ["https in upper case", { protocol: "http", url: "HTTPS://example.com" }],
    [
      "a pool backend has no URL of its own",
      { type: "Pool", pool: { services: [{ id: "/backends/a", priority: 1 }] } },
    ],
  ],
  broken: [
    [
      "http URL",
      { protocol: "http", url: "http://aif-main.openai.azure.com/openai" },
      /url "http:\/\/aif-main.openai.azure.com\/openai" is not https/,
    ],
    [
      "URL without a scheme",
      { protocol: "http", url: "aif-main.openai.azure.com" },
      /url "aif-main.openai.azure.com" is not https/,
    ],
  ],
  unknown: { protocol: "http", url: unknown.string },
  ignored: { type: "azure-native:apimanagement:Api", props: { url: "http://x" } },
});
