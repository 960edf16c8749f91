import { strict as assert } from "node:assert";
import { VersionStatus } from "../../components/catalog";
import {
  aiDeploymentLifecycleRetired,
  deploymentLifecycleRetired,
} from "../../policies/rules/ai/deployment-lifecycle-retired";
import {
  aiDeploymentLifecycleRetiring,
  deploymentLifecycleRetiring,
} from "../../policies/rules/ai/deployment-lifecycle-retiring";
import { VersionStatusLookup, judgeDate } from "../../policies/lib/lifecycle";
import { types } from "../../policies/lib/types";
import { judgeResource, unknown } from "../helpers/policy";
import { assertFindings, assertNone } from "./fixtures";

/** A synthetic catalog: `synthetic-chat` 1 retires 2026-03-01, 2 retires 2027-06-30, 3 has no date. */
const retirements: Record<string, string | undefined> = {
  "1": "2026-03-01",
  "2": "2027-06-30",
  "3": undefined,
};
const synthetic: VersionStatusLookup = (model, version, on): VersionStatus => {
  if (model !== "synthetic-chat") {
    return { status: "unknown-model" };
  }
  if (!(version in retirements)) {
    return { status: "unknown-version", known: Object.keys(retirements) };
  }
  const date = retirements[version];
  if (!date) {
    return { status: "active", lifecycle: "GA" };
  }
  const days = Math.floor((Date.parse(`${date}T00:00:00Z`) - on.getTime()) / 86_400_000);
  return days < 0
    ? { status: "retired", retirementDate: date }
    : { status: "active", lifecycle: "GA", retirementDate: date, daysToRetirement: days };
};

const deployment = (model: string, version?: unknown, config: Record<string, unknown> = {}) => ({
  type: types.aiDeployment,
  props: {
    sku: { name: "GlobalStandard", capacity: 10 },
    properties: { model: { format: "OpenAI", name: model, ...(version === undefined ? {} : { version }) } },
  },
  config,
});

describe("policy ai-deployment-lifecycle-retired", () => {
  const rule = deploymentLifecycleRetired(synthetic);
  const on = { asOf: "2026-06-01" };

  const compliant: [string, ReturnType<typeof deployment>][] = [
    ["a version retiring later", deployment("synthetic-chat", "2", on)],
    ["a version without a published retirement date", deployment("synthetic-chat", "3", on)],
    ["an unknown model is left to the approved-models rule", deployment("contoso-llm-x", "1", on)],
    ["an unknown version is left to the approved-models rule", deployment("synthetic-chat", "9", on)],
    ["no pinned version (Azure's default)", deployment("synthetic-chat", undefined, on)],
  ];
  for (const [what, c] of compliant) {
    it(`compliance: ${what}`, async () => assertNone(await judgeResource(rule, c)));
  }

  it("noncompliance 1: a version that has retired", async () => {
    assertFindings(
      await judgeResource(rule, deployment("synthetic-chat", "1", on)),
      /synthetic-chat version 1 retired on 2026-03-01; Azure no longer serves it\./,
    );
  });

  it("judges gpt-4.1 with the real catalog (served in mid-2025)", async () => {
    assertNone(
      await judgeResource(
        aiDeploymentLifecycleRetired,
        deployment("gpt-4.1", "2025-04-14", { asOf: "2025-06-01" }),
      ),
    );
    assertNone(await judgeResource(aiDeploymentLifecycleRetired, deployment("contoso-llm-x", "1")));
  });

  it("does not crash on a version unknown during preview", async () => {
    assert.equal(await judgeResource(rule, deployment("synthetic-chat", unknown.string, on)), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, { ...deployment("synthetic-chat", "1", on), type: types.aiAccount }),
    );
  });
});

describe("policy ai-deployment-lifecycle-retiring", () => {
  const rule = deploymentLifecycleRetiring(synthetic);

  const compliant: [string, ReturnType<typeof deployment>][] = [
    [
      "retirement beyond the default 90-day window",
      deployment("synthetic-chat", "2", { asOf: "2027-03-01" }),
    ],
    [
      "retirement beyond a configured 30-day window",
      deployment("synthetic-chat", "2", { asOf: "2027-05-01", warningDays: 30 }),
    ],
    [
      "already retired: the retired rule's finding, not this one",
      deployment("synthetic-chat", "1", { asOf: "2026-06-01" }),
    ],
    ["no published retirement date", deployment("synthetic-chat", "3")],
    ["an unknown model", deployment("contoso-llm-x", "2")],
  ];
  for (const [what, c] of compliant) {
    it(`compliance: ${what}`, async () => assertNone(await judgeResource(rule, c)));
  }

  const broken: [string, ReturnType<typeof deployment>, RegExp][] = [
    [
      "noncompliance 1: retires within the default window",
      deployment("synthetic-chat", "2", { asOf: "2027-06-01" }),
      /synthetic-chat version 2 retires on 2027-06-30, in 29 days \(warning window: 90 days\)/,
    ],
    [
      "noncompliance 2: retires within a configured window",
      deployment("synthetic-chat", "2", { asOf: "2027-01-01", warningDays: 200 }),
      /in 180 days \(warning window: 200 days\)/,
    ],
    [
      "noncompliance 3: retires tomorrow",
      deployment("synthetic-chat", "2", { asOf: "2027-06-29" }),
      /in 1 day \(/,
    ],
  ];
  for (const [what, c, message] of broken) {
    it(what, async () => assertFindings(await judgeResource(rule, c), message));
  }

  it("judges gpt-4.1 with the real catalog (served in mid-2025)", async () => {
    assertNone(
      await judgeResource(
        aiDeploymentLifecycleRetiring,
        deployment("gpt-4.1", "2025-04-14", { asOf: "2025-06-01" }),
      ),
    );
  });

  it("does not crash on a model unknown during preview", async () => {
    assert.equal(await judgeResource(rule, deployment(unknown.string as string, "2")), "unknown");
  });

  it("never reports a resource type it does not judge", async () => {
    assertNone(
      await judgeResource(rule, {
        ...deployment("synthetic-chat", "2", { asOf: "2027-06-29" }),
        type: types.raiPolicy,
      }),
    );
  });

  it("judges on today's date unless asOf pins one", () => {
    const now = new Date("2030-01-02T03:04:05Z");
    assert.equal(
      judgeDate(undefined, () => now),
      now,
    );
    assert.equal(judgeDate("2026-06-01", () => now).toISOString(), "2026-06-01T00:00:00.000Z");
  });
});

describe("lifecycle rules on the real catalog", () => {
  const router = (asOf: string) => ({
    type: types.genericResource,
    props: {
      resourceProviderNamespace: "Microsoft.CognitiveServices",
      resourceType: "deployments",
      parentResourcePath: "accounts/aif-contoso-prod-sdc-main",
      resourceName: "router",
      sku: { name: "GlobalStandard", capacity: 10 },
      properties: { model: { format: "OpenAI", name: "model-router", version: "2025-11-18" } },
    },
    config: { asOf },
  });

  it("the retired rule names the successor and its date", async () => {
    assertFindings(
      await judgeResource(
        aiDeploymentLifecycleRetired,
        deployment("gpt-5", "2025-08-07", { asOf: "2027-02-09" }),
      ),
      /^gpt-5 version 2025-08-07 retired on 2027-02-09; Azure no longer serves it\. Move to gpt-5\.4 2026-03-05 \(serves until 2027-09-02; the catalog's choice, no replacement is published\)\.$/,
    );
    assertFindings(
      await judgeResource(
        aiDeploymentLifecycleRetired,
        deployment("o3", "2025-04-16", { asOf: "2026-12-03" }),
      ),
      /Move to gpt-5\.6-sol \(not in the catalog; Microsoft's published replacement\)\.$/,
    );
  });

  it("the retiring rule names the successor", async () => {
    assertFindings(
      await judgeResource(
        aiDeploymentLifecycleRetiring,
        deployment("gpt-5-mini", "2025-08-07", { asOf: "2026-12-03" }),
      ),
      /retires on 2027-02-09, in 68 days \(warning window: 90 days\)\. Successor: gpt-5\.4-mini 2026-03-17/,
    );
  });

  it("judges a Model Router deployment declared as a generic resource", async () => {
    assertNone(await judgeResource(aiDeploymentLifecycleRetired, router("2026-12-03")));
    assertFindings(
      await judgeResource(aiDeploymentLifecycleRetired, router("2027-05-20")),
      /^model-router version 2025-11-18 retired on 2027-05-20; .*No successor is published or catalogued/,
    );
    assertFindings(
      await judgeResource(aiDeploymentLifecycleRetiring, router("2027-03-01")),
      /^model-router version 2025-11-18 retires on 2027-05-20, in 80 days/,
    );
  });
});
