import { strict as assert } from "node:assert";
import { costDeploymentStandardCapacity as rule } from "../../policies/rules/cost/deployment-standard-capacity";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const deployment = (skuName: string, capacity: unknown, maxCapacity?: number) => ({
  type: types.aiDeployment,
  props: { sku: { name: skuName, capacity }, properties: { model: { name: "gpt-4.1-mini" } } },
  config: maxCapacity === undefined ? {} : { maxCapacity },
});

describe(`policy ${rule.name}`, () => {
  const compliant: [string, ReturnType<typeof deployment>][] = [
    ["at the cap", deployment("GlobalStandard", 200, 200)],
    ["under the default cap of 100", deployment("DataZoneStandard", 100)],
    ["batch capacity is not a rate limit", deployment("GlobalBatch", 5000, 50)],
    ["provisioned capacity is counted in PTUs elsewhere", deployment("GlobalProvisionedManaged", 500, 50)],
    ["an unknown SKU is not judged", deployment("DeveloperTier", 500, 50)],
  ];
  for (const [what, c] of compliant) {
    it(`compliance: ${what}`, async () => assertNone(await judgeResource(rule, c)));
  }

  const broken: [string, ReturnType<typeof deployment>, RegExp][] = [
    [
      "noncompliance 1: GlobalStandard over the cap",
      deployment("GlobalStandard", 250, 200),
      /GlobalStandard capacity 250K TPM exceeds this environment's cap of 200K TPM/,
    ],
    [
      "noncompliance 2: regional Standard over the default cap",
      deployment("Standard", 101),
      /Standard capacity 101K TPM exceeds .* 100K/,
    ],
    [
      "noncompliance 3: DataZoneStandard over a dev cap",
      deployment("DataZoneStandard", 60, 50),
      /DataZoneStandard capacity 60K/,
    ],
  ];
  for (const [what, c, message] of broken) {
    it(what, async () => assertFindings(await judgeResource(rule, c), message));
  }

  it("does not crash on a capacity unknown during preview", async () => {
    assert.equal(await judgeResource(rule, deployment("GlobalStandard", unknown.number, 10)), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, { ...deployment("GlobalStandard", 1000, 10), type: types.aiAccount }),
    );
  });
});
