import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";
import { asString } from "../../lib/values";

interface Config {
  /** Organisation name formats (regular expressions) per resource kind. */
  formats?: { aiAccount?: string; apimService?: string };
}

/**
 * Azure's name requirements, as PSRule for Azure states them: AI accounts (Azure.AI.Naming /
 * Azure.AI.FoundryNaming) 2–64 letters, digits and hyphens, starting and ending with a letter or
 * digit; API Management services (Azure.APIM.Name) 1–50 letters, digits and hyphens, starting with
 * a letter and ending with a letter or digit.
 */
const kinds: Record<
  string,
  { key: "aiAccount" | "apimService"; input: string; what: string; pattern: RegExp; rule: string }
> = {
  [types.aiAccount]: {
    key: "aiAccount",
    input: "accountName",
    what: "AI account",
    pattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?$/,
    rule: "2 to 64 letters, digits and hyphens, starting and ending with a letter or digit",
  },
  [types.apimService]: {
    key: "apimService",
    input: "serviceName",
    what: "API Management service",
    pattern: /^[A-Za-z](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/,
    rule: "1 to 50 letters, digits and hyphens, starting with a letter and ending with a letter or digit",
  },
};

/** AI accounts and gateways have names Azure accepts and, where the organisation sets one, its format. */
export const governanceResourceNaming = resourceRule({
  name: "governance-resource-naming",
  description:
    "AI accounts and API Management services must have names Azure accepts and, where the environment sets a naming format, names in that format. A name Azure refuses fails the deployment halfway; a name outside the convention cannot be traced to its workload, environment and owner.",
  severity: "low",
  remediationSteps:
    "Name the account or service within Azure's limits (see the finding). `formats.aiAccount` and `formats.apimService` of this rule set regular expressions for the organisation's convention, for example `^aif-` for Foundry accounts as the Cloud Adoption Framework abbreviates them. Auto-named resources (no explicit name) are not judged.",
  references: {
    psrule: ["Azure.AI.Naming", "Azure.AI.FoundryNaming", "Azure.APIM.Name"],
    waf: "Operational Excellence: OE:04 Tools and processes",
    note: "PSRule judges the naming format only when one is configured; this rule always checks Azure's limits.",
  },
  configSchema: {
    properties: {
      formats: {
        type: "object",
        properties: {
          aiAccount: { type: "string", minLength: 1 },
          apimService: { type: "string", minLength: 1 },
        },
        additionalProperties: false,
        description: "Regular expressions names must match, per resource kind.",
      },
    },
  },
  resourceTypes: Object.keys(kinds),
  validate: (props, args, report) => {
    const kind = kinds[args.type];
    const name = asString(props[kind.input]);
    if (name === undefined) {
      return;
    }
    if (!kind.pattern.test(name)) {
      report(`${kind.what} name '${name}' is not valid in Azure: use ${kind.rule}.`);
      return;
    }
    const format = args.getConfig<Config>().formats?.[kind.key];
    if (format !== undefined) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(format);
      } catch {
        report(`formats.${kind.key} of this rule is not a valid regular expression: ${format}.`);
        return;
      }
      if (!re.test(name)) {
        report(`${kind.what} name '${name}' does not match the naming format ${format}.`);
      }
    }
  },
});
