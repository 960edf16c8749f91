import { strict as assert } from "node:assert";
import { costStackPtuTotal as rule } from "../../policies/rules/cost/stack-ptu-total";
import { types } from "../../policies/lib/types";
import { judgeStack, unknown } from "../helpers/policy";
import { assertFindings, assertNone, res } from "./fixtures";

const deployment = (name: string, skuName: string, capacity: unknown) =>
  res(types.aiDeployment, name, { deploymentName: name, sku: { name: skuName, capacity } });

describe(`policy ${rule.name}`, () => {
  it("compliance: dev (maxPtu 0) with standard deployments only", async () => {
    assertNone(
      await judgeStack(rule, [deployment("a", "GlobalStandard", 500), deployment("b", "GlobalBatch", 1000)], {
        maxPtu: 0,
      }),
    );
  });

  it("compliance: prod at exactly its maximum, standard capacity not counted", async () => {
    assertNone(
      await judgeStack(
        rule,
        [
          deployment("a", "GlobalProvisionedManaged", 50),
          deployment("b", "DataZoneProvisionedManaged", 25),
          deployment("c", "ProvisionedManaged", 25),
          deployment("d", "GlobalStandard", 900),
        ],
        { maxPtu: 100 },
      ),
    );
  });

  const broken: [string, Parameters<typeof judgeStack>[1], Record<string, unknown>, RegExp][] = [
    [
      "noncompliance 1: any PTU in dev (default maxPtu 0)",
      [deployment("a", "GlobalProvisionedManaged", 15)],
      {},
      /The stack's provisioned deployments total 15 PTUs \(a 15\), more than this environment's maximum of 0\./,
    ],
    [
      "noncompliance 2: PTUs of several types add up over the maximum",
      [deployment("a", "GlobalProvisionedManaged", 60), deployment("b", "ProvisionedManaged", 50)],
      { maxPtu: 100 },
      /total 110 PTUs \(a 60, b 50\)/,
    ],
  ];
  for (const [what, resources, config, message] of broken) {
    it(what, async () => {
      const [f] = assertFindings(await judgeStack(rule, resources, config), message);
      assert.equal(f.urn, undefined, "a stack-level finding");
    });
  }

  it("does not crash on a capacity unknown during preview", async () => {
    assert.equal(
      await judgeStack(rule, [deployment("a", "GlobalProvisionedManaged", unknown.number)]),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeStack(rule, [
        res(types.aiCommitmentPlan, "plan", { sku: { name: "GlobalProvisionedManaged", capacity: 500 } }),
      ]),
    );
  });
});
