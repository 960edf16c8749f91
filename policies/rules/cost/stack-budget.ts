import { PolicyResource } from "@pulumi/policy";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";
import { asArray, asBoolean, asNumber, asRecord } from "../../lib/values";

interface Config {
  minNotifications?: number;
}

/** Notifications of a budget that would reach someone: enabled, with a threshold and a recipient. */
export function liveNotifications(budget: PolicyResource): string[] {
  const notifications = asRecord(budget.props.notifications) ?? {};
  return Object.keys(notifications).filter((key) => {
    const n = asRecord(notifications[key]);
    const recipients = ["contactEmails", "contactGroups", "contactRoles"].some(
      (k) => (asArray(n?.[k])?.length ?? 0) > 0,
    );
    return asBoolean(n?.enabled) === true && (asNumber(n?.threshold) ?? 0) > 0 && recipients;
  });
}

/** Someone hears about spend before the invoice does. */
export const costStackBudget = stackRule({
  name: "cost-stack-budget",
  description:
    "The stack must contain a consumption budget with an amount and notifications that reach someone (enabled, with a threshold and at least one email, action group or role). Without one, runaway token or PTU spend is discovered on the invoice.",
  severity: "high",
  remediationSteps:
    "Add a budget (`azure-native:consumption:Budget` or `costmanagement:Budget`, declared by the CostControls component) on the stack's resource group or subscription, with a monthly amount and notifications at, for example, 50%, 80% and 100% of actual cost and 100% of forecast cost, sent to the platform team's action group or email. `minNotifications` sets how many live notifications the budget needs.",
  configSchema: {
    properties: {
      minNotifications: {
        type: "integer",
        minimum: 1,
        default: 1,
        description: "How many enabled notifications with a recipient a budget must have.",
      },
    },
  },
  references: { waf: "Cost Optimization" },
  resourceTypes: [types.budget, types.costManagementBudget],
  validate: (resources, args, report) => {
    const min = args.getConfig<Config>().minNotifications ?? 1;
    if (resources.length === 0) {
      report(
        "The stack has no consumption budget (azure-native:consumption:Budget or costmanagement:Budget).",
      );
      return;
    }
    const problems = resources.map((budget) => {
      const found: string[] = [];
      if ((asNumber(budget.props.amount) ?? 0) <= 0) {
        found.push("no amount");
      }
      const live = liveNotifications(budget).length;
      if (live < min) {
        found.push(
          `${live} live notification${live === 1 ? "" : "s"} (at least ${min} needed: enabled, with a threshold and a recipient)`,
        );
      }
      return { budget, found };
    });
    if (problems.some((p) => p.found.length === 0)) {
      return;
    }
    for (const { budget, found } of problems) {
      report(`The budget warns nobody: ${found.join("; ")}.`, budget.urn);
    }
  },
});
