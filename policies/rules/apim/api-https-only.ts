import { list, shown, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** Protocols an API may accept: encrypted HTTP and encrypted WebSocket. */
const encrypted = new Set(["https", "wss"]);
const encryptedUrl = /^(https|wss):\/\//i;

/** APIs accept only encrypted connections and call their service over https. */
export const apimApiHttpsOnly = resourceRule({
  name: "apim-api-https-only",
  description:
    "API Management APIs must accept only encrypted protocols (https, or wss for WebSocket APIs) and, when they name a backend service URL, call it over https. Plain http exposes prompts, completions and subscription keys on the wire.",
  severity: "high",
  remediationSteps:
    "Set `protocols: ['https']` on the API (`['wss']` for a WebSocket API) and make `serviceUrl` an https URL; the AiGateway component does both.",
  references: {
    psrule: ["Azure.APIM.HTTPEndpoint", "Azure.APIM.HTTPBackend"],
    azurePolicy: ["ee7495e7-3ba7-40b6-bfee-c29e22cc75d4"],
    mcsb: ["DP-3"],
    waf: "Security",
  },
  resourceTypes: [types.apimApi],
  validate: (props, _args, report) => {
    const problems: string[] = [];
    const protocols = props.protocols;
    if (protocols === undefined || protocols === null) {
      // A clone (sourceApiId) copies the source API's protocols; that API is judged itself.
      if (text(props.sourceApiId) === undefined) {
        problems.push(
          "protocols is not set: the API's protocols then come from an imported definition (which may allow http) or Azure rejects it; set protocols: ['https']",
        );
      }
    } else {
      const values = list(protocols).map((p) => (typeof p === "string" ? p : shown(p)));
      const plain = values.filter((p) => !encrypted.has(p.toLowerCase()));
      if (values.length === 0) {
        problems.push("protocols is empty; set protocols: ['https']");
      } else if (plain.length > 0) {
        problems.push(`protocols include ${plain.join(", ")}: accept only https (or wss)`);
      }
    }
    const serviceUrl = text(props.serviceUrl);
    if (serviceUrl !== undefined && !encryptedUrl.test(serviceUrl.trim())) {
      problems.push(`serviceUrl ${shown(serviceUrl)} is not https`);
    }
    if (problems.length > 0) {
      report(`${problems.join("; ")}.`);
    }
  },
});
