import { strict as assert } from "node:assert";
import { costDeploymentPtuSizing as rule } from "../../policies/rules/cost/deployment-ptu-sizing";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const deployment = (model: string, type: string, capacity?: unknown) => ({
  type: types.aiDeployment,
  props: {
    accountName: "aif",
    sku: capacity === undefined ? { name: type } : { name: type, capacity },
    properties: { model: { format: "OpenAI", name: model, version: "2025-04-14" } },
  },
});

// gpt-4.1 in the catalog: Global / DataZone 15 min, step 5; regional 50 min, step 50.
describe(`policy ${rule.name}`, () => {
  const compliant: [string, ReturnType<typeof deployment>][] = [
    ["GlobalProvisionedManaged at the minimum", deployment("gpt-4.1", "GlobalProvisionedManaged", 15)],
    ["DataZoneProvisionedManaged one step up", deployment("gpt-4.1", "DataZoneProvisionedManaged", 20)],
    ["regional ProvisionedManaged two steps", deployment("gpt-4.1", "ProvisionedManaged", 100)],
    ["a standard deployment is not sized in PTUs", deployment("gpt-4.1", "GlobalStandard", 7)],
    [
      "a model the catalog does not know is not judged",
      deployment("contoso-llm-x", "GlobalProvisionedManaged", 3),
    ],
  ];
  for (const [what, c] of compliant) {
    it(`compliance: ${what}`, async () => assertNone(await judgeResource(rule, c)));
  }

  const broken: [string, ReturnType<typeof deployment>, RegExp][] = [
    [
      "noncompliance 1: below the global minimum",
      deployment("gpt-4.1", "GlobalProvisionedManaged", 10),
      /10 PTUs is below the minimum of 15 for gpt-4\.1 on GlobalProvisionedManaged/,
    ],
    [
      "noncompliance 2: off the global step",
      deployment("gpt-4.1", "GlobalProvisionedManaged", 17),
      /17 PTUs is not a multiple of 5 .*; use 15 or 20/,
    ],
    [
      "noncompliance 3: below the regional minimum",
      deployment("gpt-4.1", "ProvisionedManaged", 25),
      /below the minimum of 50/,
    ],
    [
      "noncompliance 4: off the regional step",
      deployment("gpt-4.1", "ProvisionedManaged", 75),
      /75 PTUs is not a multiple of 50 .*; use 50 or 100/,
    ],
    [
      "noncompliance 5: no capacity",
      deployment("gpt-4.1", "DataZoneProvisionedManaged"),
      /sku\.capacity is not set: gpt-4\.1 on DataZoneProvisionedManaged needs at least 15 PTUs/,
    ],
  ];
  for (const [what, c, message] of broken) {
    it(what, async () => assertFindings(await judgeResource(rule, c), message));
  }

  it("does not crash on a capacity unknown during preview", async () => {
    assert.equal(
      await judgeResource(rule, deployment("gpt-4.1", "GlobalProvisionedManaged", unknown.number)),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, {
        ...deployment("gpt-4.1", "GlobalProvisionedManaged", 1),
        type: types.aiCommitmentPlan,
      }),
    );
  });
});
