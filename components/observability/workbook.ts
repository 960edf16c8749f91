/**
 * The platform's Azure Monitor workbook (`Notebook/1.0` JSON): tokens by team and model,
 * throttling, PTU utilization and latency. Built as plain data from resource ids, so it is
 * unit-testable and the same inputs give the same bytes.
 *
 * Item shapes follow workbooks exported from the portal (Microsoft/Application-Insights-Workbooks
 * schema): type 1 text, 3 log query (`KqlItem/1.0`), 9 parameters, 10 metrics (`MetricsItem/2.0`,
 * metric ids `<namespace>-<category>-<metric>`, aggregation 1 = sum, 4 = average).
 */
import { aiAccountMetrics } from "./alerts";
import { ChargebackSpec, teamSpendQuery } from "./chargeback";
import { evaluationSampleQuery } from "./eval-sample-query";

export interface WorkbookInputs {
  /** Heading shown at the top. */
  readonly title: string;
  /** Resource id of the Log Analytics workspace the logs go to. */
  readonly workspaceResourceId: string;
  /** Resource ids of the AI accounts. */
  readonly aiAccountResourceIds: readonly string[];
  /** Resource id of the AI gateway (API Management), when there is one. */
  readonly gatewayResourceId?: string;
  /**
   * Prices and quotas for the spend-per-team panel (needs the gateway's token metrics in
   * workspace-based Application Insights).
   * @default - no spend panel
   */
  readonly chargeback?: ChargebackSpec;
}

type Item = Record<string, unknown>;

const accountsType = "microsoft.cognitiveservices/accounts";

function text(name: string, markdown: string): Item {
  return { type: 1, name, content: { json: markdown } };
}

function metricsChart(
  name: string,
  title: string,
  resourceIds: readonly string[],
  metric: { category: string; name: string; aggregation: 1 | 4 },
  splitBy: string,
): Item {
  return {
    type: 10,
    name,
    customWidth: "50",
    content: {
      version: "MetricsItem/2.0",
      title,
      size: 0,
      chartType: 2,
      resourceType: accountsType,
      metricScope: 0,
      resourceIds: [...resourceIds],
      timeContextFromParameter: "TimeRange",
      timeContext: { durationMs: 86400000 },
      metrics: [
        {
          namespace: accountsType,
          metric: `${accountsType}-${metric.category}-${metric.name}`,
          aggregation: metric.aggregation,
          splitBy: [splitBy],
        },
      ],
    },
  };
}

function logQuery(
  name: string,
  title: string,
  workspaceResourceId: string,
  query: string,
  visualization: string,
  /** A fixed time range instead of the workbook's TimeRange parameter. */
  fixedDurationMs?: number,
): Item {
  return {
    type: 3,
    name,
    customWidth: "50",
    content: {
      version: "KqlItem/1.0",
      title,
      query,
      size: 0,
      queryType: 0,
      resourceType: "microsoft.operationalinsights/workspaces",
      crossComponentResources: [workspaceResourceId],
      ...(fixedDurationMs === undefined
        ? { timeContextFromParameter: "TimeRange" }
        : { timeContext: { durationMs: fixedDurationMs } }),
      visualization,
    },
  };
}

/** Gateway requests of this gateway only (the workspace may hold others). */
function gatewayLogs(gatewayResourceId: string): string {
  return `ApiManagementGatewayLogs\n| where _ResourceId =~ ${JSON.stringify(gatewayResourceId)}`;
}

/** Tokens per team (gateway subscription) and model, from the gateway's LLM log joined to its request log. */
export function tokensByTeamQuery(gatewayResourceId: string): string {
  return [
    "ApiManagementGatewayLlmLog",
    `| where _ResourceId =~ ${JSON.stringify(gatewayResourceId)}`,
    // A large exchange is split over several records (SequenceNumber); count each request once.
    "| summarize TotalTokens = max(TotalTokens), PromptTokens = max(PromptTokens), CompletionTokens = max(CompletionTokens) by CorrelationId, ModelName",
    "| join kind=inner (ApiManagementGatewayLogs | project CorrelationId, Team = ApimSubscriptionId) on CorrelationId",
    "| summarize Tokens = sum(TotalTokens), PromptTokens = sum(PromptTokens), CompletionTokens = sum(CompletionTokens) by Team, ModelName",
    "| order by Tokens desc",
  ].join("\n");
}

/** Throttled and quota-refused requests per team at the gateway. */
export function gatewayThrottlingQuery(gatewayResourceId: string): string {
  return [
    gatewayLogs(gatewayResourceId),
    "| where ResponseCode in (429, 403)",
    '| extend Reason = iff(ResponseCode == 429, "rate limited (429)", "quota exhausted or refused (403)")',
    "| summarize Requests = count() by bin(TimeGenerated, 5m), Reason",
  ].join("\n");
}

/** p95 end-to-end and backend latency at the gateway, in milliseconds. */
export function gatewayLatencyQuery(gatewayResourceId: string): string {
  return [
    gatewayLogs(gatewayResourceId),
    "| summarize p95TotalMs = percentile(TotalTime, 95), p95BackendMs = percentile(BackendTime, 95) by bin(TimeGenerated, 5m)",
  ].join("\n");
}

/** The workbook's content, ready for `JSON.stringify`. */
export function workbookDefinition(inputs: WorkbookInputs): Record<string, unknown> {
  const accounts = inputs.aiAccountResourceIds;
  const gateway = inputs.gatewayResourceId;
  const items: Item[] = [
    text(
      "title",
      `# ${inputs.title}\nTokens by team and model, throttling, PTU utilization and latency of the platform's AI accounts${gateway ? " and its AI gateway" : ""}.`,
    ),
    {
      type: 9,
      name: "parameters",
      content: {
        version: "KqlParameterItem/1.0",
        parameters: [
          {
            id: "time-range",
            version: "KqlParameterItem/1.0",
            name: "TimeRange",
            label: "Time range",
            type: 4,
            isRequired: true,
            value: { durationMs: 86400000 },
            typeSettings: {
              selectableValues: [3600000, 14400000, 86400000, 604800000, 2592000000].map((durationMs) => ({
                durationMs,
              })),
            },
          },
        ],
      },
    },
    text("tokens-heading", "## Tokens by team and model"),
    metricsChart(
      "tokens-by-model",
      "Tokens by model (all callers)",
      accounts,
      { category: "Azure OpenAI  Usage", name: "TokenTransaction", aggregation: 1 },
      "ModelName",
    ),
  ];
  if (gateway) {
    items.push(
      logQuery(
        "tokens-by-team",
        "Tokens by team (gateway subscription) and model",
        inputs.workspaceResourceId,
        tokensByTeamQuery(gateway),
        "table",
      ),
    );
  }
  if (gateway && inputs.chargeback) {
    items.push(
      logQuery(
        "spend-by-team",
        "Spend by team this month (USD, at catalog prices) next to its token quota",
        inputs.workspaceResourceId,
        teamSpendQuery(inputs.chargeback),
        "table",
        // Month to date, whatever the time range picker says.
        2678400000,
      ),
    );
  }
  items.push(
    text("throttling-heading", "## Throttling"),
    metricsChart(
      "requests-by-status",
      "Requests by status code (429 = throttled)",
      accounts,
      { category: "Azure OpenAI  HTTP Requests", name: aiAccountMetrics.requests, aggregation: 1 },
      "StatusCode",
    ),
  );
  if (gateway) {
    items.push(
      logQuery(
        "gateway-throttling",
        "Gateway: rate-limited and quota-refused requests",
        inputs.workspaceResourceId,
        gatewayThrottlingQuery(gateway),
        "timechart",
      ),
    );
  }
  items.push(
    text("ptu-heading", "## PTU utilization"),
    metricsChart(
      "ptu-utilization",
      "Provisioned-managed utilization V2 (%) by deployment",
      accounts,
      { category: "Azure OpenAI  Usage", name: aiAccountMetrics.provisionedUtilization, aggregation: 4 },
      "ModelDeploymentName",
    ),
    text("latency-heading", "## Latency"),
    metricsChart(
      "time-to-response",
      "Time to response (ms, average) by deployment",
      accounts,
      { category: "Azure OpenAI  HTTP Requests", name: aiAccountMetrics.timeToResponse, aggregation: 4 },
      "ModelDeploymentName",
    ),
  );
  if (gateway) {
    items.push(
      logQuery(
        "gateway-latency",
        "Gateway: p95 latency (ms)",
        inputs.workspaceResourceId,
        gatewayLatencyQuery(gateway),
        "timechart",
      ),
    );
    // Close the loop: production prompts feed the next evaluation (docs/evaluate.md).
    items.push(
      text(
        "evaluation-heading",
        "## Evaluation dataset\nSampled prompts and answers from the gateway's LLM log, one dataset line each (`line`) for `foundry-platform eval --dataset`. Needs `llmLogging.logMessages`; review before use, prompts may hold personal data.",
      ),
      logQuery(
        "evaluation-sample",
        "Gateway: sampled exchanges as eval dataset lines",
        inputs.workspaceResourceId,
        evaluationSampleQuery(gateway),
        "table",
      ),
    );
  }
  return {
    version: "Notebook/1.0",
    items,
    fallbackResourceIds: [inputs.workspaceResourceId],
    $schema: "https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json",
  };
}
