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
