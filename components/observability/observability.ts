/**
 * Observability of the platform: where its logs and metrics go, who is told when something is
 * wrong, what is watched, and a workbook to look at it all.
 */
import * as pulumi from "@pulumi/pulumi";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as monitor from "@pulumi/azure-native/monitor";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { v5 as uuidv5 } from "uuid";
import { ComponentArgsError } from "../common/args-error";
import { declareDiagnosticSettings } from "../common/diagnostics";
import { NameParts, nameProblems, nameRules, resourceAbbreviations, resourceName } from "../common/naming";
import { RequiredTags } from "../common/tags";
import { aiAccountAlertSpecs, declareMetricAlert, MonitoredDeployment } from "./alerts";
import { declareGatewayMonitors } from "./gateway-monitoring";
import {
  alertThresholdProblems,
  AlertThresholds,
  defaultAlertThresholds,
  LogCategoryGroup,
} from "./settings";
import { workbookDefinition } from "./workbook";
import { ChargebackSpec } from "./chargeback";

/** What kind of resource is monitored; it decides the alerts it gets. */
export type MonitoredResourceKind = "aiAccount" | "apiManagement";

/** A resource whose logs and metrics the platform collects. */
export interface MonitoredResource {
  /** Short logical name, unique among the monitored resources; part of child names (keep it stable). */
  readonly name: string;
  /** ARM resource id. */
  readonly resourceId: pulumi.Input<string>;
  /** `aiAccount` (a Foundry / Azure OpenAI account) or `apiManagement` (the AI gateway). */
  readonly kind: MonitoredResourceKind;
  /**
   * An account's model deployments: the PTU-utilization alert watches its provisioned ones only (and
   * is left out when there are none), the throttling alert leaves out provisioned deployments with
   * spillover, and a spillover alert is added for them.
   * @default - not known: every account alert watches every deployment
   */
  readonly deployments?: readonly MonitoredDeployment[];
}

/** A webhook the action group calls (common alert schema). */
export interface WebhookReceiver {
  /** Receiver name, unique in the action group. */
  readonly name: string;
  /** The URL; it usually carries a token, so pass it as a secret. */
  readonly serviceUri: pulumi.Input<string>;
}

/** Who is told about alerts and budget thresholds. */
export interface NotificationTargets {
  /**
   * Email addresses.
   * @default - none
   */
  readonly emails?: readonly pulumi.Input<string>[];
  /**
   * Webhooks (Teams, Slack, PagerDuty, ITSM ...).
   * @default - none
   */
  readonly webhooks?: readonly WebhookReceiver[];
}

export interface ObservabilityArgs {
  /** Resource group of the workspace, Application Insights, action group, alerts and workbook. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** Naming parts; the region is also where the workspace lives. */
  readonly naming: NameParts;
  /**
   * Days the workspace keeps data (30–730; the first 31 days cost nothing beyond ingestion).
   * @default 30
   */
  readonly retentionInDays?: number;
  /**
   * Daily ingestion cap of the workspace in GB; ingestion stops for the day when it is reached.
   * @default - no cap
   */
  readonly dailyCapGb?: number;
  /**
   * Which resource logs the diagnostic settings collect: every category (`allLogs`), or only the
   * audit categories (`audit`, cheaper; the gateway's token-quota alert and per-team workbook
   * panels need the gateway's request logs, which only `allLogs` collects). `AllMetrics` is always collected.
   * @default "allLogs"
   */
  readonly logCategoryGroup?: LogCategoryGroup;
  /**
   * The resources to collect logs and metrics from and alert on: every AI account, and at most one
   * API Management instance (the AI gateway).
   */
  readonly monitoredResources: readonly MonitoredResource[];
  /**
   * The AI gateway whose logs the workbook's per-team panels read, when it is monitored elsewhere
   * (`GatewayMonitoring`, as `AiPlatform` does: the gateway is created after this component).
   * @default - the `apiManagement` monitored resource, if any
   */
  readonly gatewayResourceId?: pulumi.Input<string>;
  /**
   * Receivers of the action group used by every alert and by the budget.
   * @default - an action group with no receivers (alerts show in the portal only)
   */
  readonly notifications?: NotificationTargets;
  /**
   * Alert thresholds.
   * @default - see {@link defaultAlertThresholds}: PTU utilization > 90%, > 10 throttled requests,
   * average time to response > 10 s, > 5 server errors, each over 15 minutes
   */
  readonly alerts?: AlertThresholds;
  /**
   * Allow Application Insights to accept telemetry authenticated by instrumentation key (the
   * default of API Management's Application Insights logger and of most SDKs). Set to false to
   * accept Entra ID-authenticated telemetry only.
   * @default true
   */
  readonly applicationInsightsLocalAuth?: boolean;
  /**
   * Prices and quotas of the gateway's teams: the workbook shows each team's month-to-date spend.
   * @default - no spend panel
   */
  readonly chargeback?: ChargebackSpec;
  /** Tags of every taggable resource: `environment`, `owner` and `costCenter` at least. */
  readonly tags: RequiredTags;
}

/** Namespace of the workbook's name-based GUID (workbook names must be GUIDs). */
const workbookNamespace = "3b8f2f0e-6d1a-5c4e-9a7b-2e5d8c1f4a60";

/** The action group's short name (at most 12 characters, shown in SMS and email): `<workload>-<d|s|p>`. */
export function actionGroupShortName(parts: NameParts): string {
  return `${parts.workload.slice(0, 10)}-${parts.environment.charAt(0)}`;
}

const monitoredNamePattern = /^[a-z0-9][a-z0-9-]{0,23}$/;

/** Every problem with the arguments, as sentences; empty when they are valid. */
export function observabilityProblems(args: ObservabilityArgs): string[] {
  const problems: string[] = [];
  const retention = args.retentionInDays;
  if (retention !== undefined && !(Number.isInteger(retention) && retention >= 30 && retention <= 730)) {
    problems.push(`retentionInDays is ${retention}; allowed: a whole number of days from 30 to 730`);
  }
  if (args.dailyCapGb !== undefined && !(Number.isFinite(args.dailyCapGb) && args.dailyCapGb > 0)) {
    problems.push(`dailyCapGb is ${args.dailyCapGb}; allowed: a number of GB above 0, or leave it unset`);
  }
  problems.push(
    ...nameProblems(
      nameRules.logAnalyticsWorkspace,
      resourceName(resourceAbbreviations.logAnalyticsWorkspace, args.naming),
    ),
  );
  const seen = new Set<string>();
  for (const r of args.monitoredResources) {
    if (!monitoredNamePattern.test(r.name)) {
      problems.push(
        `monitored resource name '${r.name}' is not allowed; use 1 to 24 lower-case letters, digits or '-', starting with a letter or digit`,
      );
    }
    if (seen.has(r.name)) {
      problems.push(`monitored resource '${r.name}' is listed twice; give each resource its own name`);
    }
    seen.add(r.name);
  }
  const gateways = args.monitoredResources.filter((r) => r.kind === "apiManagement");
  if (gateways.length > 1) {
    problems.push(
      `${gateways.length} API Management instances are monitored (${gateways.map((g) => g.name).join(", ")}); the platform has one AI gateway, pass only that one`,
    );
  }
  const webhookNames = new Set<string>();
  for (const w of args.notifications?.webhooks ?? []) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,50}$/.test(w.name)) {
      problems.push(
        `webhook name '${w.name}' is not allowed; use 1 to 51 letters, digits, spaces, '_', '.' or '-', starting with a letter or digit`,
      );
    }
    if (webhookNames.has(w.name)) {
      problems.push(`webhook '${w.name}' is listed twice; webhook names must be unique`);
    }
    webhookNames.add(w.name);
  }
  problems.push(...alertThresholdProblems(args.alerts ?? {}));
  return problems;
}

/**
 * A Log Analytics workspace with workspace-based Application Insights; diagnostic settings
 * (`allLogs` or `audit` plus `AllMetrics`) on every monitored resource; an action group with email
 * and webhook receivers; metric alerts on every AI account (PTU utilization, throttling, time to
 * response, server errors); a log alert on the AI gateway for teams out of token quota; and a
 * workbook with tokens by team and model, throttling, PTU utilization and latency.
 */
export class Observability extends pulumi.ComponentResource {
  /** ARM id of the Log Analytics workspace. */
  public readonly workspaceResourceId: pulumi.Output<string>;
  /** Azure name of the workspace. */
  public readonly workspaceName: pulumi.Output<string>;
  /** ARM id of the Application Insights component. */
  public readonly applicationInsightsResourceId: pulumi.Output<string>;
  /** Connection string of Application Insights (a secret). */
  public readonly applicationInsightsConnectionString: pulumi.Output<string>;
  /** ARM id of the action group every alert notifies. */
  public readonly actionGroupResourceId: pulumi.Output<string>;
  public readonly workspace: operationalinsights.Workspace;
  public readonly applicationInsights: applicationinsights.Component;
  public readonly actionGroup: monitor.ActionGroup;
  /** Diagnostic settings by monitored resource name. */
  public readonly diagnosticSettings: Readonly<Record<string, monitor.DiagnosticSetting[]>>;
  /** Metric alerts by `<resource name>-<signal>`. */
  public readonly metricAlerts: Readonly<Record<string, monitor.MetricAlert>>;
  /** The gateway's token-quota alert, when a gateway is monitored here. */
  public readonly tokenQuotaAlert?: monitor.ScheduledQueryRule;
  /** The gateway's log alerts by signal, when a gateway is monitored here. */
  public readonly gatewayAlerts?: Readonly<Record<string, monitor.ScheduledQueryRule>>;
  public readonly workbook: applicationinsights.Workbook;

  constructor(name: string, args: ObservabilityArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:observability:Observability", name, {}, opts);

    const problems = observabilityProblems(args);
    if (problems.length > 0) {
      throw new ComponentArgsError("Observability", name, problems, this);
    }

    const parts = args.naming;
    const location = parts.region;
    const thresholds = { ...defaultAlertThresholds, ...args.alerts };
    const workspaceName = resourceName(resourceAbbreviations.logAnalyticsWorkspace, parts);

    this.workspace = new operationalinsights.Workspace(
      `${name}-log`,
      {
        resourceGroupName: args.resourceGroupName,
        workspaceName,
        location,
        sku: { name: "PerGB2018" },
        retentionInDays: args.retentionInDays ?? 30,
        workspaceCapping: args.dailyCapGb !== undefined ? { dailyQuotaGb: args.dailyCapGb } : undefined,
        features: {
          // Who may read a resource's logs is decided by their rights on that resource.
          enableLogAccessUsingOnlyResourcePermissions: true,
          // Agents and the HTTP Data Collector API must authenticate with Entra ID, not shared keys.
          disableLocalAuth: true,
        },
        tags: args.tags,
      },
      { parent: this },
    );

    this.applicationInsights = new applicationinsights.Component(
      `${name}-appi`,
      {
        resourceGroupName: args.resourceGroupName,
        resourceName: resourceName(resourceAbbreviations.applicationInsights, parts),
        location,
        kind: "web",
        applicationType: "web",
        workspaceResourceId: this.workspace.id,
        ingestionMode: "LogAnalytics",
        disableLocalAuth: !(args.applicationInsightsLocalAuth ?? true),
        tags: args.tags,
      },
      { parent: this },
    );

    this.actionGroup = new monitor.ActionGroup(
      `${name}-ag`,
      {
        resourceGroupName: args.resourceGroupName,
        actionGroupName: resourceName(resourceAbbreviations.actionGroup, parts),
        location: "Global",
        groupShortName: actionGroupShortName(parts),
        enabled: true,
        emailReceivers: (args.notifications?.emails ?? []).map((emailAddress, i) => ({
          name: `email-${i}`,
          emailAddress,
          useCommonAlertSchema: true,
        })),
        webhookReceivers: (args.notifications?.webhooks ?? []).map((w) => ({
          name: `webhook-${w.name}`,
          // A webhook URL carries its token: keep it secret in state and in every plan.
          serviceUri: pulumi.secret(w.serviceUri),
          useCommonAlertSchema: true,
        })),
        tags: args.tags,
      },
      { parent: this },
    );

    const diagnosticSettings: Record<string, monitor.DiagnosticSetting[]> = {};
    const accounts = args.monitoredResources.filter((r) => r.kind === "aiAccount");
    for (const r of accounts) {
      diagnosticSettings[r.name] = declareDiagnosticSettings(
        `${name}-${r.name}`,
        r.resourceId,
        [
          {
            workspaceResourceId: this.workspace.id,
            logCategoriesAndGroups: [{ categoryGroup: args.logCategoryGroup ?? "allLogs" }],
            metricCategories: [{ category: "AllMetrics" }],
          },
        ],
        { parent: this },
      );
    }

    const metricAlerts: Record<string, monitor.MetricAlert> = {};
    for (const account of accounts) {
      for (const spec of aiAccountAlertSpecs(thresholds, account.deployments)) {
        const key = `${account.name}-${spec.signal}`;
        metricAlerts[key] = declareMetricAlert(
          `${name}-${key}`,
          {
            resourceGroupName: args.resourceGroupName,
            ruleName: resourceName("alert", parts, key),
            scope: account.resourceId,
            spec,
            windowMinutes: thresholds.windowMinutes,
            actionGroupId: this.actionGroup.id,
            tags: args.tags,
          },
          { parent: this },
        );
      }
    }
    this.metricAlerts = metricAlerts;

    // A gateway monitored here (when it exists before its observability) gets the same monitors
    // GatewayMonitoring declares; AiPlatform creates the gateway after this component instead.
    const gateway = args.monitoredResources.find((r) => r.kind === "apiManagement");
    if (gateway) {
      const monitors = declareGatewayMonitors(
        name,
        {
          resourceGroupName: args.resourceGroupName,
          naming: parts,
          gatewayResourceId: gateway.resourceId,
          workspaceResourceId: this.workspace.id,
          actionGroupResourceId: this.actionGroup.id,
          logCategoryGroup: args.logCategoryGroup,
          alerts: args.alerts,
          monitoredName: gateway.name,
          tags: args.tags,
        },
        { parent: this },
      );
      diagnosticSettings[gateway.name] = monitors.diagnosticSettings;
      this.tokenQuotaAlert = monitors.alerts["token-quota"];
      this.gatewayAlerts = monitors.alerts;
    }
    this.diagnosticSettings = diagnosticSettings;
    const gatewayResourceId = gateway?.resourceId ?? args.gatewayResourceId;

    const title = `AI platform operations: ${parts.workload} ${parts.environment}`;
    this.workbook = new applicationinsights.Workbook(
      `${name}-workbook`,
      {
        resourceGroupName: args.resourceGroupName,
        resourceName: uuidv5(`${workspaceName}|operations`, workbookNamespace),
        location,
        kind: "shared",
        category: "workbook",
        displayName: title,
        version: "Notebook/1.0",
        sourceId: this.workspace.id,
        serializedData: pulumi
          .all([
            this.workspace.id,
            pulumi.all(accounts.map((a) => a.resourceId)),
            gatewayResourceId !== undefined ? pulumi.output(gatewayResourceId) : pulumi.output(undefined),
          ])
          .apply(([workspaceResourceId, aiAccountResourceIds, gatewayResourceId]) =>
            JSON.stringify(
              workbookDefinition({
                title,
                workspaceResourceId,
                aiAccountResourceIds,
                gatewayResourceId,
                chargeback: args.chargeback,
              }),
            ),
          ),
        tags: args.tags,
      },
      { parent: this },
    );

    this.workspaceResourceId = this.workspace.id;
    this.workspaceName = this.workspace.name;
    this.applicationInsightsResourceId = this.applicationInsights.id;
    this.applicationInsightsConnectionString = pulumi.secret(this.applicationInsights.connectionString);
    this.actionGroupResourceId = this.actionGroup.id;
    this.registerOutputs({
      workspaceResourceId: this.workspaceResourceId,
      workspaceName: this.workspaceName,
      applicationInsightsResourceId: this.applicationInsightsResourceId,
      applicationInsightsConnectionString: this.applicationInsightsConnectionString,
      actionGroupResourceId: this.actionGroupResourceId,
    });
  }
}
