import { strict as assert } from "node:assert";
import Ajv from "ajv-draft-04";
import type * as Sarif from "sarif";
import { PolicyInfo } from "../../cli/analyzer/client";
import { Violation } from "../../cli/model";
import { configLineFinder } from "../../cli/report/config-lines";
import { Report } from "../../cli/report/report";
import { sarifReport } from "../../cli/report/sarif";

/**
 * The SARIF 2.1.0 JSON schema (OASIS, final committee release "2.1.0-rtm.5", as shipped in the
 * @microsoft/jest-sarif package; the errata01 schema is the same draft-04 document with editorial
 * fixes). Its `language` pattern is not valid with the `u` flag, hence `unicodeRegExp: false`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json") as object;
const validate = new Ajv({
  allErrors: true,
  strict: false,
  validateFormats: false,
  unicodeRegExp: false,
}).compile(schema);

const urn = (type: string, name: string) => `urn:pulumi:prod::foundry-platform::${type}::${name}`;
const accountUrn = urn("azure-native:cognitiveservices:Account", "platform-second");
const deploymentUrn = urn("azure-native:cognitiveservices:Deployment", "platform-second-gpt-5-mini");

const rules: PolicyInfo[] = [
  {
    name: "ai-account-disable-local-auth",
    description: "AI accounts must disable local authentication. Keys are shared secrets.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set `properties.disableLocalAuth: true`.",
  },
  {
    name: "ai-deployment-lifecycle-retiring",
    description: "A deployment should not pin a retiring version. Upgrades take time.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Plan the move now.",
  },
];

const violations: Violation[] = [
  {
    policy: "ai-account-disable-local-auth",
    enforcementLevel: "mandatory",
    severity: "high",
    message: "disableLocalAuth is false: the account accepts API keys.",
    urn: accountUrn,
  },
  {
    policy: "ai-account-disable-local-auth",
    enforcementLevel: "advisory",
    severity: "high",
    message: "disableLocalAuth is not set.",
    urn: deploymentUrn,
    exception: {
      status: "acknowledged",
      source: "config",
      reason: "Legacy client (SEC-7)",
      expires: "2027-01-31",
    },
  },
  {
    policy: "ai-deployment-lifecycle-retiring",
    enforcementLevel: "advisory",
    severity: "medium",
    message: "gpt-5-mini version 2025-08-07 retires soon.",
    urn: deploymentUrn,
  },
];

const config = [
  "config:",
  "  foundry-platform:environment: prod",
  "  foundry-platform:accounts:",
  "    - name: main",
  "      deployments:",
  "        - model: gpt-5-mini",
  "    - name: second",
  "      deployments:",
  "        - model: gpt-5",
  "        - model: gpt-5-mini",
  "  foundry-platform:gateway:",
  "    publisherEmail: a@contoso.com",
].join("\n");

const report: Report = {
  command: "check",
  stack: "prod",
  resources: [],
  violations,
  errors: [{ kind: "duplicate-urn", urn: accountUrn, message: "two resources share this URN" }],
  pack: { name: "foundry-platform", version: "0.1.0", policies: rules.length },
  rules,
  lifecycle: { asOf: "2026-12-03", windowDays: 90, findings: [] },
  cost: { currency: "USD", monthlyUsd: 0, items: [], unpriced: [] },
  policyConfig: { file: "policies/config/prod.json", reason: "the stack name 'prod'", levels: {} },
};

describe("SARIF report", () => {
  const text = sarifReport(report, { uri: "stacks/Pulumi.prod.yaml", text: config });
  const log = JSON.parse(text) as Sarif.Log;
  const run = log.runs[0];

  it("is valid SARIF 2.1.0 against the OASIS JSON schema", () => {
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, "2.1.0");
    // The validator does reject what the schema forbids (a level SARIF does not define).
    const broken = JSON.parse(text) as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = "critical";
    assert.equal(validate(broken), false);
  });

  it("describes every rule of the pack: description, help, severity as level and security-severity", () => {
    const rule = run.tool.driver.rules?.find((r) => r.id === "ai-account-disable-local-auth");
    assert.equal(rule?.shortDescription?.text, "AI accounts must disable local authentication.");
    assert.equal(rule?.fullDescription?.text, rules[0].description);
    assert.equal(rule?.help?.text, rules[0].remediationSteps);
    assert.equal(rule?.defaultConfiguration?.level, "error");
    assert.equal(rule?.properties?.["security-severity"], "8.0");
    const medium = run.tool.driver.rules?.find((r) => r.id === "ai-deployment-lifecycle-retiring");
    assert.equal(medium?.defaultConfiguration?.level, "warning");
  });

  it("levels results by enforcement: blocking is an error, advisory at most a warning, acknowledged a note", () => {
    const results = run.results ?? [];
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level]),
      [
        ["ai-account-disable-local-auth", "error"],
        ["ai-account-disable-local-auth", "note"],
        ["ai-deployment-lifecycle-retiring", "warning"],
        ["engine-duplicate-urn", "error"],
      ],
    );
    for (const r of results) {
      assert.equal(run.tool.driver.rules?.[r.ruleIndex as number]?.id, r.ruleId);
    }
  });

  it("records an acknowledged finding as an accepted suppression with its reason, never drops it", () => {
    const acknowledged = run.results?.[1];
    assert.deepEqual(acknowledged?.suppressions, [
      {
        kind: "external",
        status: "accepted",
        justification: "Legacy client (SEC-7) (expires 2027-01-31, from config)",
      },
    ]);
    assert.match(
      acknowledged?.message.text ?? "",
      /^\[acknowledged until 2027-01-31 \(config\): Legacy client/,
    );
    assert.equal(run.results?.[0].suppressions, undefined);
  });

  it("locates each result at the config entry that declares the resource, with its URN", () => {
    const [account, , deployment] = run.results ?? [];
    const where = (r: Sarif.Result | undefined) => r?.locations?.[0].physicalLocation;
    assert.equal(where(account)?.artifactLocation?.uri, "stacks/Pulumi.prod.yaml");
    assert.equal(where(account)?.region?.startLine, 7); // `- name: second`
    assert.equal(where(deployment)?.region?.startLine, 10); // second's `- model: gpt-5-mini`
    assert.equal(account?.locations?.[0].logicalLocations?.[0].fullyQualifiedName, accountUrn);
  });

  it("gives each result a stable fingerprint and the same report the same bytes", () => {
    const prints = (run.results ?? []).map((r) => r.partialFingerprints?.["foundryPlatformFinding/v1"]);
    assert.equal(new Set(prints).size, prints.length);
    assert.equal(sarifReport(report, { uri: "stacks/Pulumi.prod.yaml", text: config }), text);
  });
});

describe("config line finder", () => {
  const lineOf = configLineFinder(config);
  it("falls back to the top-level key of the resource's area, then to the config block", () => {
    assert.equal(lineOf("platform-gateway-apim", "azure-native:apimanagement:ApiManagementService"), 11);
    assert.equal(lineOf("platform-main", "azure-native:cognitiveservices:Account"), 4);
    assert.equal(lineOf("platform-rg", "azure-native:resources:ResourceGroup"), 1);
  });
});

describe("SARIF config warnings", () => {
  const warned: Report = {
    ...report,
    configWarnings: [
      { key: "foundry-platform:gateway.publisherEmail", message: "gateway.enabled is false, so …" },
      { key: "foundry-platform:accounts[1].deployments[0]", message: "an example warning on a list entry" },
      { key: "foundry-platform:network", message: "a key the file does not write" },
    ],
  };
  const log = JSON.parse(sarifReport(warned, { uri: "stacks/Pulumi.prod.yaml", text: config })) as Sarif.Log;
  const results = (log.runs[0].results ?? []).filter((r) => r.ruleId === "config-no-effect");

  it("is still valid SARIF, with a rule of its own, warnings never errors", () => {
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.equal(results.length, 3);
    assert.ok(results.every((r) => r.level === "warning"));
    const rule = log.runs[0].tool.driver.rules?.[results[0].ruleIndex as number];
    assert.equal(rule?.id, "config-no-effect");
  });

  it("locates each at its key's line, else the deepest part of it the file writes", () => {
    assert.deepEqual(
      results.map((r) => r.locations?.[0].physicalLocation?.region?.startLine),
      [12, 9, 1],
    );
  });
});
