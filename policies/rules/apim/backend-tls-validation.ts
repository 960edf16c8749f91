import { field } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** The gateway checks who it is talking to before it sends prompts and tokens. */
export const apimBackendTlsValidation = resourceRule({
  name: "apim-backend-tls-validation",
  description:
    "API Management backends must validate the backend's TLS certificate chain and name. With either check off, anyone who can intercept the connection can pose as the AI service and read prompts, completions and the gateway's access tokens.",
  severity: "high",
  remediationSteps:
    "Remove `tls.validateCertificateChain: false` and `tls.validateCertificateName: false` from the backend (both default to true). For a private CA, upload the CA certificate to API Management instead of turning validation off.",
  references: { azurePolicy: ["92bb331d-ac71-416a-8c91-02f2cb734ce4"], mcsb: ["DP-3"], waf: "Security" },
  resourceTypes: [types.apimBackend],
  validate: (props, _args, report) => {
    const off = (["validateCertificateChain", "validateCertificateName"] as const).filter(
      (k) => field(props.tls, k) === false,
    );
    if (off.length > 0) {
      report(
        `tls.${off.join(" and tls.")} ${off.length > 1 ? "are" : "is"} false: the backend's certificate is not verified.`,
      );
    }
  },
});
