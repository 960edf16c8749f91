import { field, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asBoolean } from "../../lib/values";

interface Config {
  scope?: "secrets" | "all";
}

/** Secrets the gateway uses live in Key Vault, not in API Management. */
export const apimNamedValueKeyVault = resourceRule({
  name: "apim-named-value-key-vault",
  description:
    "API Management named values marked secret must reference a Key Vault secret (`keyVault.secretIdentifier`) instead of holding the value. A secret stored in the gateway is copied into templates and state, cannot be rotated in one place and is readable by anyone who can read the service's configuration.",
  severity: "high",
  remediationSteps:
    "Create the secret in Key Vault, grant the gateway's managed identity Key Vault Secrets User on it, and declare the named value with `secret: true` and `keyVault: { secretIdentifier: <secret URI> }` instead of `value`. `scope: all` of this rule (PSRule's stance) requires Key Vault for every named value.",
  references: {
    psrule: ["Azure.APIM.EncryptValues"],
    azurePolicy: ["f1cc7827-022c-473e-836e-5a51cae0b249"],
    mcsb: ["IM-8", "DP-7"],
    waf: "Security",
    note: "By default judges secret named values, as the built-in does; `scope: all` judges every named value, as PSRule does.",
  },
  configSchema: {
    properties: {
      scope: {
        type: "string",
        enum: ["secrets", "all"],
        default: "secrets",
        description: "Which named values must come from Key Vault: those marked secret, or all.",
      },
    },
  },
  resourceTypes: [types.apimNamedValue],
  validate: (props, args, report) => {
    const all = args.getConfig<Config>().scope === "all";
    const secret = asBoolean(props.secret) === true;
    if (!secret && !all) {
      return;
    }
    if (text(field(props.keyVault, "secretIdentifier")) === undefined) {
      report(
        `The named value${secret ? " is marked secret but" : ""} holds its value in API Management: reference a Key Vault secret with keyVault.secretIdentifier.`,
      );
    }
  },
});
