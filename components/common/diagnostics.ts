/**
 * Diagnostic settings (AVM `diagnosticSettings`): send a resource's logs and metrics to a Log
 * Analytics workspace, resource-specific tables where the service supports them.
 */
import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { DiagnosticSettingSpec } from "./avm";

/** Declares the diagnostic settings of one resource, named `<name>-diag-<index>`. */
export function declareDiagnosticSettings(
  name: string,
  resourceUri: pulumi.Input<string>,
  specs: readonly DiagnosticSettingSpec[],
  opts: pulumi.CustomResourceOptions,
): monitor.DiagnosticSetting[] {
  return specs.map(
    (spec, i) =>
      new monitor.DiagnosticSetting(
        `${name}-diag-${i}`,
        {
          resourceUri,
          name: spec.name ?? `diag-${name}`,
          workspaceId: spec.workspaceResourceId,
          logAnalyticsDestinationType: "Dedicated",
          logs: (spec.logCategoriesAndGroups ?? [{ categoryGroup: "allLogs" }]).map((l) => ({
            ...l,
            enabled: true,
          })),
          metrics: (spec.metricCategories ?? [{ category: "AllMetrics" }]).map((m) => ({
            ...m,
            enabled: true,
          })),
        },
        opts,
      ),
  );
}
