import { strict as assert } from "node:assert";
import { costStackBudget as rule } from "../../policies/rules/cost/stack-budget";
import { types } from "../../policies/lib/types";
import { ptuHourlyUsdFor, ptuReservationMonthlyUsdFor } from "../../components/catalog";
import { judgeStack, unknown } from "../helpers/policy";
import { assertFindings, assertNone, res, urnOf } from "./fixtures";

const notification = (threshold: number, extra: Record<string, unknown> = {}) => ({
  enabled: true,
  operator: "GreaterThanOrEqualTo",
  threshold,
  contactEmails: ["platform-team@contoso.com"],
  ...extra,
});
const budget = (name: string, props: Record<string, unknown>) =>
  res(types.budget, name, {
    amount: 2000,
    category: "Cost",
    timeGrain: "Monthly",
    timePeriod: { startDate: "2026-01-01T00:00:00Z" },
    ...props,
  });

describe(`policy ${rule.name}`, () => {
  it("compliance: a budget with actual and forecast notifications", async () => {
    assertNone(
      await judgeStack(rule, [
        budget("b", {
          notifications: {
            actual80: notification(80),
            forecast100: notification(100, {
              contactEmails: [],
              contactGroups: ["/subscriptions/s/ag"],
              thresholdType: "Forecasted",
            }),
          },
        }),
      ]),
    );
  });

  it("compliance: one good budget is enough, even next to a silent one", async () => {
    assertNone(
      await judgeStack(rule, [
        budget("good", { notifications: { a: notification(90) } }),
        budget("silent", {}),
      ]),
    );
  });

  it("noncompliance 1: no budget in the stack", async () => {
    const [f] = assertFindings(await judgeStack(rule, []), /The stack has no consumption budget/);
    assert.equal(f.urn, undefined);
  });

  const broken: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
    [
      "noncompliance 2: a budget without notifications",
      {},
      {},
      /The budget warns nobody: 0 live notifications \(at least 1 needed/,
    ],
    [
      "noncompliance 3: notifications disabled",
      { notifications: { a: notification(80, { enabled: false }) } },
      {},
      /0 live notifications/,
    ],
    [
      "noncompliance 4: a notification without any recipient",
      { notifications: { a: notification(80, { contactEmails: [] }) } },
      {},
      /0 live notifications/,
    ],
    [
      "noncompliance 5: a zero amount",
      { amount: 0, notifications: { a: notification(80) } },
      {},
      /The budget warns nobody: no amount\./,
    ],
    [
      "noncompliance 6: fewer live notifications than the config asks",
      { notifications: { a: notification(80) } },
      { minNotifications: 3 },
      /1 live notification \(at least 3 needed/,
    ],
  ];
  for (const [what, props, config, message] of broken) {
    it(what, async () => {
      const [f] = assertFindings(await judgeStack(rule, [budget("b", props)], config), message);
      assert.equal(f.urn, urnOf(types.budget, "b"));
    });
  }

  describe("the estimate against the budget", () => {
    const live = { notifications: { a: notification(80) } };
    const deployment = (name: string, sku: string, capacity: number, tags: Record<string, string> = {}) =>
      res(types.aiDeployment, name, {
        deploymentName: name,
        sku: { name: sku, capacity },
        properties: { model: { format: "OpenAI", name: "gpt-5", version: "2025-08-07" } },
        tags,
      });
    const ptu = (pricing: string) =>
      deployment("ptu", "GlobalProvisionedManaged", 15, { ptuPricing: pricing });
    const standard = deployment("std", "GlobalStandard", 100, {
      expectedTraffic: "rpm=0.1;in=2000;out=500;cached=0.3;from=declared",
    });
    // A budget between the reserved and the hourly price of the 15 PTUs (reservations are cheaper).
    const type = "GlobalProvisionedManaged";
    const reserved = 15 * ptuReservationMonthlyUsdFor("gpt-5", type)!.value;
    const hourly = 15 * ptuHourlyUsdFor("gpt-5", type)!.value * 730;
    const amount = Math.round((reserved + hourly) / 2);

    it("compliance: a reserved PTU deployment and priced traffic fit the budget", async () => {
      assert.ok(reserved + 100 < amount);
      assertNone(await judgeStack(rule, [budget("b", { amount, ...live }), ptu("reservation"), standard]));
    });

    it("noncompliance 7: the same PTUs billed hourly exceed it, and the finding names the budget", async () => {
      const [f] = assertFindings(
        await judgeStack(rule, [budget("b", { amount, ...live }), ptu("hourly"), standard]),
        /The estimated monthly cost \$[0-9,.]+ exceeds the budget of \$[0-9,.]+ \(largest: ptu \$[0-9,.]+, std /,
      );
      assert.equal(f.urn, urnOf(types.budget, "b"));
    });

    it("noncompliance 8: a deployment without expected traffic fails closed", async () => {
      assertFindings(
        await judgeStack(rule, [
          budget("b", { amount: 10000, ...live }),
          deployment("idle", "GlobalStandard", 10),
        ]),
        /cannot show that the stack fits the budget of \$10,000\.00: 1 resource is not priced: idle \(standard-deployment\): GlobalStandard bills per token and declares no expected traffic/,
      );
    });

    it("compliance: unpriced kinds the config accepts are left out of the judgement", async () => {
      const alert = res("azure-native:monitor:MetricAlert", "alert", { severity: 2 });
      assertNone(
        await judgeStack(rule, [budget("b", { amount: 10000, ...live }), standard, alert], {
          acceptUnpriced: ["azure-native:monitor:MetricAlert"],
        }),
      );
      assertFindings(
        await judgeStack(rule, [budget("b", { amount: 10000, ...live }), standard, alert]),
        /1 resource is not priced: alert/,
      );
    });
  });

  it("does not crash on notifications unknown during preview", async () => {
    assert.equal(await judgeStack(rule, [budget("b", { notifications: unknown.object })]), "unknown");
  });

  it("accepts a Cost Management budget (the newer API of the same Azure resource)", async () => {
    assertNone(
      await judgeStack(rule, [
        res(types.costManagementBudget, "cm", { amount: 5, notifications: { a: notification(50) } }),
      ]),
    );
  });

  it("never counts a resource type it does not judge as a budget", async () => {
    assertFindings(
      await judgeStack(rule, [
        res("azure-native:monitor:ActionGroup", "ag", { amount: 5, notifications: { a: notification(50) } }),
      ]),
      /no consumption budget/,
    );
  });
});
