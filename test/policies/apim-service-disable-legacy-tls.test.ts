import { apimServiceDisableLegacyTls as rule } from "../../policies/rules/apim/service-disable-legacy-tls";
import { unknown } from "../helpers/policy";
import { describeResourceRule } from "../helpers/rule-cases";

const key = (k: string) => `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.${k}`;
const allOff = Object.fromEntries(
  [
    "Protocols.Tls10",
    "Protocols.Tls11",
    "Protocols.Ssl30",
    "Backend.Protocols.Tls10",
    "Backend.Protocols.Tls11",
    "Backend.Protocols.Ssl30",
  ].map((k) => [key(k), "False"]),
);
const withKey = (k: string, value: unknown) => ({ customProperties: { ...allOff, [key(k)]: value } });

describeResourceRule({
  rule,
  type: "azure-native:apimanagement:ApiManagementService",
  compliant: [
    ["every legacy protocol explicitly off", { customProperties: allOff }],
    ["no custom properties: Azure's default keeps them off", {}],
    [
      "other custom properties only",
      {
        customProperties: {
          [key("Ciphers.TripleDes168")]: "False",
          "Microsoft.WindowsAzure.ApiManagement.Gateway.Protocols.Server.Http2": "True",
        },
      },
    ],
    ["values in another case", { customProperties: { [key("Protocols.Tls10").toLowerCase()]: "false" } }],
  ],
  broken: [
    [
      "TLS 1.0 on the frontend",
      withKey("Protocols.Tls10", "True"),
      /TLS 1.0 \(frontend\): .*Protocols.Tls10 = "True"/,
    ],
    ["TLS 1.1 on the frontend", withKey("Protocols.Tls11", "true"), /TLS 1.1 \(frontend\)/],
    ["SSL 3.0 on the frontend", withKey("Protocols.Ssl30", "True"), /SSL 3.0 \(frontend\)/],
    ["TLS 1.0 on the backend", withKey("Backend.Protocols.Tls10", "True"), /TLS 1.0 \(backend\)/],
    ["TLS 1.1 on the backend", withKey("Backend.Protocols.Tls11", "True"), /TLS 1.1 \(backend\)/],
    ["SSL 3.0 on the backend", withKey("Backend.Protocols.Ssl30", "True"), /SSL 3.0 \(backend\)/],
    ["a value that is not False", withKey("Protocols.Tls10", "yes"), /Tls10 = "yes"/],
    [
      "several at once, in one finding",
      { customProperties: { [key("Protocols.Tls10")]: "True", [key("Backend.Protocols.Ssl30")]: "True" } },
      /TLS 1.0 \(frontend\).*; SSL 3.0 \(backend\)/,
    ],
  ],
  unknown: { customProperties: { [key("Protocols.Tls10")]: unknown.string } },
  ignored: { type: "azure-native:apimanagement:Backend", props: withKey("Protocols.Tls10", "True") },
});
