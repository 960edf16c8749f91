/**
 * The gateway's telemetry: the Application Insights logger and API diagnostic (request telemetry
 * and the custom metrics `llm-emit-token-metric` writes), and the LLM request logs (Azure Monitor
 * logger plus the API's `largeLanguageModel` diagnostic settings).
 */
import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as resources from "@pulumi/azure-native/resources";
import { ServiceScope } from "./pools";

/**
 * API version for the resources azure-native 3.x types without the needed properties (LLM logging, managed-identity backend credentials).
 * @internal
 */
export const apimPreviewApiVersion = "2024-06-01-preview";

/** Application Insights for token metrics and request telemetry. */
export interface GatewayApplicationInsights {
  /** ARM id of the Application Insights component. */
  readonly resourceId: pulumi.Input<string>;
  /**
   * Connection string (preferred); a secret.
   * @default - use `instrumentationKey`
   */
  readonly connectionString?: pulumi.Input<string>;
  /**
   * Instrumentation key; a secret. Give this or `connectionString`.
   * @default - use `connectionString`
   */
  readonly instrumentationKey?: pulumi.Input<string>;
}

/** Logging of LLM requests (token counts, model) to the gateway's Azure Monitor logs. */
export interface GatewayLlmLogging {
  /**
   * Log LLM requests (token counts, model).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Also log prompts and completions. Off by default: messages may hold personal data.
   * @default false
   */
  readonly logMessages?: boolean;
  /**
   * Largest message logged in one entry, in bytes (larger ones are split).
   * @default 32768
   */
  readonly maxMessageBytes?: number;
}

/**
 * Problems with the telemetry arguments, as sentences naming what to fix.
 * @internal
 */
export function telemetryProblems(
  applicationInsights: GatewayApplicationInsights | undefined,
  llmLogging: GatewayLlmLogging | undefined,
  tokenMetricsNamespace: string | undefined,
): string[] {
  const problems: string[] = [];
  if (tokenMetricsNamespace !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(tokenMetricsNamespace)) {
      problems.push(
        `tokenMetricsNamespace '${tokenMetricsNamespace}' must be 1–64 letters, digits, '.', '_' or '-'`,
      );
    }
  }
  const ai = applicationInsights;
  if (ai && (ai.connectionString === undefined) === (ai.instrumentationKey === undefined)) {
    problems.push("applicationInsights needs exactly one of connectionString or instrumentationKey");
  }
  const maxBytes = llmLogging?.maxMessageBytes;
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes >= 1 && maxBytes <= 262144)) {
    problems.push(`llmLogging.maxMessageBytes ${maxBytes} must be a whole number from 1 to 262144`);
  }
  return problems;
}

const noBodies = { headers: [], body: { bytes: 0 } };

/** The logger's credential, kept secret: the connection string, else the instrumentation key. */
function loggerCredentials(
  ai: GatewayApplicationInsights,
  parent: pulumi.Resource,
): apimanagement.LoggerArgs["credentials"] {
  if (ai.connectionString !== undefined) {
    return { connectionString: pulumi.secret(ai.connectionString) };
  }
  if (ai.instrumentationKey !== undefined) {
    return { instrumentationKey: pulumi.secret(ai.instrumentationKey) };
  }
  throw new pulumi.ResourceError(
    "applicationInsights needs exactly one of connectionString or instrumentationKey",
    parent,
  );
}

/**
 * Sends the gateway's telemetry and token metrics (custom metrics with dimensions) to Application
 * Insights: a logger and an API diagnostic on the inference API.
 * @internal
 */
export function declareApplicationInsights(
  scope: ServiceScope,
  api: apimanagement.Api,
  ai: GatewayApplicationInsights,
  apiPolicy: apimanagement.ApiPolicy,
): void {
  const name = scope.name;
  const logger = new apimanagement.Logger(
    `${name}-appinsights-logger`,
    {
      resourceGroupName: scope.resourceGroupName,
      serviceName: scope.serviceName,
      loggerId: "appinsights",
      loggerType: "applicationInsights",
      description: "Application Insights: gateway telemetry and token metrics",
      resourceId: ai.resourceId,
      isBuffered: true,
      credentials: loggerCredentials(ai, scope.parent),
    },
    { parent: scope.parent },
  );
  new apimanagement.ApiDiagnostic(
    `${name}-appinsights-diagnostic`,
    {
      resourceGroupName: scope.resourceGroupName,
      serviceName: scope.serviceName,
      apiId: api.name,
      diagnosticId: "applicationinsights",
      loggerId: logger.id,
      // Custom metrics with dimensions: what llm-emit-token-metric needs.
      metrics: true,
      alwaysLog: "allErrors",
      httpCorrelationProtocol: "W3C",
      verbosity: "information",
      logClientIp: false,
      sampling: { samplingType: "fixed", percentage: 100 },
      frontend: { request: noBodies, response: noBodies },
      backend: { request: noBodies, response: noBodies },
    },
    { parent: scope.parent, dependsOn: [apiPolicy] },
  );
}

/**
 * The LLM request logs (Azure Monitor logger and the API's LLM logging settings).
 * @internal
 */
export function declareLlmLogging(
  scope: ServiceScope,
  api: apimanagement.Api,
  llmLogging: GatewayLlmLogging | undefined,
  apiPolicy: apimanagement.ApiPolicy,
): void {
  const name = scope.name;
  const llm = { enabled: true, logMessages: false, maxMessageBytes: 32768, ...llmLogging };
  if (!llm.enabled) {
    return;
  }
  const monitorLogger = new apimanagement.Logger(
    `${name}-azuremonitor-logger`,
    {
      resourceGroupName: scope.resourceGroupName,
      serviceName: scope.serviceName,
      loggerId: "azuremonitor",
      loggerType: "azureMonitor",
      description: "Azure Monitor: gateway and LLM request logs (through the service's diagnostic settings)",
      isBuffered: true,
    },
    { parent: scope.parent },
  );
  const messages = llm.logMessages ? { messages: "all", maxSizeInBytes: llm.maxMessageBytes } : undefined;
  // azure-native 3.x types API diagnostics at 2024-05-01, which has no `largeLanguageModel`;
  // the generic resource writes it at the preview API version the AI-Gateway labs use.
  new resources.Resource(
    `${name}-llm-diagnostic`,
    {
      resourceGroupName: scope.resourceGroupName,
      resourceProviderNamespace: "Microsoft.ApiManagement",
      parentResourcePath: pulumi.interpolate`service/${scope.serviceName}/apis/${api.name}`,
      resourceType: "diagnostics",
      resourceName: "azuremonitor",
      apiVersion: apimPreviewApiVersion,
      properties: {
        loggerId: monitorLogger.id,
        alwaysLog: "allErrors",
        verbosity: "information",
        logClientIp: false,
        sampling: { samplingType: "fixed", percentage: 100 },
        frontend: { request: noBodies, response: noBodies },
        backend: { request: noBodies, response: noBodies },
        largeLanguageModel: {
          logs: "enabled",
          ...(messages ? { requests: messages, responses: messages } : {}),
        },
      },
    },
    { parent: scope.parent, dependsOn: [apiPolicy] },
  );
}
