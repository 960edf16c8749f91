import { strict as assert } from "node:assert";
import { costDeploymentPtuProtected as rule } from "../../policies/rules/cost/deployment-ptu-protected";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const deployment = (skuName: unknown, protect: boolean) => ({
  type: types.aiDeployment,
  protect,
  props: {
    sku: { name: skuName, capacity: 15 },
    properties: { model: { name: "gpt-4.1", version: "2025-04-14" } },
  },
});

describe(`policy ${rule.name}`, () => {
  it("compliance: a protected provisioned deployment", async () => {
    assertNone(await judgeResource(rule, deployment("GlobalProvisionedManaged", true)));
  });

  it("compliance: an unprotected standard deployment", async () => {
    assertNone(await judgeResource(rule, deployment("GlobalStandard", false)));
  });

  for (const [i, type] of [
    "GlobalProvisionedManaged",
    "DataZoneProvisionedManaged",
    "ProvisionedManaged",
  ].entries()) {
    it(`noncompliance ${i + 1}: an unprotected ${type} deployment`, async () => {
      assertFindings(
        await judgeResource(rule, deployment(type, false)),
        new RegExp(`The ${type} deployment is not protected`),
      );
    });
  }

  it("says in its remediation that only protect is visible to policies", () => {
    assert.match(rule.remediationSteps, /sends policies `protect` and not `retainOnDelete`/);
  });

  it("does not crash on a deployment type unknown during preview", async () => {
    assert.equal(await judgeResource(rule, deployment(unknown.string, false)), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, { ...deployment("GlobalProvisionedManaged", false), type: types.aiAccount }),
    );
  });
});
