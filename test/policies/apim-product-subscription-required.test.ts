import { strict as assert } from "node:assert";
import { apimProductSubscriptionRequired as rule } from "../../policies/rules/apim/product-subscription-required";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

describe(`policy ${rule.name}`, () => {
  it("compliance: subscriptionRequired true", async () => {
    assertNone(
      await judgeResource(rule, {
        type: types.apimProduct,
        props: { displayName: "Team A", subscriptionRequired: true },
      }),
    );
  });

  it("compliance: subscriptionRequired omitted (Azure's default is true)", async () => {
    assertNone(await judgeResource(rule, { type: types.apimProduct, props: { displayName: "Team A" } }));
  });

  it("noncompliance 1: subscriptionRequired false", async () => {
    assertFindings(
      await judgeResource(rule, {
        type: types.apimProduct,
        props: { displayName: "Open", subscriptionRequired: false },
      }),
      /subscriptionRequired is false: the product's APIs accept anonymous calls/,
    );
  });

  it("does not crash on a value unknown during preview", async () => {
    assert.equal(
      await judgeResource(rule, {
        type: types.apimProduct,
        props: { subscriptionRequired: unknown.boolean },
      }),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, {
        type: "azure-native:apimanagement:WorkspaceProduct",
        props: { subscriptionRequired: false },
      }),
    );
  });
});
