import { strict as assert } from "node:assert";
import { apimProductNoSample as rule } from "../../policies/rules/apim/product-no-sample";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

describe(`policy ${rule.name}`, () => {
  it("compliance: a team product of our own", async () => {
    assertNone(
      await judgeResource(rule, {
        type: types.apimProduct,
        props: { productId: "team-a", displayName: "Team A" },
      }),
    );
  });

  const broken: [string, Record<string, unknown>, RegExp][] = [
    [
      "noncompliance 1: the starter product (by id)",
      { productId: "starter", displayName: "Trial" },
      /'starter' is an API Management sample product/,
    ],
    [
      "noncompliance 2: the unlimited product (by output name)",
      { name: "unlimited", displayName: "X" },
      /'unlimited'/,
    ],
    [
      "noncompliance 3: a product displayed as Starter",
      { productId: "p1", displayName: "Starter" },
      /'Starter'/,
    ],
  ];
  for (const [what, props, message] of broken) {
    it(what, async () =>
      assertFindings(await judgeResource(rule, { type: types.apimProduct, props }), message),
    );
  }

  it("does not crash on a value unknown during preview", async () => {
    assert.equal(
      await judgeResource(rule, { type: types.apimProduct, props: { productId: unknown.string } }),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, { type: types.apimApi, props: { apiId: "starter", displayName: "Starter" } }),
    );
  });
});
