import { hasManagedIdentity } from "../../lib/azure";
import { field, shown, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** The gateway has a managed identity to call AI backends and Key Vault without secrets. */
export const apimServiceManagedIdentity = resourceRule({
  name: "apim-service-managed-identity",
  description:
    "API Management services must have a managed identity (system or user assigned). The gateway uses it to authenticate to AI backends with Entra ID and to read named values and certificates from Key Vault, so no API key or secret has to be stored in the gateway.",
  severity: "medium",
  remediationSteps:
    'Set `identity: { type: SystemAssigned }` on the API Management service (the AiGateway component does this), grant it Cognitive Services OpenAI User on the accounts it fronts, and authenticate with `<authentication-managed-identity resource="https://cognitiveservices.azure.com" />`.',
  references: { psrule: ["Azure.APIM.ManagedIdentity"], mcsb: ["IM-1", "PA-7"], waf: "Security" },
  resourceTypes: [types.apimService],
  validate: (props, _args, report) => {
    const identityType = text(field(props.identity, "type"));
    if (!hasManagedIdentity(identityType)) {
      report(
        `identity.type is ${shown(identityType)}: the service has no managed identity. Set it to SystemAssigned or UserAssigned.`,
      );
    }
  },
});
