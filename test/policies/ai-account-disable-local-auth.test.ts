import { strict as assert } from "node:assert";
import { aiAccountDisableLocalAuth as rule } from "../../policies/rules/ai/account-disable-local-auth";
import { judgeResource, unknown } from "../helpers/policy";

const account = "azure-native:cognitiveservices:Account";

describe(`policy ${rule.name}`, () => {
  it("compliance: an account with disableLocalAuth true", async () => {
    assert.deepEqual(
      await judgeResource(rule, { type: account, props: { properties: { disableLocalAuth: true } } }),
      [],
    );
  });

  const broken: [string, Record<string, unknown>, RegExp][] = [
    [
      "noncompliance 1: disableLocalAuth false",
      { properties: { disableLocalAuth: false } },
      /accepts API keys/,
    ],
    ["noncompliance 2: disableLocalAuth not set", { properties: {} }, /not set/],
    ["noncompliance 3: no properties at all", {}, /not set/],
  ];
  for (const [what, props, message] of broken) {
    it(what, async () => {
      const findings = await judgeResource(rule, { type: account, props });
      assert.ok(findings !== "unknown");
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, message);
    });
  }

  it("does not crash on a value unknown during preview", async () => {
    const findings = await judgeResource(rule, {
      type: account,
      props: { properties: { disableLocalAuth: unknown.boolean } },
    });
    assert.equal(findings, "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    const findings = await judgeResource(rule, {
      type: "azure-native:storage:StorageAccount",
      props: { properties: { disableLocalAuth: false } },
    });
    assert.deepEqual(findings, []);
  });

  it("states its severity and remediation", () => {
    assert.equal(rule.severity, "high");
    assert.match(rule.remediationSteps, /disableLocalAuth: true/);
  });
});
