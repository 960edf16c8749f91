/**
 * The reports a reviewer reads: the Markdown PR summary (violations first with how to fix them,
 * config keys without effect, per account the deployments, per gateway the teams, short for large
 * stacks) and config warnings in every format. Built from resources shaped as the program records
 * them (the team policy from the gateway's own builder), without running a plan.
 */
import { strict as assert } from "node:assert";
import type * as Sarif from "sarif";
import { PolicyInfo } from "../../cli/analyzer/client";
import { PlannedResource, Violation } from "../../cli/model";
import { deploymentRows, teamRows } from "../../cli/report/inventory";
import { jsonDocument } from "../../cli/report/json";
import { markdownReport, maxMarkdownChars } from "../../cli/report/markdown";
import { Report } from "../../cli/report/report";
import { sarifReport } from "../../cli/report/sarif";
import { textReport } from "../../cli/report/text";
import { teamProductPolicy } from "../../components/gateway/xml/documents";

const stack = "urn:pulumi:prod::foundry-platform::";
const accountType = "azure-native:cognitiveservices:Account";

function resource(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  parent?: string,
): PlannedResource {
  return {
    urn: `${stack}${type}::${name}`,
    type,
    name,
    custom: true,
    ...(parent ? { parent } : {}),
    inputs: inputs as PlannedResource["inputs"],
    outputs: inputs as PlannedResource["outputs"],
    options: { protect: false, retainOnDelete: false, dependsOn: [] },
    propertyDependencies: {},
  };
}

function account(name: string, location: string): PlannedResource {
  return resource(accountType, `platform-${name}`, { accountName: `aif-contoso-prod-${name}`, location });
}

function deployment(
  accountName: string,
  name: string,
  model: string,
  type: string,
  capacity: number,
  extra: { spillover?: string; canaryOf?: string; protect?: boolean } = {},
): PlannedResource {
  const r = resource(
    "azure-native:cognitiveservices:Deployment",
    `platform-${accountName}-${name}`,
    {
      accountName: `aif-contoso-prod-${accountName}`,
      deploymentName: name,
      properties: {
        model: { format: "OpenAI", name: model, version: "2026-03-05" },
        versionUpgradeOption: "OnceCurrentVersionExpired",
        ...(extra.spillover ? { spilloverDeploymentName: extra.spillover } : {}),
      },
      sku: { name: type, capacity },
      tags: extra.canaryOf ? { canaryOf: extra.canaryOf } : {},
    },
    `${stack}${accountType}::platform-${accountName}`,
  );
  return { ...r, options: { ...r.options, protect: extra.protect ?? false } };
}

function team(
  name: string,
  allowedModels: string[],
  tokensPerMinute: number,
  tokenQuota: number,
): PlannedResource[] {
  const common = { serviceName: "apim-contoso-prod", productId: `team-${name}` };
  return [
    resource("azure-native:apimanagement:Product", `platform-gateway-team-${name}`, common),
    resource("azure-native:apimanagement:ProductPolicy", `platform-gateway-team-${name}-policy`, {
      ...common,
      format: "xml",
      value: teamProductPolicy({
        team: name,
        allowedModels,
        allowedNames: allowedModels,
        tokensPerMinute,
        tokenQuota,
      }),
    }),
  ];
}

const canaryBackend = resource(
  "azure-native:apimanagement:Backend",
  "platform-gateway-backend-main-gpt-5-4-canary",
  {
    backendId: "main-gpt-5-4-canary",
    url: "https://aif-contoso-prod-main.cognitiveservices.azure.com/openai/deployments/gpt-5.4-canary",
  },
);
const pool = resource("azure-native:apimanagement:Backend", "platform-gateway-pool-gpt-5-4", {
  backendId: "pool-gpt-5-4",
  pool: {
    services: [
      {
        id: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/main-gpt-5-4",
        priority: 1,
        weight: 90,
      },
      {
        id: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim/backends/main-gpt-5-4-canary",
        priority: 1,
        weight: 10,
      },
    ],
  },
});

const resources: PlannedResource[] = [
  account("main", "swedencentral"),
  deployment("main", "gpt-5.4", "gpt-5.4", "GlobalStandard", 150),
  deployment("main", "gpt-5.4-ptu", "gpt-5.4", "GlobalProvisionedManaged", 15, {
    spillover: "gpt-5.4",
    protect: true,
  }),
  deployment("main", "gpt-5.4-canary", "gpt-5.5", "GlobalStandard", 150, { canaryOf: "gpt-5.4" }),
  deployment("main", "gpt-5.4-batch", "gpt-5.4", "GlobalBatch", 100),
  canaryBackend,
  pool,
  ...team("assistants", ["gpt-5.4", "gpt-5.4-mini"], 100000, 2000000000),
];

const rules: PolicyInfo[] = [
  {
    name: "ai-account-disable-local-auth",
    description: "AI accounts must disable local authentication.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Set `properties.disableLocalAuth: true`.",
  },
  {
    name: "apim-api-defender",
    description: "APIs should be onboarded to Defender for APIs.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Enable the Defender for APIs plan.",
  },
];

const violations: Violation[] = [
  {
    policy: "ai-account-disable-local-auth",
    enforcementLevel: "mandatory",
    severity: "high",
    message: "disableLocalAuth is false.",
    urn: resources[0].urn,
  },
  {
    policy: "apim-api-defender",
    enforcementLevel: "advisory",
    severity: "medium",
    message: "not onboarded.",
    urn: "",
  },
];

function reportOf(rs: readonly PlannedResource[], extra: Partial<Report> = {}): Report {
  return {
    command: "plan",
    stack: "prod",
    resources: rs,
    violations,
    errors: [],
    pack: { name: "foundry-platform", version: "0.1.0", policies: rules.length },
    rules,
    lifecycle: { asOf: "2026-12-03", windowDays: 90, findings: [] },
    cost: { currency: "USD", monthlyUsd: 0, items: [], unpriced: [] },
    policyConfig: { file: "policies/config/prod.json", reason: "the stack name 'prod'", levels: {} },
    ...extra,
  };
}

const warnings = [
  {
    key: "foundry-platform:gateway",
    message:
      "gateway.enabled is not set and defaults to false in dev, so nothing of this section is deployed",
  },
];

describe("the PR summary (--markdown)", () => {
  const md = markdownReport(reportOf(resources, { configWarnings: warnings }));
  const at = (text: string) => {
    const i = md.indexOf(text);
    assert.ok(i >= 0, `'${text}' in:\n${md}`);
    return i;
  };

  it("puts violations first, with how to fix each rule collapsed, then config warnings, then what it deploys", () => {
    assert.ok(at("#### ❌ Violations: 1 mandatory, 1 advisory") < at("#### ⚠️ 1 config key has no effect"));
    assert.ok(at("#### ⚠️ 1 config key has no effect") < at("#### Model deployments"));
    assert.ok(at("#### Model deployments") < at("#### Gateway teams"));
    assert.ok(at("#### Gateway teams") < at("**Model lifecycle**"));
    assert.ok(at("**Model lifecycle**") < at("**Monthly cost estimate"));
    assert.match(
      md,
      /<details><summary>How to fix \(2 rules\)<\/summary>\n\n- `ai-account-disable-local-auth`: Set `properties\.disableLocalAuth: true`\.\n- `apim-api-defender`: Enable the Defender for APIs plan\./,
    );
    // The blocking finding is in the open; the advisory one is collapsed under it.
    assert.ok(
      at("| **mandatory** | high | `ai-account-disable-local-auth`") <
        at("<details><summary>1 advisory or acknowledged finding"),
    );
    assert.match(
      md,
      /- `foundry-platform:gateway`: gateway\.enabled is not set and defaults to false in dev/,
    );
    assert.match(md, /\*\*0\*\* errors · \*\*1\*\* config warnings · \*\*\$0\.00\*\*\/month/);
  });

  it("lists per account each deployment with model, version, type, capacity or PTUs, spillover, upgrade option and canary", () => {
    assert.match(
      md,
      /\*\*4 deployments in 1 account\*\*: 15 PTU provisioned · 300K TPM standard · 100 batch quota/,
    );
    assert.match(md, /\*\*`aif-contoso-prod-main` \(swedencentral\): 4 deployments, /);
    assert.match(
      md,
      /\| `gpt-5\.4-ptu` \| gpt-5\.4 \| 2026-03-05 \| GlobalProvisionedManaged \| 15 PTU \| `gpt-5\.4` \| OnceCurrentVersionExpired \| protected \|/,
    );
    assert.match(
      md,
      /\| `gpt-5\.4-canary` \| gpt-5\.5 \| 2026-03-05 \| GlobalStandard \| 150K TPM \| - \| OnceCurrentVersionExpired \| canary of `gpt-5\.4` \(10% of its traffic\) \|/,
    );
  });

  it("lists per gateway each team with its allow-list and token limits, read from the product policy", () => {
    assert.deepEqual(teamRows(resources), [
      {
        gateway: "apim-contoso-prod",
        team: "assistants",
        hasPolicy: true,
        allowedModels: ["gpt-5.4", "gpt-5.4-mini"],
        tokensPerMinute: 100000,
        tokenQuota: 2000000000,
        tokenQuotaPeriod: "Monthly",
      },
    ]);
    assert.match(md, /\| `assistants` \| gpt-5\.4, gpt-5\.4-mini \| 100,000 \| 2,000,000,000 \/ monthly \|/);
  });

  it("says when a team's limits cannot be read, instead of showing none", () => {
    const [product] = team("ops", ["gpt-5.4"], 1, 1);
    assert.deepEqual(teamRows([product]), [
      {
        gateway: "apim-contoso-prod",
        team: "ops",
        hasPolicy: false,
        allowedModels: undefined,
        tokensPerMinute: undefined,
        tokenQuota: undefined,
        tokenQuotaPeriod: undefined,
      },
    ]);
    assert.match(
      markdownReport(reportOf([product])),
      /\| `ops` \| \? \(no product policy in the stack\) \| \? \| \? \|/,
    );
    const unreadable = resource(
      "azure-native:apimanagement:ProductPolicy",
      "platform-gateway-team-ops-policy",
      {
        serviceName: "apim-contoso-prod",
        productId: "team-ops",
        value: "<policies><inbound><base /></inbound></policies>",
      },
    );
    assert.match(
      markdownReport(reportOf([product, unreadable])),
      /\| `ops` \| \? \(not readable from the product policy\) \| \? \| \? \|/,
    );
  });

  it("stays short for a large stack: collapsed accounts, a total line, long tables cut, under GitHub's limit", () => {
    const big: PlannedResource[] = [];
    for (let a = 0; a < 40; a++) {
      big.push(account(`acct${a}`, "eastus2"));
      for (let d = 0; d < 8; d++) {
        big.push(deployment(`acct${a}`, `model-${d}`, "gpt-5.4-mini", "GlobalStandard", 10));
      }
    }
    const items = big
      .filter((r) => r.type.endsWith(":Deployment"))
      .map((r) => ({ urn: r.urn, kind: "standard-deployment", monthlyUsd: 1, basis: "x".repeat(200) }));
    const text = markdownReport(
      reportOf(big, { cost: { currency: "USD", monthlyUsd: items.length, items, unpriced: [] } }),
    );
    assert.ok(text.length <= maxMarkdownChars, `${text.length} characters`);
    assert.match(text, /\*\*320 deployments in 40 accounts\*\*: 3,200K TPM standard/);
    assert.match(
      text,
      /<details><summary>`aif-contoso-prod-acct0` \(eastus2\): 8 deployments, 80K TPM standard<\/summary>/,
    );
    assert.doesNotMatch(text, /<details open><summary>Topology/);
    assert.match(
      text,
      /_Omitted to stay within GitHub's comment size: .*; the `--json` report has everything\._/,
    );
  });

  it("reads deployments wherever the account is, sorted by account and name", () => {
    assert.deepEqual(
      deploymentRows(resources).map((d) => [d.deployment, d.type, d.capacity, d.canary?.weightPercent]),
      [
        ["gpt-5.4", "GlobalStandard", 150, undefined],
        ["gpt-5.4-batch", "GlobalBatch", 100, undefined],
        ["gpt-5.4-canary", "GlobalStandard", 150, 10],
        ["gpt-5.4-ptu", "GlobalProvisionedManaged", 15, undefined],
      ],
    );
  });
});

describe("config warnings in every report", () => {
  const report = reportOf(resources, { configWarnings: warnings });

  it("text: a section at the top and a count in the last line; never failing", () => {
    const text = textReport(report);
    assert.ok(text.indexOf("Config warnings (1): these keys have no effect") < text.indexOf("platform-main"));
    assert.match(text, /^ {2}foundry-platform:gateway\n {6}gateway\.enabled is not set/m);
    assert.match(text, /^FAIL: .*, 0 errors, 1 config warning \(policy pack/m);
  });

  it("json: the list as is, and the count in the summary", () => {
    const doc = jsonDocument(report);
    assert.deepEqual(doc.configWarnings, warnings);
    assert.equal(doc.summary.configWarnings, 1);
    assert.deepEqual(jsonDocument(reportOf(resources)).configWarnings, []);
  });

  it("sarif: a warning result at the key's line, under a rule of its own", () => {
    const config = [
      "config:",
      "  foundry-platform:environment: dev",
      "  foundry-platform:gateway:",
      "    teams: []",
    ].join("\n");
    const log = JSON.parse(sarifReport(report, { uri: "stacks/Pulumi.dev.yaml", text: config })) as Sarif.Log;
    const result = log.runs[0].results?.find((r) => r.ruleId === "config-no-effect");
    assert.equal(result?.level, "warning");
    assert.equal(result?.locations?.[0].physicalLocation?.region?.startLine, 3);
    assert.match(result?.message.text ?? "", /^foundry-platform:gateway: gateway\.enabled is not set/);
    assert.ok(log.runs[0].tool.driver.rules?.some((r) => r.id === "config-no-effect"));
  });
});
