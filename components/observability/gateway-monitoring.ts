/**
 * Monitoring of the AI gateway: its diagnostic settings (the request logs every gateway alert
 * reads) and its log search alerts — teams out of token quota, the 5xx rate callers see, callers
 * throttled by the models, and pools whose every backend is tripped.
 *
 * A component of its own, created after the gateway, because the gateway needs the platform's
 * Application Insights (from `Observability`) before it exists: the order is Observability →
 * AiGateway → GatewayMonitoring, each complete when constructed.
 */
import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { declareDiagnosticSettings } from "../common/diagnostics";
import { NameParts, resourceName } from "../common/naming";
import { Tags } from "../common/tags";
import { declareGatewayLogAlert, gatewayAlertSpecs } from "./alerts";
import { AlertThresholds, defaultAlertThresholds, LogCategoryGroup } from "./settings";

/** The arguments of `GatewayMonitoring`. */
export interface GatewayMonitoringArgs {
  /** Resource group of the alerts. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** Naming parts; the region is where the log alerts live. */
  readonly naming: NameParts;
  /** ARM id of the API Management service. */
  readonly gatewayResourceId: pulumi.Input<string>;
  /** The Log Analytics workspace the gateway's logs go to. */
  readonly workspaceResourceId: pulumi.Input<string>;
  /** The action group every alert notifies. */
  readonly actionGroupResourceId: pulumi.Input<string>;
  /**
   * Which resource logs to collect; the alerts need the gateway's request logs, which only `allLogs` collects.
   * @default "allLogs"
   */
  readonly logCategoryGroup?: LogCategoryGroup;
  /** @default - see {@link defaultAlertThresholds} */
  readonly alerts?: AlertThresholds;
  /**
   * Short name of the gateway in child names.
   * @default "gateway"
   */
  readonly monitoredName?: string;
  /**
   * The component that declared these children before (an `Observability` that monitored the
   * gateway itself); the children keep their state through aliases.
   * @default - none
   */
  readonly previousParent?: pulumi.Resource;
  /** Tags of every taggable resource. */
  readonly tags: Tags;
}

/**
 * Declares the gateway's diagnostic settings and log alerts under `prefix`; shared by the components that monitor a gateway.
 * @internal
 */
export function declareGatewayMonitors(
  prefix: string,
  args: Omit<GatewayMonitoringArgs, "previousParent">,
  opts: pulumi.CustomResourceOptions,
): { diagnosticSettings: monitor.DiagnosticSetting[]; alerts: Record<string, monitor.ScheduledQueryRule> } {
  const gateway = args.monitoredName ?? "gateway";
  const thresholds = { ...defaultAlertThresholds, ...args.alerts };
  const diagnosticSettings = declareDiagnosticSettings(
    `${prefix}-${gateway}`,
    args.gatewayResourceId,
    [
      {
        workspaceResourceId: args.workspaceResourceId,
        logCategoriesAndGroups: [{ categoryGroup: args.logCategoryGroup ?? "allLogs" }],
        metricCategories: [{ category: "AllMetrics" }],
      },
    ],
    opts,
  );
  const alerts: Record<string, monitor.ScheduledQueryRule> = {};
  for (const spec of gatewayAlertSpecs(thresholds)) {
    const key = `${gateway}-${spec.signal}`;
    alerts[spec.signal] = declareGatewayLogAlert(
      `${prefix}-${key}`,
      {
        resourceGroupName: args.resourceGroupName,
        ruleName: resourceName("alert", args.naming, key),
        location: args.naming.region,
        gatewayResourceId: args.gatewayResourceId,
        spec,
        windowMinutes: thresholds.windowMinutes,
        actionGroupId: args.actionGroupResourceId,
        tags: args.tags,
      },
      // The alert validates its query against the gateway's tables: create it after the logs flow.
      { ...opts, dependsOn: diagnosticSettings },
    );
  }
  return { diagnosticSettings, alerts };
}

/** The AI gateway's diagnostic settings and log search alerts. */
export class GatewayMonitoring extends pulumi.ComponentResource {
  /** The gateway's diagnostic settings. */
  public readonly diagnosticSettings: readonly monitor.DiagnosticSetting[];
  /** The log search alerts by signal (`token-quota`, `server-errors`, ...). */
  public readonly alerts: Readonly<Record<string, monitor.ScheduledQueryRule>>;

  constructor(name: string, args: GatewayMonitoringArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("foundry-platform:observability:GatewayMonitoring", name, {}, opts);
    const { previousParent, ...rest } = args;
    const declared = declareGatewayMonitors(name, rest, {
      parent: this,
      // Same logical names as under the previous parent: state moves, nothing is replaced.
      aliases: previousParent ? [{ parent: previousParent }] : undefined,
    });
    this.diagnosticSettings = declared.diagnosticSettings;
    this.alerts = declared.alerts;
    this.registerOutputs({});
  }
}
