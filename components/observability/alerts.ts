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
 * only (no percentiles), so the latency alert watches the window's average time to last byte per
 * deployment (`AzureOpenAITTLTInMS`: streaming and non-streaming, "applies to PTU, PTU-managed, and
 * Pay-as-you-go deployments"; Time to Response is documented for PTU only in some versions of the
 * page, so it is not used for alerts); the workbook shows p95 latency from the gateway's logs.
 *
 * Spillover (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/spillover-traffic-management):
 * a provisioned deployment with spillover still counts a 429 for every request it hands to its
 * standard deployment, so throttling alerts leave those deployments out and watch what callers
 * see instead (the gateway's 429s from backends); spillover itself has its own alert on the
 * `IsSpillover` dimension of Azure OpenAI Requests.
 */
import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { Tags } from "../common/tags";
import { AlertThresholds, defaultAlertThresholds } from "./settings";

/**
 * The Azure Monitor metric names this library alerts on, for `Microsoft.CognitiveServices/accounts`.
 * @internal
 */
export const aiAccountMetrics = {
  /** Provisioned-managed Utilization V2, percent of the deployment's PTUs (replaces the deprecated V1). */
  provisionedUtilization: "AzureOpenAIProvisionedManagedUtilizationV2",
  /** Azure OpenAI Requests, count; dimensions include `StatusCode` and `ModelDeploymentName`. */
  requests: "AzureOpenAIRequests",
  /** Time to Response, milliseconds until the first response token (Average, Minimum, Maximum). */
  timeToResponse: "AzureOpenAITimeToResponse",
  /** Time to Last Byte, milliseconds until the whole response; every deployment type. */
  timeToLastByte: "AzureOpenAITTLTInMS",
} as const;

/** What the alerts need to know of a deployment. */
export interface MonitoredDeployment {
  /** Deployment name. */
  readonly name: string;
  /** A provisioned (PTU) deployment. */
  readonly provisioned: boolean;
  /** It spills over to a standard deployment (`spilloverDeploymentName`). */
  readonly spillover: boolean;
}

/**
 * Metric namespace (resource type) of the AI account metrics.
 * @internal
 */
export const aiAccountMetricNamespace = "Microsoft.CognitiveServices/accounts";

/**
 * ISO 8601 duration of a number of minutes (`PT15M`, `PT1H`).
 * @internal
 */
export function isoMinutes(minutes: number): string {
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

/**
 * How often an alert with this window is evaluated (the shortest frequency Azure allows for it).
 * @internal
 */
export function evaluationFrequencyFor(windowMinutes: number): string {
  return isoMinutes(windowMinutes <= 5 ? 1 : 5);
}

/**
 * One metric alert on an AI account, as data.
 * @internal
 */
export interface MetricAlertSpec {
  /** Short name of the signal; part of the alert's logical and Azure names. */
  readonly signal: "ptu-utilization" | "throttling" | "spillover" | "latency" | "server-errors";
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

/** The deployments named (or every one, `*`, when the deployments are not known). */
function deploymentsDimension(names: readonly string[] | undefined) {
  return { name: "ModelDeploymentName", values: names ? [...names].sort() : ["*"] } as const;
}

/**
 * The metric alerts an AI account gets, with these thresholds. Given its deployments, the
 * PTU-utilization alert watches only provisioned ones (none: no alert), the throttling alert leaves
 * out provisioned deployments with spillover (their 429s are expected), and the spillover alert is
 * added when some deployment spills over. Without them every alert watches every deployment.
 * @internal
 */
export function aiAccountAlertSpecs(
  thresholds: AlertThresholds = {},
  deployments?: readonly MonitoredDeployment[],
): MetricAlertSpec[] {
  const t = { ...defaultAlertThresholds, ...thresholds };
  const provisioned = deployments?.filter((d) => d.provisioned).map((d) => d.name);
  const throttleWatched = deployments?.filter((d) => !(d.provisioned && d.spillover)).map((d) => d.name);
  const spilling = deployments?.filter((d) => d.provisioned && d.spillover).map((d) => d.name);
  const specs: MetricAlertSpec[] = [];
  if (provisioned === undefined || provisioned.length > 0) {
    specs.push({
      signal: "ptu-utilization",
      description: `A provisioned deployment used more than ${t.ptuUtilizationPercent}% of its PTUs on average over ${t.windowMinutes} minutes; at 100% it returns 429 (or spills over). Add PTUs or route overflow to a standard deployment (spillover).`,
      severity: 2,
      metricName: aiAccountMetrics.provisionedUtilization,
      timeAggregation: "Average",
      operator: "GreaterThan",
      threshold: t.ptuUtilizationPercent,
      dimensions: [deploymentsDimension(provisioned)],
    });
  }
  if (throttleWatched === undefined || throttleWatched.length > 0) {
    specs.push({
      signal: "throttling",
      description: `A deployment returned more than ${t.throttledRequests} throttled (429) responses in ${t.windowMinutes} minutes. Raise its capacity, spread load over regions, or limit the callers at the gateway. (Provisioned deployments with spillover are not watched: their 429s are handed to the standard deployment.)`,
      severity: 2,
      metricName: aiAccountMetrics.requests,
      timeAggregation: "Total",
      operator: "GreaterThan",
      threshold: t.throttledRequests,
      dimensions: [{ name: "StatusCode", values: ["429"] }, deploymentsDimension(throttleWatched)],
    });
  }
  if (spilling !== undefined && spilling.length > 0) {
    specs.push({
      signal: "spillover",
      description: `More than ${t.spilloverRequests} requests spilled over from provisioned to standard deployments in ${t.windowMinutes} minutes: the PTUs are full and the overflow is billed per token. Add PTUs if it lasts.`,
      severity: 3,
      metricName: aiAccountMetrics.requests,
      timeAggregation: "Total",
      operator: "GreaterThan",
      threshold: t.spilloverRequests,
      dimensions: [{ name: "IsSpillover", values: ["True"] }, perDeployment],
    });
  }
  specs.push(
    {
      signal: "latency",
      description: `A deployment's average time to last byte was above ${t.timeToLastByteMs} ms over ${t.windowMinutes} minutes.`,
      severity: 3,
      metricName: aiAccountMetrics.timeToLastByte,
      timeAggregation: "Average",
      operator: "GreaterThan",
      threshold: t.timeToLastByteMs,
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
  );
  return specs;
}

/**
 * Declares one metric alert on one resource.
 * @internal
 */
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
 * @internal
 */
export const tokenQuotaExhaustedQuery = [
  "ApiManagementGatewayLogs",
  "| where ResponseCode == 403",
  '| where LastErrorSource in~ ("llm-token-limit", "azure-openai-token-limit")',
  "| summarize RejectedRequests = count() by ApimSubscriptionId, ProductId",
].join("\n");

/**
 * The share of gateway requests answered with a 5xx, in percent, per API. Resource-centric over
 * ApiManagementGatewayLogs (https://learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewaylogs).
 * @internal
 */
export const gatewayServerErrorRateQuery = [
  "ApiManagementGatewayLogs",
  "| summarize Total = count(), Failed = countif(ResponseCode >= 500) by ApiId",
  "| where Total > 0",
  "| extend FailedPercent = 100.0 * Failed / Total",
].join("\n");

/**
 * Throttling callers saw: 429s the gateway returned because the model said 429 (after the pool and
 * the retries were used up). The teams' own token limits (429 from `llm-token-limit`, no backend
 * call) are left out: they are budgets, not capacity.
 * @internal
 */
export const gatewayThrottledCallersQuery = [
  "ApiManagementGatewayLogs",
  "| where ResponseCode == 429 and BackendResponseCode == 429",
  "| summarize ThrottledRequests = count() by ApiId",
].join("\n");

/**
 * Requests the gateway answered 503 itself, without calling a backend: every member of the pool
 * had its circuit breaker tripped ("When the circuit breaker trips, API Management ... returns 503
 * Service Unavailable", https://learn.microsoft.com/azure/api-management/backends).
 * @internal
 */
export const gatewayTrippedBackendsQuery = [
  "ApiManagementGatewayLogs",
  "| where ResponseCode == 503 and (isnull(BackendResponseCode) or BackendResponseCode == 0)",
  "| summarize UnservedRequests = count() by BackendId",
].join("\n");

/**
 * One log search alert on the gateway's logs, as data.
 * @internal
 */
export interface GatewayLogAlertSpec {
  /** Short name; part of the alert's logical and Azure names. */
  readonly signal: "token-quota" | "server-error-rate" | "throttled-callers" | "tripped-backends";
  readonly displayName: string;
  readonly description: string;
  readonly severity: 0 | 1 | 2 | 3 | 4;
  readonly query: string;
  readonly measureColumn: string;
  /** Total over the window, or the average of a percentage column. */
  readonly timeAggregation: "Total" | "Average";
  readonly threshold: number;
  readonly dimensions: readonly string[];
}

/**
 * The log search alerts the AI gateway gets, with these thresholds.
 * @internal
 */
export function gatewayAlertSpecs(thresholds: AlertThresholds = {}): GatewayLogAlertSpec[] {
  const t = { ...defaultAlertThresholds, ...thresholds };
  return [
    {
      signal: "token-quota",
      displayName: "Team out of token quota at the AI gateway",
      description:
        "A gateway subscription (team) was refused with 403 by the llm-token-limit policy: its token quota for the period is used up. Raise the team's quota or talk to the team about its usage.",
      severity: 2,
      query: tokenQuotaExhaustedQuery,
      measureColumn: "RejectedRequests",
      timeAggregation: "Total",
      threshold: 0,
      dimensions: ["ApimSubscriptionId", "ProductId"],
    },
    {
      signal: "server-error-rate",
      displayName: "AI gateway 5xx rate",
      description: `More than ${t.gatewayServerErrorPercent}% of the gateway's requests ended in a server error (5xx) over ${t.windowMinutes} minutes: callers are failing. Check the backends' health, the tripped-backends alert and the gateway's logs.`,
      severity: 1,
      query: gatewayServerErrorRateQuery,
      measureColumn: "FailedPercent",
      timeAggregation: "Average",
      threshold: t.gatewayServerErrorPercent,
      dimensions: ["ApiId"],
    },
    {
      signal: "throttled-callers",
      displayName: "Callers throttled by the models behind the AI gateway",
      description: `More than ${t.throttledRequests} calls got a 429 from the models after every deployment of their pool was tried, in ${t.windowMinutes} minutes. Add capacity (PTUs, standard quota, another region).`,
      severity: 2,
      query: gatewayThrottledCallersQuery,
      measureColumn: "ThrottledRequests",
      timeAggregation: "Total",
      threshold: t.throttledRequests,
      dimensions: ["ApiId"],
    },
    {
      signal: "tripped-backends",
      displayName: "AI gateway backends tripped",
      description:
        "The gateway answered 503 without calling a model: every deployment of a pool had its circuit breaker tripped. Look at the deployments' 429 and 5xx counts and their capacity.",
      severity: 1,
      query: gatewayTrippedBackendsQuery,
      measureColumn: "UnservedRequests",
      timeAggregation: "Total",
      threshold: 0,
      dimensions: ["BackendId"],
    },
  ];
}

/**
 * Declares one log search alert over the gateway's own logs.
 * @internal
 */
export function declareGatewayLogAlert(
  name: string,
  args: {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly ruleName: string;
    readonly location: pulumi.Input<string>;
    readonly gatewayResourceId: pulumi.Input<string>;
    readonly spec: GatewayLogAlertSpec;
    readonly windowMinutes: number;
    readonly actionGroupId: pulumi.Input<string>;
    readonly tags?: Tags;
  },
  opts: pulumi.CustomResourceOptions,
): monitor.ScheduledQueryRule {
  const { spec } = args;
  return new monitor.ScheduledQueryRule(
    name,
    {
      resourceGroupName: args.resourceGroupName,
      ruleName: args.ruleName,
      location: args.location,
      kind: "LogAlert",
      displayName: spec.displayName,
      description: spec.description,
      severity: spec.severity,
      enabled: true,
      autoMitigate: true,
      // Resource-centric: the query runs over the gateway's own logs, wherever they are sent.
      scopes: [args.gatewayResourceId],
      evaluationFrequency: evaluationFrequencyFor(args.windowMinutes),
      windowSize: isoMinutes(args.windowMinutes),
      criteria: {
        allOf: [
          {
            query: spec.query,
            timeAggregation: spec.timeAggregation,
            metricMeasureColumn: spec.measureColumn,
            operator: "GreaterThan",
            threshold: spec.threshold,
            dimensions: spec.dimensions.map((d) => ({ name: d, operator: "Include", values: ["*"] })),
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
