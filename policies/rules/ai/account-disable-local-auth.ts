import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** AI accounts accept only Entra ID tokens: API keys are off. */
export const aiAccountDisableLocalAuth = resourceRule({
  name: "ai-account-disable-local-auth",
  description:
    "AI Services and Azure OpenAI accounts must disable local (API key) authentication. Keys are shared secrets that bypass Entra ID, role-based access control and per-identity audit logs.",
  severity: "high",
  remediationSteps:
    "Set `properties.disableLocalAuth: true` on the account (FoundryAccount does this unless `allowLocalAuth` is set), grant callers the Cognitive Services OpenAI User role, and call the account with Entra ID tokens or a managed identity.",
  references: {
    psrule: ["Azure.AI.DisableLocalAuth"],
    azurePolicy: [
      "71ef260a-8f18-47b7-abcb-62d0673d94dc",
      "14de9e63-1b31-492e-a5a3-c3f7fd57f555",
      "55eff01b-f2bd-4c32-9203-db285f709d30",
    ],
    mcsb: ["IM-1"],
    waf: "Security",
  },
  resourceTypes: [types.aiAccount],
  validate: (props, _args, report) => {
    const properties = props.properties as { disableLocalAuth?: unknown } | undefined;
    if (properties?.disableLocalAuth !== true) {
      report(
        properties?.disableLocalAuth === false
          ? "disableLocalAuth is false: the account accepts API keys."
          : "disableLocalAuth is not set: Azure defaults to accepting API keys.",
      );
    }
  },
});
