import { field, isRecord, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

const prefix = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.";

/**
 * Cipher suites PSRule's Azure.APIM.Ciphers requires off. TripleDes168 is off unless a key turns it
 * on; the others are on by default and must be set to "False" explicitly.
 */
const offByDefault = ["TripleDes168"];
const onByDefault = [
  "TLS_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
  "TLS_RSA_WITH_AES_256_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_RSA_WITH_AES_128_GCM_SHA256",
];

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}

/** The gateway offers clients no weak or deprecated cipher suites. */
export const apimServiceDisableWeakCiphers = resourceRule({
  name: "apim-service-disable-weak-ciphers",
  description:
    "API Management services on the classic tiers must turn off weak and deprecated cipher suites (3DES, and RSA key exchange or CBC suites without forward secrecy) in `customProperties`. Most are on by default, so each must be set to False. The v2 tiers and Consumption do not accept cipher settings and are not judged.",
  severity: "medium",
  remediationSteps:
    'Set `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.<suite>` to "False" in the service\'s `customProperties` for TripleDes168 and each TLS_RSA_* / TLS_ECDHE_RSA_*_CBC_* suite listed in the finding (AiGateway does this on the classic tiers).',
  references: {
    psrule: ["Azure.APIM.Ciphers"],
    mcsb: ["DP-4"],
    waf: "Security",
    note: "Skips the v2 tiers and Consumption, whose ciphers cannot be changed (Learn: “Manage protocols and ciphers in Azure API Management”).",
  },
  resourceTypes: [types.apimService],
  validate: (props, _args, report) => {
    // https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers
    // (cipher settings apply to the classic tiers; the v2 tiers keep Azure's defaults).
    const sku = text(field(props.sku, "name")) ?? "";
    if (/v2$/i.test(sku) || /^consumption$/i.test(sku)) {
      return;
    }
    const custom = isRecord(props.customProperties) ? props.customProperties : {};
    const byKey = new Map(Object.keys(custom).map((k) => [k.toLowerCase(), custom[k]]));
    const valueOf = (suite: string) => byKey.get(`${prefix}${suite}`.toLowerCase());
    const enabled = [
      ...offByDefault.filter((s) => valueOf(s) !== undefined && !isFalse(valueOf(s))),
      ...onByDefault.filter((s) => !isFalse(valueOf(s))),
    ];
    if (enabled.length > 0) {
      report(
        `weak cipher suites are not turned off: ${enabled.join(", ")}. Set ${prefix}<suite> to "False" for each.`,
      );
    }
  },
});
