import { field, sameText, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

interface Config {
  excludedKinds?: string[];
}

/**
 * The kinds Azure Policy's built-in (67121cc7-ff39-4ab8-b7e3-95b84dab487d) leaves out by default,
 * read from its `excludedKinds` parameter.
 */
const builtInExcludedKinds = [
  "CognitiveServices",
  "ContentSafety",
  "ImmersiveReader",
  "HealthInsights",
  "LUIS.Authoring",
  "LUIS",
  "QnAMaker",
  "QnAMaker.V2",
  "AIServices",
  "MetricsAdvisor",
  "SpeechTranslation",
  "Internal.AllInOne",
  "ConversationalLanguageUnderstanding",
  "knowledge",
  "TranscriptionIntelligence",
  "HealthDecisionSupport",
];

/** Where compliance requires it, the account's data at rest is encrypted with the customer's key. */
export const aiAccountCustomerManagedKey = resourceRule({
  name: "ai-account-customer-managed-key",
  description:
    "AI accounts of the kinds this environment requires it for must encrypt data at rest with a customer-managed key (`encryption.keySource: Microsoft.KeyVault`). Only the key owner can then revoke access to stored data such as fine-tuning files and batch results.",
  severity: "medium",
  remediationSteps:
    "Give the account a Key Vault key (FoundryAccount `customerManagedKey`: key vault, key name and a user-assigned identity with access to it), which sets `encryption.keySource: Microsoft.KeyVault` and `encryption.keyVaultProperties`. `excludedKinds` of this rule lists the account kinds not judged; by default the same kinds as the Azure Policy built-in, so only OpenAI accounts are judged.",
  references: { azurePolicy: ["67121cc7-ff39-4ab8-b7e3-95b84dab487d"], waf: "Security" },
  configSchema: {
    properties: {
      excludedKinds: {
        type: "array",
        items: { type: "string" },
        default: builtInExcludedKinds,
        description: "Account kinds that need no customer-managed key.",
      },
    },
  },
  resourceTypes: [types.aiAccount],
  validate: (props, args, report) => {
    const kind = text(props.kind);
    const excluded = args.getConfig<Config>().excludedKinds ?? builtInExcludedKinds;
    if (kind !== undefined && excluded.some((k) => sameText(k, kind))) {
      return;
    }
    const keySource = text(field(field(props.properties, "encryption"), "keySource"));
    if (!sameText(keySource, "Microsoft.KeyVault")) {
      report(
        `encryption.keySource is ${keySource ? `'${keySource}'` : "not set"}: data at rest uses Microsoft-managed keys. Use a customer-managed key in Key Vault.`,
      );
    }
  },
});
