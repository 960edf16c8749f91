import { strict as assert } from "node:assert";
import * as consumption from "@pulumi/azure-native/consumption";
import {
  budgetThresholds,
  CostControls,
  CostControlsArgs,
  costControlsProblems,
  firstDayOfMonth,
} from "../../components/observability/cost";
import { capture, captureErrors, ofType, typeToken } from "../helpers/mocks";

const budgetType = typeToken(consumption.Budget);
const rgId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test-dev-sdc";
const actionGroupId = `${rgId}/providers/Microsoft.Insights/actionGroups/ag-test-dev-sdc`;

const base: CostControlsArgs = {
  scope: rgId,
  naming: { workload: "test", environment: "dev", region: "swedencentral" },
  monthlyAmount: 250,
  startDate: "2026-11-01",
  actionGroupResourceId: actionGroupId,
};

describe("CostControls", () => {
  it("creates a monthly cost budget on the resource group with the amount from the args", async () => {
    let budgetId = "";
    const resources = await capture(() =>
      new CostControls("cost", base).budgetResourceId.apply((id) => (budgetId = id)),
    );
    const [budget] = ofType(resources, budgetType);
    assert.equal(budget.inputs.scope, rgId);
    assert.equal(budget.inputs.budgetName, "budget-test-dev-sdc");
    assert.equal(budget.inputs.amount, 250);
    assert.equal(budget.inputs.category, "Cost");
    assert.equal(budget.inputs.timeGrain, "Monthly");
    assert.deepEqual(budget.inputs.timePeriod, { startDate: "2026-11-01" });
    assert.equal(
      budgetId,
      `${rgId}/providers/Microsoft.Consumption/budgets/budget-test-dev-sdc`,
      "the budget is an extension resource of the resource group",
    );
    assert.ok(budget.parent?.endsWith("::cost"));
  });

  it("notifies the action group at 50, 80 and 100% actual and 100% forecasted", async () => {
    const resources = await capture(
      () => new CostControls("cost", { ...base, contactEmails: ["finops@contoso.com"] }),
    );
    const [budget] = ofType(resources, budgetType);
    const notifications = budget.inputs.notifications as Record<string, Record<string, unknown>>;
    assert.deepEqual(
      Object.values(notifications)
        .map((n) => `${String(n.thresholdType)} ${String(n.threshold)}`)
        .sort(),
      ["Actual 100", "Actual 50", "Actual 80", "Forecasted 100"],
    );
    for (const n of Object.values(notifications)) {
      assert.equal(n.enabled, true);
      assert.equal(n.operator, "GreaterThan");
      assert.deepEqual(n.contactGroups, [actionGroupId]);
      assert.deepEqual(n.contactEmails, ["finops@contoso.com"]);
    }
    assert.deepEqual(Object.keys(notifications).sort(), budgetThresholds.map((t) => t.key).sort());
  });

  it("starts on the first day of the current month when no start date is given", async () => {
    const resources = await capture(() => new CostControls("cost", { ...base, startDate: undefined }));
    const [budget] = ofType(resources, budgetType);
    assert.deepEqual(budget.inputs.timePeriod, { startDate: firstDayOfMonth(new Date()) });
    assert.equal(firstDayOfMonth(new Date(Date.UTC(2027, 0, 31, 23, 59))), "2027-01-01");
    assert.equal(firstDayOfMonth(new Date(Date.UTC(2026, 11, 1))), "2026-12-01");
  });

  it("refuses a zero amount and a start date that is not the first of a month", async () => {
    assert.deepEqual(costControlsProblems({ monthlyAmount: 1 }), []);
    const problems = costControlsProblems({ monthlyAmount: 0, startDate: "2026-11-15" });
    assert.equal(problems.length, 2);
    assert.match(problems[0], /monthlyAmount is 0; allowed: an amount above 0/);
    assert.match(problems[1], /startDate '2026-11-15' is not allowed; use the first day of a month/);
    const errors = await captureErrors(() => new CostControls("cost", { ...base, monthlyAmount: -5 }));
    assert.match(errors.join("\n"), /CostControls 'cost': monthlyAmount is -5/);
  });
});
