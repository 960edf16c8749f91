import { field, list, sameText, shown, text } from "../../lib/read";
import { resourceRule } from "../../lib/rule";
import { types } from "../../lib/types";

/** IP rules that let the whole internet through, which turns a `Deny` default into `Allow`. */
const everywhere = new Set(["0.0.0.0/0", "0.0.0.0", "::/0"]);

/** AI accounts are reachable only through private endpoints or from allow-listed networks. */
export const aiAccountRestrictNetworkAccess = resourceRule({
  name: "ai-account-restrict-network-access",
  description:
    "AI Services and Azure OpenAI accounts must not be open to the public internet: public network access is disabled, or the network ACL's default action is Deny so that only allow-listed networks get through. Azure's default (public access enabled, default action Allow) lets anyone on the internet reach the endpoint.",
  severity: "high",
  remediationSteps:
    "Leave `networkAcls` unset on the FoundryAccount (public network access is then disabled; reach the account through a private endpoint), or give `networkAcls` with `defaultAction: Deny` and the IP ranges or subnets that may call it. On a raw account set `properties.publicNetworkAccess: Disabled` or `properties.networkAcls.defaultAction: Deny`, and never allow-list 0.0.0.0/0.",
  references: {
    psrule: ["Azure.AI.PublicAccess"],
    azurePolicy: ["037eea7a-bd0a-46c5-9a66-03aea78705d3"],
    mcsb: ["NS-2"],
    waf: "Security",
    note: "Also refuses an IP rule that allows every address (0.0.0.0/0) under a Deny default.",
  },
  resourceTypes: [types.aiAccount],
  validate: (props, _args, report) => {
    const access = text(field(props.properties, "publicNetworkAccess"));
    if (sameText(access, "Disabled")) {
      return;
    }
    const acls = field(props.properties, "networkAcls");
    const defaultAction = text(field(acls, "defaultAction"));
    if (!sameText(defaultAction, "Deny")) {
      report(
        `publicNetworkAccess is ${shown(access)} and networkAcls.defaultAction is ${shown(defaultAction)}: the account accepts calls from any network. Disable public network access or set the default action to Deny.`,
      );
      return;
    }
    const open = list(field(acls, "ipRules"))
      .map((rule) => text(field(rule, "value")))
      .filter((value): value is string => value !== undefined && everywhere.has(value.trim()));
    if (open.length > 0) {
      report(
        `networkAcls.defaultAction is Deny but ipRules allow ${open.join(", ")}, which is every address: list only the ranges that must call the account.`,
      );
    }
  },
});
