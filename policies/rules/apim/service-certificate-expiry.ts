import { todayOf } from "../../lib/exceptions";
import { field, list, text } from "../../lib/read";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";

interface Config {
  minimumDays?: number;
  asOf?: string;
}

const defaultMinimumDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/** Custom domain certificates are renewed before clients start failing on them. */
export const apimServiceCertificateExpiry = stackRule({
  name: "apim-service-certificate-expiry",
  description:
    "The certificates of an API Management service's custom host names must be valid for at least the environment's minimum number of days (30 by default). An expired certificate breaks every client of the gateway at once. Expiry dates are known once the service is deployed, so this rule judges a stack export (`check`) and a real preview; a plan has none to judge.",
  severity: "high",
  remediationSteps:
    "Renew the certificate: reference a Key Vault certificate (`hostnameConfigurations[].keyVaultId` without a version) so API Management picks up renewals itself, or upload the renewed certificate. `minimumDays` of this rule sets the warning window; `asOf` pins the date judged on.",
  references: { psrule: ["Azure.APIM.CertificateExpiry"], mcsb: ["DP-7"], waf: "Security" },
  configSchema: {
    properties: {
      minimumDays: {
        type: "integer",
        minimum: 0,
        default: defaultMinimumDays,
        description: "Days a custom host name's certificate must still be valid for.",
      },
    },
  },
  resourceTypes: [types.apimService],
  validate: (resources, args, report) => {
    const config = args.getConfig<Config>();
    const minimum = config.minimumDays ?? defaultMinimumDays;
    const today = Date.parse(`${todayOf(config)}T00:00:00Z`);
    for (const service of resources) {
      const problems: string[] = [];
      for (const host of list(service.props.hostnameConfigurations)) {
        const expiry = text(field(field(host, "certificate"), "expiry"));
        const at = expiry ? Date.parse(expiry) : Number.NaN;
        if (Number.isNaN(at)) {
          continue;
        }
        const days = Math.floor((at - today) / dayMs);
        if (days < minimum) {
          const name = text(field(host, "hostName")) ?? "a host name";
          problems.push(
            days < 0
              ? `${name}'s certificate expired on ${expiry?.slice(0, 10)}`
              : `${name}'s certificate expires on ${expiry?.slice(0, 10)}, in ${days} day${days === 1 ? "" : "s"}`,
          );
        }
      }
      if (problems.length > 0) {
        report(`${problems.join("; ")} (minimum: ${minimum} days).`, service.urn);
      }
    }
  },
});
