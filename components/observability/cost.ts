/**
 * Cost controls: a monthly consumption budget on the platform's resource group that tells the
 * action group (and optionally people by email) when spend crosses 50%, 80% and 100% of the
 * amount, and when the month's forecast crosses 100%.
 */
import * as pulumi from "@pulumi/pulumi";
import * as consumption from "@pulumi/azure-native/consumption";
import { ComponentArgsError } from "../common/args-error";
import { NameParts, resourceAbbreviations, resourceName } from "../common/naming";

/** One budget notification, as data. */
export interface BudgetThreshold {
  /** Key of the notification in the budget, in the portal's `<type>_GreaterThan_<n>_Percent` form (stable). */
  readonly key: string;
  /** Percent of the budget amount. */
  readonly percent: number;
  readonly type: "Actual" | "Forecasted";
}

/** The notifications every budget gets: 50/80/100% of actual spend and 100% of the forecast. */
export const budgetThresholds: readonly BudgetThreshold[] = [
  { key: "Actual_GreaterThan_50_Percent", percent: 50, type: "Actual" },
  { key: "Actual_GreaterThan_80_Percent", percent: 80, type: "Actual" },
  { key: "Actual_GreaterThan_100_Percent", percent: 100, type: "Actual" },
  { key: "Forecasted_GreaterThan_100_Percent", percent: 100, type: "Forecasted" },
];

export interface CostControlsArgs {
  /** ARM id of the scope the budget tracks: the platform's resource group. */
  readonly scope: pulumi.Input<string>;
  /** Naming parts; the budget is named `budget-<workload>-<env>-<region>`. */
  readonly naming: NameParts;
  /**
   * Monthly amount, in the billing currency of the subscription (USD for most).
   */
  readonly monthlyAmount: number;
  /**
   * First day the budget counts, `YYYY-MM-01`. Azure refuses a start in an earlier month when the
   * budget is created, so leave it unset unless you import an existing budget.
   * @default the first day of the current month (UTC); later changes of the date are ignored so the
   * budget is not rewritten every month
   */
  readonly startDate?: string;
  /** ARM id of the action group to notify. */
  readonly actionGroupResourceId: pulumi.Input<string>;
  /**
   * Email addresses notified besides the action group.
   * @default - none
   */
  readonly contactEmails?: readonly pulumi.Input<string>[];
}

/** The first day of `now`'s month in UTC, `YYYY-MM-01`. */
export function firstDayOfMonth(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01`;
}

/** Every problem with the arguments, as sentences; empty when they are valid. */
export function costControlsProblems(args: Pick<CostControlsArgs, "monthlyAmount" | "startDate">): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(args.monthlyAmount) && args.monthlyAmount > 0)) {
    problems.push(`monthlyAmount is ${args.monthlyAmount}; allowed: an amount above 0`);
  }
  if (args.startDate !== undefined) {
    const m = /^(\d{4})-(\d{2})-01$/.exec(args.startDate);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 2017) {
      problems.push(
        `startDate '${args.startDate}' is not allowed; use the first day of a month from 2017 on, as YYYY-MM-01, or leave it unset`,
      );
    }
  }
  return problems;
}

/** A monthly consumption budget with actual and forecast notifications to the action group. */
export class CostControls extends pulumi.ComponentResource {
  /** ARM id of the budget. */
  public readonly budgetResourceId: pulumi.Output<string>;
  public readonly budget: consumption.Budget;

  constructor(name: string, args: CostControlsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:observability:CostControls", name, {}, opts);

    const problems = costControlsProblems(args);
    if (problems.length > 0) {
      throw new ComponentArgsError("CostControls", name, problems, this);
    }

    const contactEmails = [...(args.contactEmails ?? [])];
    this.budget = new consumption.Budget(
      `${name}-budget`,
      {
        scope: args.scope,
        budgetName: resourceName(resourceAbbreviations.budget, args.naming),
        amount: args.monthlyAmount,
        category: "Cost",
        timeGrain: "Monthly",
        timePeriod: { startDate: args.startDate ?? firstDayOfMonth(new Date()) },
        notifications: Object.fromEntries(
          budgetThresholds.map((t) => [
            t.key,
            {
              enabled: true,
              operator: "GreaterThan",
              threshold: t.percent,
              thresholdType: t.type,
              contactGroups: [args.actionGroupResourceId],
              contactEmails,
            },
          ]),
        ),
      },
      // Without a start date in config the default moves every month; the budget keeps its first one.
      { parent: this, ignoreChanges: args.startDate === undefined ? ["timePeriod.startDate"] : [] },
    );

    this.budgetResourceId = this.budget.id;
    this.registerOutputs({ budgetResourceId: this.budgetResourceId });
  }
}
