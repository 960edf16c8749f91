import { strict as assert } from "node:assert";
import { PolicyInfo } from "../../../cli/analyzer/client";
import { splitException } from "../../../cli/analyzer/exception-line";
import { resolvePolicyConfig } from "../../../cli/analyzer/policy-config";
import { InputError } from "../../../cli/errors";
import { exceptionLine, judgeException, parseExceptionTag } from "../../../policies/lib/exceptions";
import { types } from "../../../policies/lib/types";
import { aiAccountDisableLocalAuth } from "../../../policies/rules/ai/account-disable-local-auth";
import { costStackBudget } from "../../../policies/rules/cost/stack-budget";
import { judgeResource, judgeStack } from "../../helpers/policy";

const tag = "policy-exception:ai-account-disable-local-auth";
const keyAuth = (tags: Record<string, string> = {}) => ({ properties: { disableLocalAuth: false }, tags });
const on = (asOf: string, extra: Record<string, unknown> = {}) => ({ asOf, ...extra });

describe("acknowledged exceptions", () => {
  it("judge an exception on a date: valid through its expiry day, expired after, invalid without reason or date", () => {
    assert.equal(judgeException("why", "2027-01-31", "config", "2027-01-31").status, "valid");
    assert.equal(judgeException("why", "2027-01-31", "config", "2027-02-01").status, "expired");
    assert.deepEqual(judgeException("  ", "2027-01-31", "tag", "2026-01-01"), {
      status: "invalid",
      problem: "it has no reason",
      source: "tag",
    });
    assert.equal(judgeException("why", "2027-02-30", "tag", "2026-01-01").status, "invalid");
    assert.equal(judgeException("why", undefined, "tag", "2026-01-01").status, "invalid");
  });

  it("read a tag value as `YYYY-MM-DD: reason`", () => {
    assert.deepEqual(parseExceptionTag("2027-01-31: legacy client"), {
      expires: "2027-01-31",
      reason: "legacy client",
    });
    assert.deepEqual(parseExceptionTag("2027-01-31"), { expires: "2027-01-31" });
  });

  it("a resource tag acknowledges a finding: reported as advisory, never dropped", async () => {
    const findings = await judgeResource(aiAccountDisableLocalAuth, {
      type: types.aiAccount,
      props: keyAuth({ [tag]: "2027-01-31: legacy client until Q1" }),
      config: on("2026-12-01"),
    });
    assert.ok(findings !== "unknown");
    assert.equal(findings.length, 1);
    assert.equal(findings[0].enforcementLevel, "advisory");
    assert.match(
      findings[0].message,
      /^Acknowledged exception \(expires 2027-01-31, from tag\): legacy client until Q1\n/,
    );
  });

  it("an expired tag no longer applies; the finding keeps its level and says why", async () => {
    const findings = await judgeResource(aiAccountDisableLocalAuth, {
      type: types.aiAccount,
      props: keyAuth({ [tag]: "2026-11-30: legacy client" }),
      config: on("2026-12-01"),
    });
    assert.ok(findings !== "unknown");
    assert.equal(findings[0].enforcementLevel, undefined);
    assert.match(findings[0].message, /^Exception expired on 2026-11-30 \(from tag\)/);
  });

  it("a config exception for another resource leaves the finding as it is", async () => {
    const other = await judgeResource(aiAccountDisableLocalAuth, {
      type: types.aiAccount,
      name: "main",
      props: keyAuth(),
      config: on("2026-12-01", { exceptions: [{ resource: "other", reason: "x", expires: "2027-01-01" }] }),
    });
    assert.ok(other !== "unknown");
    assert.equal(other.length, 1);
    assert.equal(other[0].enforcementLevel, undefined);
  });

  it("a config exception without a reason or an expiry date is refused with the config, naming the key", () => {
    const info = {
      name: "foundry-platform",
      version: "0.1.0",
      policies: [aiAccountDisableLocalAuth].map((p) => ({
        name: p.name,
        description: p.description,
        enforcementLevel: "advisory" as const,
        severity: p.severity,
        remediationSteps: p.remediationSteps,
        configSchema: p.configSchema as PolicyInfo["configSchema"],
      })),
    };
    assert.throws(
      () =>
        resolvePolicyConfig(
          {
            "ai-account-disable-local-auth": {
              exceptions: [{ resource: "main", reason: " ", expires: "soon" }],
            },
          },
          info,
          "prod.json",
        ),
      (err: Error) =>
        err instanceof InputError &&
        /prod\.json: ai-account-disable-local-auth\.exceptions\.0\.reason: must match pattern/.test(
          err.message,
        ) &&
        /exceptions\.0\.expires: must match pattern/.test(err.message),
    );
  });

  it("a stack rule acknowledges a finding about the stack through `resource: stack`", async () => {
    const findings = await judgeStack(costStackBudget, [], {
      asOf: "2026-12-01",
      exceptions: [{ resource: "stack", reason: "landing zone budget", expires: "2027-06-30" }],
    });
    assert.ok(findings !== "unknown");
    assert.equal(findings.length, 1);
    assert.equal(findings[0].enforcementLevel, "advisory");
    assert.equal(findings[0].urn, undefined);
  });

  it("the tools read back every line the pack writes", () => {
    for (const state of [
      judgeException("why", "2027-01-31", "config", "2026-01-01"),
      judgeException("why", "2025-01-31", "tag", "2026-01-01"),
      judgeException("", "2027-01-31", "config", "2026-01-01"),
    ]) {
      const split = splitException(`${exceptionLine(state)}\nthe finding`);
      assert.equal(split.message, "the finding");
      assert.equal(split.exception?.source, state.source);
      assert.equal(
        split.exception?.status,
        { valid: "acknowledged", expired: "expired", invalid: "invalid" }[state.status],
      );
    }
    assert.deepEqual(splitException("plain finding"), { message: "plain finding" });
  });
});
