/**
 * Alert definitions for the platform: metric alerts on every AI account and a log search alert on
 * the AI gateway's logs. The definitions are pure data; `declare*` functions turn them into
 * resources.
 *
 * Metric names are the "Name in REST API" column of "Supported metrics for
 * Microsoft.CognitiveServices/accounts"
 * (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-cognitiveservices-accounts-metrics)
 * and of the Azure OpenAI monitoring data reference
 * (https://learn.microsoft.com/azure/ai-foundry/openai/monitor-openai-reference). The legacy
 * "Cognitive Services - HTTP Requests" metrics (`ServerErrors`, `Latency`, `BlockedCalls`) are marked
 * "do not use for Azure OpenAI" there, so the alerts use the Azure OpenAI metrics instead.
 *
 * Azure Monitor metric alerts aggregate a window with Average, Minimum, Maximum, Total or Count
 * only (no percentiles), so the latency alert watches the window's average time to response per
 * deployment; the workbook shows p95 latency from the gateway's per-request logs.
 */
import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { Tags } from "../common/tags";
import { AlertThresholds, defaultAlertThresholds } from "./settings";

/** The Azure Monitor metric names this library alerts on, for `Microsoft.CognitiveServices/accounts`. */
export const aiAccountMetrics = {
  /** Provisioned-managed Utilization V2, percent of the deployment's PTUs (replaces the deprecated V1). */
  provisionedUtilization: "AzureOpenAIProvisionedManagedUtilizationV2",
  /** Azure OpenAI Requests, count; dimensions include `StatusCode` and `ModelDeploymentName`. */
  requests: "AzureOpenAIRequests",
  /** Time to Response, milliseconds until the first response token (Average, Minimum, Maximum). */
  timeToResponse: "AzureOpenAITimeToResponse",
} as const;

/** Metric namespace (resource type) of the AI account metrics. */
export const aiAccountMetricNamespace = "Microsoft.CognitiveServices/accounts";

/** ISO 8601 duration of a number of minutes (`PT15M`, `PT1H`). */
export function isoMinutes(minutes: number): string {
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/** How often an alert with this window is evaluated (the shortest frequency Azure allows for it). */
export function evaluationFrequencyFor(windowMinutes: number): string {
  return isoMinutes(windowMinutes <= 5 ? 1 : 5);
}

/** One metric alert on an AI account, as data. */
export interface MetricAlertSpec {
  /** Short name of the signal; part of the alert's logical and Azure names. */
  readonly signal: "ptu-utilization" | "throttling" | "latency" | "server-errors";
  readonly description: string;
  /** 0 critical … 4 verbose. */
  readonly severity: 0 | 1 | 2 | 3 | 4;
  readonly metricName: string;
  readonly timeAggregation: "Average" | "Total" | "Maximum";
  readonly operator: "GreaterThan";
  readonly threshold: number;
  readonly dimensions: readonly { readonly name: string; readonly values: readonly string[] }[];
}

/** One time series per deployment: the alert fires for the deployment that crosses the threshold. */
const perDeployment = { name: "ModelDeploymentName", values: ["*"] } as const;

/** The metric alerts every AI account gets, with these thresholds. */
export function aiAccountAlertSpecs(thresholds: AlertThresholds = {}): MetricAlertSpec[] {
  const t = { ...defaultAlertThresholds, ...thresholds };
  return [
    {
      signal: "ptu-utilization",
      description: `A provisioned deployment used more than ${t.ptuUtilizationPercent}% of its PTUs on average over ${t.windowMinutes} minutes; at 100% it returns 429. Add PTUs or route overflow to a standard deployment (spillover).`,
      severity: 2,
      metricName: aiAccountMetrics.provisionedUtilization,
      timeAggregation: "Average",
      operator: "GreaterThan",
      threshold: t.ptuUtilizationPercent,
      dimensions: [perDeployment],
    },
    {
      signal: "throttling",
      description: `A deployment returned more than ${t.throttledRequests} throttled (429) responses in ${t.windowMinutes} minutes. Raise its capacity, spread load over regions, or limit the callers at the gateway.`,
      severity: 2,
      metricName: aiAccountMetrics.requests,
      timeAggregation: "Total",
      operator: "GreaterThan",
      threshold: t.throttledRequests,
      dimensions: [{ name: "StatusCode", values: ["429"] }, perDeployment],
    },
    {
      signal: "latency",
      description: `A deployment's average time to response was above ${t.timeToResponseMs} ms over ${t.windowMinutes} minutes.`,
      severity: 3,
      metricName: aiAccountMetrics.timeToResponse,
      timeAggregation: "Average",
      operator: "GreaterThan",
      threshold: t.timeToResponseMs,
      dimensions: [perDeployment],
    },
    {
      signal: "server-errors",
      description: `A deployment returned more than ${t.serverErrors} server errors (5xx) in ${t.windowMinutes} minutes.`,
      severity: 1,
      metricName: aiAccountMetrics.requests,
      timeAggregation: "Total",
      operator: "GreaterThan",
      threshold: t.serverErrors,
      dimensions: [{ name: "StatusCode", values: ["500", "502", "503", "504"] }, perDeployment],
    },
  ];
}

/** Declares one metric alert on one resource. */
export function declareMetricAlert(
  name: string,
  args: {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly ruleName: string;
    readonly scope: pulumi.Input<string>;
    readonly spec: MetricAlertSpec;
    readonly windowMinutes: number;
    readonly actionGroupId: pulumi.Input<string>;
    readonly tags?: Tags;
  },
  opts: pulumi.CustomResourceOptions,
): monitor.MetricAlert {
  const { spec } = args;
  return new monitor.MetricAlert(
    name,
    {
      resourceGroupName: args.resourceGroupName,
      ruleName: args.ruleName,
      location: "global",
      description: spec.description,
      severity: spec.severity,
      enabled: true,
      autoMitigate: true,
      scopes: [args.scope],
      evaluationFrequency: evaluationFrequencyFor(args.windowMinutes),
      windowSize: isoMinutes(args.windowMinutes),
      criteria: {
        odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
        allOf: [
          {
            criterionType: "StaticThresholdCriterion",
            name: spec.signal,
            metricNamespace: aiAccountMetricNamespace,
            metricName: spec.metricName,
            timeAggregation: spec.timeAggregation,
            operator: spec.operator,
            threshold: spec.threshold,
            dimensions: spec.dimensions.map((d) => ({
              name: d.name,
              operator: "Include",
              values: [...d.values],
            })),
          },
        ],
      },
      actions: [{ actionGroupId: args.actionGroupId }],
      tags: args.tags,
    },
    opts,
  );
}

/**
 * The `llm-token-limit` policy (and its older name `azure-openai-token-limit`) answers 403 when a
 * counter key exhausts its `token-quota`, and 429 when it exceeds `tokens-per-minute`
 * (https://learn.microsoft.com/azure/api-management/llm-token-limit-policy). The gateway log
 * records the policy that stopped a request in `LastErrorSource` (ApiManagementGatewayLogs,
 * https://learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewaylogs).
 * A team is the gateway subscription (`ApimSubscriptionId`) its app calls with.
 */
export const tokenQuotaExhaustedQuery = [
  "ApiManagementGatewayLogs",
  "| where ResponseCode == 403",
  '| where LastErrorSource in~ ("llm-token-limit", "azure-openai-token-limit")',
  "| summarize RejectedRequests = count() by ApimSubscriptionId, ProductId",
].join("\n");

/** Declares the log search alert that fires once per team (gateway subscription) out of token quota. */
export function declareTokenQuotaAlert(
  name: string,
  args: {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly ruleName: string;
    readonly location: pulumi.Input<string>;
    readonly gatewayResourceId: pulumi.Input<string>;
    readonly windowMinutes: number;
    readonly actionGroupId: pulumi.Input<string>;
    readonly tags?: Tags;
  },
  opts: pulumi.CustomResourceOptions,
): monitor.ScheduledQueryRule {
  return new monitor.ScheduledQueryRule(
    name,
    {
      resourceGroupName: args.resourceGroupName,
      ruleName: args.ruleName,
      location: args.location,
      kind: "LogAlert",
      displayName: "Team out of token quota at the AI gateway",
      description:
        "A gateway subscription (team) was refused with 403 by the llm-token-limit policy: its token quota for the period is used up. Raise the team's quota or talk to the team about its usage.",
      severity: 2,
      enabled: true,
      autoMitigate: true,
      // Resource-centric: the query runs over the gateway's own logs, wherever they are sent.
      scopes: [args.gatewayResourceId],
      evaluationFrequency: evaluationFrequencyFor(args.windowMinutes),
      windowSize: isoMinutes(args.windowMinutes),
      criteria: {
        allOf: [
          {
            query: tokenQuotaExhaustedQuery,
            timeAggregation: "Total",
            metricMeasureColumn: "RejectedRequests",
            operator: "GreaterThan",
            threshold: 0,
            dimensions: [
              { name: "ApimSubscriptionId", operator: "Include", values: ["*"] },
              { name: "ProductId", operator: "Include", values: ["*"] },
            ],
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 },
          },
        ],
      },
      actions: { actionGroups: [args.actionGroupId] },
      tags: args.tags,
    },
    opts,
  );
}
