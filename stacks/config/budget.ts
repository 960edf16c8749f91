import { z } from "zod";

/** The stack's monthly budget on its resource group. */
export const budgetConfig = z
  .strictObject({
    monthlyAmount: z
      .number()
      .positive()
      .optional()
      .describe(
        "Monthly budget of the stack's resource group, in the subscription's billing currency. Default: 200 in dev, 2000 in staging, 10000 in prod.",
      ),
    startDate: z
      .string()
      .regex(/^(20[1-9]\d)-(0[1-9]|1[0-2])-01$/, {
        message: "must be the first day of a month as YYYY-MM-01, for example 2026-01-01",
      })
      .optional()
      .describe(
        "First day the budget counts (YYYY-MM-01). Default: the first day of the month the budget is created in.",
      ),
  })
  .describe(
    "Consumption budget; notifies the alert receivers at 50%, 80% and 100% of actual spend and 100% of forecast.",
  );

export type BudgetConfig = z.infer<typeof budgetConfig>;
