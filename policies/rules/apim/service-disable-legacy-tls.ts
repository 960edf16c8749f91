import { isRecord, shown } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

const prefix = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.";

/**
 * The `customProperties` keys that enable a legacy protocol, frontend (client to gateway) and
 * backend (gateway to backend). Keys from Microsoft Learn (ApiManagementService customProperties)
 * and PSRule for Azure `Azure.APIM.Protocols`.
 */
const legacyProtocols: readonly { key: string; what: string }[] = [
  { key: `${prefix}Protocols.Tls10`, what: "TLS 1.0 (frontend)" },
  { key: `${prefix}Protocols.Tls11`, what: "TLS 1.1 (frontend)" },
  { key: `${prefix}Protocols.Ssl30`, what: "SSL 3.0 (frontend)" },
  { key: `${prefix}Backend.Protocols.Tls10`, what: "TLS 1.0 (backend)" },
  { key: `${prefix}Backend.Protocols.Tls11`, what: "TLS 1.1 (backend)" },
  { key: `${prefix}Backend.Protocols.Ssl30`, what: "SSL 3.0 (backend)" },
];

/** The gateway speaks only TLS 1.2 or later, to clients and to backends. */
export const apimServiceDisableLegacyTls = resourceRule({
  name: "apim-service-disable-legacy-tls",
  description:
    "API Management services must keep TLS 1.0, TLS 1.1 and SSL 3.0 disabled on the frontend (clients to gateway) and the backend (gateway to backends). These protocols have known weaknesses; a key set to True in `customProperties` turns one back on. An absent key means disabled (Azure's default for services created after 1 April 2018, as PSRule's Azure.APIM.Protocols also assumes).",
  severity: "high",
  remediationSteps:
    'Remove the key, or set it to "False", for each of `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.{Tls10,Tls11,Ssl30}` and `...Security.Backend.Protocols.{Tls10,Tls11,Ssl30}` in the service\'s `customProperties` (the AiGateway component sets them all to "False").',
  references: { psrule: ["Azure.APIM.Protocols"], mcsb: ["DP-3", "DP-4"], waf: "Security" },
  resourceTypes: [types.apimService],
  validate: (props, _args, report) => {
    const custom = props.customProperties;
    if (!isRecord(custom)) {
      return;
    }
    // ARM treats the keys case-insensitively.
    const byKey = new Map(Object.keys(custom).map((k) => [k.toLowerCase(), k]));
    const enabled: string[] = [];
    for (const { key, what } of legacyProtocols) {
      const actual = byKey.get(key.toLowerCase());
      if (actual === undefined) {
        continue;
      }
      const value = custom[actual];
      if (!(value === false || (typeof value === "string" && value.trim().toLowerCase() === "false"))) {
        enabled.push(`${what}: ${actual} = ${shown(value)}`);
      }
    }
    if (enabled.length > 0) {
      report(`legacy protocols are not disabled — ${enabled.join("; ")}. Set each to "False" or remove it.`);
    }
  },
});
