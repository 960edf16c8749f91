import { strict as assert } from "node:assert";
import { governanceResourceRequiredTags as rule } from "../../policies/rules/governance/resource-required-tags";
import { taggableTypes, types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

const tags = { environment: "prod", owner: "platform-team@contoso.com", costCenter: "CC-1001" };

describe(`policy ${rule.name}`, () => {
  it("compliance: all three tags on every taggable type", async () => {
    for (const type of taggableTypes) {
      assertNone(await judgeResource(rule, { type, props: { tags: { ...tags, extra: "x" } } }));
    }
  });

  it("compliance: a tag value unknown during preview is present", async () => {
    assertNone(
      await judgeResource(rule, {
        type: types.aiAccount,
        props: { tags: { ...tags, owner: unknown.string } },
      }),
    );
  });

  const broken: [string, Record<string, unknown>, RegExp][] = [
    [
      "noncompliance 1: no tags at all",
      {},
      /Required tags are missing 'environment', 'owner', 'costCenter'\./,
    ],
    [
      "noncompliance 2: costCenter missing",
      { tags: { environment: "prod", owner: "o" } },
      /missing 'costCenter'\./,
    ],
    ["noncompliance 3: owner empty", { tags: { ...tags, owner: " " } }, /empty 'owner'\./],
    [
      "noncompliance 4: wrong case of the key",
      { tags: { Environment: "prod", owner: "o", costCenter: "c" } },
      /missing 'environment'/,
    ],
  ];
  for (const [what, props, message] of broken) {
    it(what, async () =>
      assertFindings(await judgeResource(rule, { type: types.aiDeployment, props }), message),
    );
  }

  it("requires the tag keys its config lists", async () => {
    assertFindings(
      await judgeResource(rule, {
        type: types.resourceGroup,
        props: { tags },
        config: { requiredTags: ["dataClass"] },
      }),
      /missing 'dataClass'/,
    );
  });

  it("does not judge a tag map hidden behind a secret placeholder", async () => {
    assertNone(await judgeResource(rule, { type: types.aiAccount, props: { tags: "[secret]" } }));
  });

  it("does not crash on tags unknown during preview", async () => {
    assert.equal(
      await judgeResource(rule, { type: types.aiAccount, props: { tags: unknown.object } }),
      "unknown",
    );
  });

  it("never reports a resource type it does not judge (no Azure tags: APIM APIs, role assignments, components)", async () => {
    for (const type of [
      types.apimApi,
      types.roleAssignment,
      "foundry-platform:index:AiPlatform",
      types.apimNamedValue,
    ]) {
      assertNone(await judgeResource(rule, { type, props: {} }));
    }
  });
});
