/**
 * Table-driven cases for a resource rule, in the shape cdk-nag's rule tests use: compliant cases,
 * one non-compliant case per way to break the rule, a case with a value unknown during preview and
 * a resource type the rule must ignore. Each case runs the rule's validation directly through
 * `judgeResource` (no server).
 */
import { strict as assert } from "node:assert";
import { Rule } from "../../policies/lib/rule";
import { judgeResource } from "./policy";

type Props = Record<string, unknown>;

export interface ResourceRuleCases {
  readonly rule: Rule;
  /** The type the cases are judged as, unless a case says otherwise. */
  readonly type: string;
  /** Policy config for every case (a case may override it). */
  readonly config?: Record<string, unknown>;
  /** Props (and optionally type or config) that pass. */
  readonly compliant: readonly (readonly [what: string, props: Props, opts?: CaseOptions])[];
  /** Props that break the rule, with what the single finding's message must say. */
  readonly broken: readonly (readonly [what: string, props: Props, message: RegExp, opts?: CaseOptions])[];
  /** Props holding a value unknown during preview where the rule reads it. */
  readonly unknown: Props;
  /** A resource of another type (with props that would break the rule): never reported. */
  readonly ignored: { readonly type: string; readonly props: Props };
}

export interface CaseOptions {
  readonly type?: string;
  readonly config?: Record<string, unknown>;
}

/** Declares the mocha cases of one resource rule. */
export function describeResourceRule(cases: ResourceRuleCases): void {
  const { rule } = cases;
  const judge = (props: Props, opts: CaseOptions = {}) =>
    judgeResource(rule, { type: opts.type ?? cases.type, props, config: opts.config ?? cases.config });

  describe(`policy ${rule.name}`, () => {
    for (const [what, props, opts] of cases.compliant) {
      it(`compliance: ${what}`, async () => {
        assert.deepEqual(await judge(props, opts), []);
      });
    }

    cases.broken.forEach(([what, props, message, opts], i) => {
      it(`noncompliance ${i + 1}: ${what}`, async () => {
        const findings = await judge(props, opts);
        assert.ok(findings !== "unknown", "the rule could not judge known values");
        assert.equal(findings.length, 1, JSON.stringify(findings));
        assert.match(findings[0].message, message);
      });
    });

    it("does not crash on a value unknown during preview (the SDK reports it as advisory)", async () => {
      assert.equal(await judge(cases.unknown), "unknown");
    });

    it("never reports a resource type it does not judge", async () => {
      assert.deepEqual(await judge(cases.ignored.props, { type: cases.ignored.type }), []);
    });

    it("states a severity, a description in sentences and remediation steps", () => {
      assert.ok(["low", "medium", "high", "critical"].includes(rule.severity));
      assert.match(rule.description, /^[A-Z].+\.$/s);
      assert.ok(rule.remediationSteps.length > 40);
    });
  });
}
