import { strict as assert } from "node:assert";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { isSecretValue } from "../../cli/wire";
import { WireValue } from "../../cli/model";
import { aiAccountMetrics, tokenQuotaExhaustedQuery } from "../../components/observability/alerts";
import {
  actionGroupShortName,
  Observability,
  ObservabilityArgs,
  observabilityProblems,
} from "../../components/observability/observability";
import { capture, captureErrors, hasAncestor, ofType, prop, typeToken } from "../helpers/mocks";

const types = {
  component: "foundry-platform:index:Observability",
  workspace: typeToken(operationalinsights.Workspace),
  appInsights: typeToken(applicationinsights.Component),
  workbook: typeToken(applicationinsights.Workbook),
  actionGroup: typeToken(monitor.ActionGroup),
  diagnostic: typeToken(monitor.DiagnosticSetting),
  metricAlert: typeToken(monitor.MetricAlert),
  logAlert: typeToken(monitor.ScheduledQueryRule),
};

const sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers";
const accountId = (n: string) => `${sub}/Microsoft.CognitiveServices/accounts/aif-test-${n}`;
const gatewayId = `${sub}/Microsoft.ApiManagement/service/apim-test-dev-sdc`;
const workspaceId = `${sub}/Microsoft.OperationalInsights/workspaces/log-test-dev-sdc`;
const actionGroupId = `${sub}/Microsoft.Insights/actionGroups/ag-test-dev-sdc`;

const base: ObservabilityArgs = {
  tags: { environment: "dev", owner: "team@contoso.com", costCenter: "CC-1" },
  resourceGroupName: "rg-test",
  naming: { workload: "test", environment: "dev", region: "swedencentral" },
  monitoredResources: [
    { name: "main", kind: "aiAccount", resourceId: accountId("main") },
    { name: "second", kind: "aiAccount", resourceId: accountId("second") },
  ],
};

const withGateway: ObservabilityArgs = {
  ...base,
  monitoredResources: [
    ...base.monitoredResources,
    { name: "gateway", kind: "apiManagement", resourceId: gatewayId },
  ],
};

/** The alert's only criterion. */
function criterion(alert: { inputs: Record<string, WireValue> }): Record<string, WireValue> {
  const all = prop(alert.inputs, "criteria", "allOf") as Record<string, WireValue>[];
  assert.equal(all.length, 1);
  return all[0];
}

describe("Observability", () => {
  it("creates a workspace with the retention asked for and workspace-based Application Insights", async () => {
    const resources = await capture(() => new Observability("obs", { ...base, retentionInDays: 90 }));
    const [workspace] = ofType(resources, types.workspace);
    assert.equal(workspace.inputs.workspaceName, "log-test-dev-sdc");
    assert.equal(workspace.inputs.retentionInDays, 90);
    assert.deepEqual(workspace.inputs.sku, { name: "PerGB2018" });
    assert.equal(prop(workspace.inputs, "features", "disableLocalAuth"), true);
    assert.equal(workspace.inputs.workspaceCapping, undefined);
    const [appi] = ofType(resources, types.appInsights);
    assert.equal(appi.inputs.workspaceResourceId, workspaceId);
    assert.equal(appi.inputs.ingestionMode, "LogAnalytics");
    assert.equal(appi.inputs.resourceName, "appi-test-dev-sdc");
  });

  it("defaults to 30 days and applies a daily cap when given", async () => {
    const resources = await capture(() => new Observability("obs", { ...base, dailyCapGb: 2 }));
    const [workspace] = ofType(resources, types.workspace);
    assert.equal(workspace.inputs.retentionInDays, 30);
    assert.deepEqual(workspace.inputs.workspaceCapping, { dailyQuotaGb: 2 });
  });

  it("sends allLogs and AllMetrics of every account and of the gateway to the workspace", async () => {
    const resources = await capture(() => new Observability("obs", withGateway));
    const settings = ofType(resources, types.diagnostic);
    assert.deepEqual(
      settings.map((s) => s.inputs.resourceUri).sort(),
      [accountId("main"), accountId("second"), gatewayId].sort(),
    );
    for (const s of settings) {
      assert.equal(s.inputs.workspaceId, workspaceId);
      assert.deepEqual(s.inputs.logs, [{ categoryGroup: "allLogs", enabled: true }]);
      assert.deepEqual(s.inputs.metrics, [{ category: "AllMetrics", enabled: true }]);
    }
    assert.deepEqual(settings.map((s) => s.name).sort(), [
      "obs-gateway-diag-0",
      "obs-main-diag-0",
      "obs-second-diag-0",
    ]);
  });

  it("collects only the audit category group when asked", async () => {
    const resources = await capture(() => new Observability("obs", { ...base, logCategoryGroup: "audit" }));
    for (const s of ofType(resources, types.diagnostic)) {
      assert.deepEqual(s.inputs.logs, [{ categoryGroup: "audit", enabled: true }]);
    }
  });

  it("notifies email and webhook receivers, keeping webhook URLs secret", async () => {
    const url = "https://contoso.webhook.office.com/hook/abc?token=s3cr3t";
    const resources = await capture(
      () =>
        new Observability("obs", {
          ...base,
          notifications: {
            emails: ["platform-team@contoso.com", "oncall@contoso.com"],
            webhooks: [{ name: "teams", serviceUri: url }],
          },
        }),
    );
    const [group] = ofType(resources, types.actionGroup);
    assert.equal(group.inputs.actionGroupName, "ag-test-dev-sdc");
    assert.equal(group.inputs.groupShortName, "test-d");
    assert.equal(group.inputs.location, "Global");
    assert.deepEqual(group.inputs.emailReceivers, [
      { emailAddress: "platform-team@contoso.com", name: "email-0", useCommonAlertSchema: true },
      { emailAddress: "oncall@contoso.com", name: "email-1", useCommonAlertSchema: true },
    ]);
    const [hook] = group.inputs.webhookReceivers as Record<string, WireValue>[];
    assert.equal(hook.name, "webhook-teams");
    assert.ok(
      isSecretValue(hook.serviceUri),
      `serviceUri is not a secret: ${JSON.stringify(hook.serviceUri)}`,
    );
    assert.equal(prop(hook.serviceUri, "value"), url);
  });

  it("alerts on PTU utilization, throttling, time to response and server errors of every account", async () => {
    const resources = await capture(() => new Observability("obs", withGateway));
    const alerts = ofType(resources, types.metricAlert);
    assert.equal(alerts.length, 8);
    for (const account of ["main", "second"]) {
      const signals = ["ptu-utilization", "throttling", "latency", "server-errors"];
      const mine = signals.map((signal) => {
        const found = alerts.find((a) => a.inputs.ruleName === `alert-test-dev-sdc-${account}-${signal}`);
        assert.ok(found, `no ${signal} alert for ${account}`);
        assert.equal(found.name, `obs-${account}-${signal}`);
        return found;
      });
      for (const a of mine) {
        assert.deepEqual(a.inputs.scopes, [accountId(account)]);
        assert.deepEqual(a.inputs.actions, [{ actionGroupId }]);
        assert.equal(a.inputs.windowSize, "PT15M");
        assert.equal(a.inputs.evaluationFrequency, "PT5M");
        assert.equal(a.inputs.location, "global");
        assert.equal(
          prop(a.inputs, "criteria", "odataType"),
          "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
        );
        assert.equal(criterion(a).metricNamespace, "Microsoft.CognitiveServices/accounts");
      }
      const [ptu, throttling, latency, serverErrors] = mine.map(criterion);
      assert.deepEqual(
        [ptu.metricName, ptu.timeAggregation, ptu.operator, ptu.threshold],
        [aiAccountMetrics.provisionedUtilization, "Average", "GreaterThan", 90],
      );
      assert.equal(ptu.metricName, "AzureOpenAIProvisionedManagedUtilizationV2");
      assert.deepEqual(
        [throttling.metricName, throttling.timeAggregation, throttling.threshold],
        ["AzureOpenAIRequests", "Total", 10],
      );
      assert.deepEqual(throttling.dimensions, [
        { name: "StatusCode", operator: "Include", values: ["429"] },
        { name: "ModelDeploymentName", operator: "Include", values: ["*"] },
      ]);
      assert.deepEqual(
        [latency.metricName, latency.timeAggregation, latency.threshold],
        [aiAccountMetrics.timeToLastByte, "Average", 30000],
      );
      assert.deepEqual(
        [serverErrors.metricName, prop(serverErrors, "dimensions", "0", "values")],
        ["AzureOpenAIRequests", ["500", "502", "503", "504"]],
      );
    }
  });

  it("applies custom thresholds and window", async () => {
    const resources = await capture(
      () =>
        new Observability("obs", {
          ...base,
          monitoredResources: [base.monitoredResources[0]],
          alerts: {
            ptuUtilizationPercent: 75,
            throttledRequests: 0,
            timeToLastByteMs: 4000,
            serverErrors: 1,
            windowMinutes: 60,
          },
        }),
    );
    const alerts = ofType(resources, types.metricAlert);
    assert.deepEqual(Object.fromEntries(alerts.map((a) => [criterion(a).name, criterion(a).threshold])), {
      "ptu-utilization": 75,
      throttling: 0,
      latency: 4000,
      "server-errors": 1,
    });
    assert.ok(alerts.every((a) => a.inputs.windowSize === "PT1H" && a.inputs.evaluationFrequency === "PT5M"));
  });

  it("alerts per team out of token quota on the gateway's logs, after its diagnostic setting", async () => {
    const resources = await capture(() => new Observability("obs", withGateway));
    const logAlerts = ofType(resources, types.logAlert);
    assert.deepEqual(logAlerts.map((a) => a.name).sort(), [
      "obs-gateway-server-error-rate",
      "obs-gateway-throttled-callers",
      "obs-gateway-token-quota",
      "obs-gateway-tripped-backends",
    ]);
    const rule = logAlerts.find((a) => a.name === "obs-gateway-token-quota");
    assert.ok(rule);
    assert.equal(rule.inputs.kind, "LogAlert");
    assert.deepEqual(rule.inputs.scopes, [gatewayId]);
    assert.deepEqual(rule.inputs.actions, { actionGroups: [actionGroupId] });
    const c = criterion(rule);
    assert.equal(c.query, tokenQuotaExhaustedQuery);
    assert.match(String(c.query), /^ApiManagementGatewayLogs\n/);
    assert.match(String(c.query), /ResponseCode == 403/);
    assert.match(String(c.query), /LastErrorSource in~ \("llm-token-limit", "azure-openai-token-limit"\)/);
    assert.deepEqual(
      [c.metricMeasureColumn, c.timeAggregation, c.operator, c.threshold],
      ["RejectedRequests", "Total", "GreaterThan", 0],
    );
    assert.deepEqual(prop(c, "dimensions", "0"), {
      name: "ApimSubscriptionId",
      operator: "Include",
      values: ["*"],
    });
    const gatewayDiag = ofType(resources, types.diagnostic).find((d) => d.inputs.resourceUri === gatewayId);
    assert.ok(gatewayDiag && logAlerts.every((a) => a.options.dependsOn.includes(gatewayDiag.urn)));
  });

  it("has no gateway alert or gateway panels without a gateway", async () => {
    const resources = await capture(() => new Observability("obs", base));
    assert.equal(ofType(resources, types.logAlert).length, 0);
    const [workbook] = ofType(resources, types.workbook);
    assert.doesNotMatch(String(workbook.inputs.serializedData), /ApiManagementGatewayLogs/);
  });

  it("builds a workbook of tokens by team and model, throttling, PTU utilization and latency", async () => {
    const resources = await capture(() => new Observability("obs", withGateway));
    const [workbook] = ofType(resources, types.workbook);
    assert.equal(workbook.inputs.sourceId, workspaceId);
    assert.equal(workbook.inputs.kind, "shared");
    assert.match(
      String(workbook.inputs.resourceName),
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const doc = JSON.parse(String(workbook.inputs.serializedData)) as {
      version: string;
      items: { name: string; type: number; content: Record<string, unknown> }[];
    };
    assert.equal(doc.version, "Notebook/1.0");
    const names = doc.items.map((i) => i.name);
    for (const n of [
      "tokens-by-model",
      "tokens-by-team",
      "requests-by-status",
      "gateway-throttling",
      "ptu-utilization",
      "time-to-response",
      "gateway-latency",
    ]) {
      assert.ok(names.includes(n), `missing ${n}: ${names.join(", ")}`);
    }
    const item = (n: string) => doc.items.find((i) => i.name === n)?.content ?? {};
    assert.deepEqual(item("ptu-utilization").resourceIds, [accountId("main"), accountId("second")]);
    assert.match(
      JSON.stringify(item("ptu-utilization").metrics),
      /AzureOpenAIProvisionedManagedUtilizationV2/,
    );
    assert.match(
      String(item("tokens-by-team").query),
      /ApiManagementGatewayLlmLog[\s\S]*Team = ApimSubscriptionId[\s\S]*by Team, ModelName/,
    );
    assert.match(String(item("gateway-latency").query), /percentile\(TotalTime, 95\)/);
    assert.deepEqual(item("tokens-by-team").crossComponentResources, [workspaceId]);
  });

  it("parents every resource under the component and keeps the same plan for the same args", async () => {
    const first = await capture(() => new Observability("obs", withGateway));
    const [component] = ofType(first, types.component);
    assert.ok(first.every((r) => r === component || hasAncestor(first, r, component.urn)));
    const second = await capture(() => new Observability("obs", withGateway));
    const byUrn = (rs: typeof first) => Object.fromEntries(rs.map((r) => [r.urn, r.inputs]));
    assert.deepEqual(byUrn(second), byUrn(first));
  });

  it("reports every problem with the arguments at once", async () => {
    const bad: ObservabilityArgs = {
      ...withGateway,
      retentionInDays: 7,
      dailyCapGb: 0,
      monitoredResources: [
        ...withGateway.monitoredResources,
        { name: "main", kind: "aiAccount", resourceId: accountId("x") },
        { name: "Gateway 2", kind: "apiManagement", resourceId: gatewayId },
      ],
      notifications: {
        webhooks: [
          { name: "ops", serviceUri: "https://a" },
          { name: "ops", serviceUri: "https://b" },
        ],
      },
      alerts: { ptuUtilizationPercent: 120, throttledRequests: 1.5 },
    };
    const problems = observabilityProblems(bad);
    for (const expected of [
      /retentionInDays is 7; allowed: a whole number of days from 30 to 730/,
      /dailyCapGb is 0/,
      /monitored resource 'main' is listed twice/,
      /monitored resource name 'Gateway 2' is not allowed/,
      /2 API Management instances are monitored \(gateway, Gateway 2\)/,
      /webhook 'ops' is listed twice/,
      /alerts.ptuUtilizationPercent is 120/,
      /alerts.throttledRequests is 1.5/,
    ]) {
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${expected} not in:\n${problems.join("\n")}`,
      );
    }
    const errors = await captureErrors(() => new Observability("obs", bad));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^Observability 'obs': retentionInDays is 7/);
  });

  it("derives a short name Azure accepts (at most 12 characters)", () => {
    for (const environment of ["dev", "staging", "prod"]) {
      const short = actionGroupShortName({ workload: "averylongname", environment, region: "eastus2" });
      assert.ok(short.length <= 12, short);
    }
  });
});
