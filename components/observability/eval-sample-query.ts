/**
 * Closing the loop: a KQL query that samples real prompts and answers from the gateway's LLM log
 * into the eval tool's dataset format, one JSON line per exchange in the column `line`.
 *
 * `ApiManagementGatewayLlmLog` columns (Learn table reference,
 * https://learn.microsoft.com/azure/azure-monitor/reference/tables/apimanagementgatewayllmlog):
 * CorrelationId, DeploymentName, ModelName, RequestMessages and ResponseMessages (dynamic: the
 * messages, each with its `content`, as Learn's "join each request and response" query reads them),
 * SequenceNumber, TimeGenerated. Messages are logged only with `llmLogging.logMessages`; an
 * exchange over 32 KB is split over several records
 * (https://learn.microsoft.com/azure/api-management/api-management-howto-llm-logs), and the
 * query keeps only exchanges logged whole, so every line parses.
 */

export interface SampleQueryOptions {
  /** Only exchanges with this deployment name (what clients asked for). @default - every deployment */
  readonly deployment?: string;
  /** How many exchanges to sample. @default 200 */
  readonly sampleSize?: number;
  /** KQL timespan to look back, for example `7d`. @default - the caller's time range (workbook parameter) */
  readonly lookback?: string;
}

/** The query; the production answer goes to `metadata.referenceAnswer` (review and label `expected` yourself). */
export function evaluationSampleQuery(gatewayResourceId: string, opts: SampleQueryOptions = {}): string {
  const lines = [
    "ApiManagementGatewayLlmLog",
    `| where _ResourceId =~ ${JSON.stringify(gatewayResourceId)}`,
    ...(opts.lookback ? [`| where TimeGenerated > ago(${opts.lookback})`] : []),
    ...(opts.deployment ? [`| where DeploymentName == ${JSON.stringify(opts.deployment)}`] : []),
    // One row per exchange; an exchange split over several records (over 32 KB) is left out.
    "| summarize Records = count(), Request = take_any(RequestMessages), Response = take_any(ResponseMessages), Deployment = take_any(DeploymentName), Model = take_any(ModelName), LoggedAt = min(TimeGenerated) by CorrelationId",
    "| where Records == 1 and isnotempty(Request) and isnotempty(Response)",
    `| sample ${opts.sampleSize ?? 200}`,
    "| extend Answer = tostring(parse_json(Response)[0].content)",
    '| project line = tostring(bag_pack("id", CorrelationId, "messages", parse_json(Request), "metadata", bag_pack("referenceAnswer", Answer, "deployment", Deployment, "model", Model, "loggedAt", LoggedAt)))',
  ];
  return lines.join("\n");
}
