import { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { CostEstimate, estimateCost } from "../../../components/cost/estimate";
import { usd } from "../../../components/cost/units";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";
import { asArray, asBoolean, asNumber, asRecord } from "../../lib/values";

interface Config {
  minNotifications?: number;
  acceptUnpriced?: string[];
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

/** The name of a resource in a message: the last part of its URN. */
function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/**
 * The estimate against each budget: over the amount, or not provable because something that costs
 * money is not priced (fail closed) unless its kind is accepted in the config.
 */
function estimateProblems(
  budgets: readonly PolicyResource[],
  estimate: CostEstimate,
  accepted: readonly string[],
) {
  const open = estimate.unpriced.filter((u) => !accepted.includes(u.kind));
  const largest = [...estimate.items]
    .sort((a, b) => b.monthlyUsd - a.monthlyUsd)
    .slice(0, 3)
    .map((i) => `${nameOf(i.urn)} ${usd(i.monthlyUsd)}`)
    .join(", ");
  const found: { budget: PolicyResource; message: string }[] = [];
  for (const budget of budgets) {
    const amount = asNumber(budget.props.amount) ?? 0;
    if (amount <= 0) {
      continue;
    }
    if (estimate.monthlyUsd > amount) {
      found.push({
        budget,
        message: `The estimated monthly cost ${usd(estimate.monthlyUsd)} exceeds the budget of ${usd(amount)} (largest: ${largest}).`,
      });
    } else if (open.length > 0) {
      const listed = open
        .slice(0, 5)
        .map((u) => `${nameOf(u.urn)} (${u.kind}): ${u.why}`)
        .join("; ");
      found.push({
        budget,
        message: `The estimate ${usd(estimate.monthlyUsd)} cannot show that the stack fits the budget of ${usd(amount)}: ${open.length} resource${open.length === 1 ? " is" : "s are"} not priced: ${listed}${open.length > 5 ? "; …" : ""}.`,
      });
    }
  }
  return found;
}

/** Someone hears about spend before the invoice does, and the plan's estimate fits the budget. */
export const costStackBudget = stackRule({
  name: "cost-stack-budget",
  description:
    "The stack must contain a consumption budget with an amount and notifications that reach someone (enabled, with a threshold and at least one email, action group or role), and the stack's estimated monthly cost must fit the budget's amount. The estimate is the plan's: provisioned deployments at their hourly or reservation price, standard and batch deployments from their `expectedTraffic` tag at catalog prices, API Management units, Log Analytics ingestion at the daily cap. A resource that costs money but cannot be priced makes the check fail closed, unless its kind is accepted in `acceptUnpriced`. Without a budget, runaway token or PTU spend is discovered on the invoice.",
  severity: "high",
  remediationSteps:
    "Add a budget (`azure-native:consumption:Budget` or `costmanagement:Budget`, declared by the CostControls component) on the stack's resource group or subscription, with a monthly amount and notifications at, for example, 50%, 80% and 100% of actual cost and 100% of forecast cost, sent to the platform team's action group or email. When the estimate exceeds the amount, lower the PTUs or expected traffic, buy a reservation (`pricing: reservation`), or raise the budget with its owner. When resources are unpriced, declare `expectedTraffic` on the deployments or gateway teams, set a Log Analytics daily cap, or list the kinds you accept outside the estimate in `acceptUnpriced` (for example `azure-native:monitor:MetricAlert`). Amounts are compared as USD. `minNotifications` sets how many live notifications the budget needs.",
  configSchema: {
    properties: {
      minNotifications: {
        type: "integer",
        minimum: 1,
        default: 1,
        description: "How many enabled notifications with a recipient a budget must have.",
      },
      acceptUnpriced: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
          "Kinds of unpriced resources accepted outside the estimate: a cost kind (router-deployment, standard-deployment, log-analytics, ...) or a resource type.",
      },
    },
  },
  references: { waf: "Cost Optimization" },
  resourceTypes: [types.budget, types.costManagementBudget],
  validate: (resources, args: StackValidationArgs, report: ReportViolation) => {
    const config = args.getConfig<Config>();
    const min = config.minNotifications ?? 1;
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
    if (problems.every((p) => p.found.length > 0)) {
      for (const { budget, found } of problems) {
        report(`The budget warns nobody: ${found.join("; ")}.`, budget.urn);
      }
      return;
    }
    // The estimate prices the whole stack, so it reads every resource (`args.resources`), while the
    // findings name only budgets.
    const estimate = estimateCost(args.resources);
    const live = problems.filter((p) => p.found.length === 0).map((p) => p.budget);
    for (const { budget, message } of estimateProblems(live, estimate, config.acceptUnpriced ?? [])) {
      report(message, budget.urn);
    }
  },
});
