import { apimApiHttpsOnly as rule } from "../../policies/rules/apim/api-https-only";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const api = (extra: Record<string, unknown>) => ({
  resourceGroupName: "rg",
  serviceName: "apim",
  path: "openai",
  displayName: "Inference",
  ...extra,
});

describeResourceRule({
  rule,
  type: "azure-native:apimanagement:Api",
  compliant: [
    ["https only, no service URL", api({ protocols: ["https"] })],
    [
      "https only with an https service URL",
      api({ protocols: ["https"], serviceUrl: "https://aif-main.openai.azure.com/openai" }),
    ],
    [
      "a WebSocket API on wss",
      api({ apiType: "websocket", protocols: ["wss"], serviceUrl: "wss://echo.example.com" }),
    ],
    [
      "a clone that copies its source API's protocols",
      api({
        sourceApiId:
          "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/apis/src",
      }),
    ],
  ],
  broken: [
    [
      "accepts http as well",
      api({ protocols: ["http", "https"] }),
      /protocols include http: accept only https/,
    ],
    ["plain WebSocket", api({ protocols: ["ws"] }), /protocols include ws/],
    ["protocols not set", api({}), /protocols is not set/],
    ["protocols empty", api({ protocols: [] }), /protocols is empty/],
    [
      "http service URL",
      api({ protocols: ["https"], serviceUrl: "http://aif-main.openai.azure.com/openai" }),
      /serviceUrl "http:\/\/aif-main.openai.azure.com\/openai" is not https/,
    ],
    [
      "both at once, in one finding",
      api({ protocols: ["http"], serviceUrl: "http://x" }),
      /protocols include http.*; serviceUrl "http:\/\/x" is not https/,
    ],
  ],
  unknown: api({ protocols: unknown.array }),
  ignored: { type: "azure-native:apimanagement:Backend", props: { protocols: ["http"] } },
});
