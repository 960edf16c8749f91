import { PolicyResource } from "@pulumi/policy";
import { field, list, text } from "../../lib/read";
import { stackRule } from "../../lib/stack-rule";
import { armIdMatches, armIdTail, dependenciesOf, ofType } from "../../lib/stack";
import { types } from "../../lib/types";

/** What a diagnostic setting must target and how its target is named in ARM. */
const targets: readonly {
  type: string;
  namespace: string;
  collection: string;
  nameInput: string;
  what: string;
}[] = [
  {
    type: types.aiAccount,
    namespace: "Microsoft.CognitiveServices",
    collection: "accounts",
    nameInput: "accountName",
    what: "AI account",
  },
  {
    type: types.apimService,
    namespace: "Microsoft.ApiManagement",
    collection: "service",
    nameInput: "serviceName",
    what: "API Management service",
  },
];

const workspaceIdPattern = /\/providers\/microsoft\.operationalinsights\/workspaces\/[^/]+\/?$/i;

/**
 * The diagnostic settings of each target URN, from the property dependencies of their `resourceUri`,
 * and the settings the engine recorded no dependency for (joined by ARM id instead).
 */
function indexSettings(settings: readonly PolicyResource[]) {
  const byTarget = new Map<string, PolicyResource[]>();
  const unlinked: PolicyResource[] = [];
  for (const setting of settings) {
    const deps = dependenciesOf(setting, "resourceUri");
    if (deps.length === 0) {
      unlinked.push(setting);
    }
    for (const dep of deps) {
      byTarget.set(dep.urn, [...(byTarget.get(dep.urn) ?? []), setting]);
    }
  }
  return { byTarget, unlinked };
}

/** Why a diagnostic setting does not send logs to Log Analytics, or undefined when it does. */
function shortfall(setting: PolicyResource): string | undefined {
  const toWorkspace =
    dependenciesOf(setting, "workspaceId").some((d) => d.type === types.logAnalyticsWorkspace) ||
    workspaceIdPattern.test(text(setting.props.workspaceId) ?? "");
  const logs = list(setting.props.logs).some((l) => field(l, "enabled") === true);
  if (!toWorkspace && !logs) {
    return "has no Log Analytics workspaceId and no enabled log category";
  }
  if (!toWorkspace) {
    return "has no workspaceId of a Log Analytics workspace (Microsoft.OperationalInsights/workspaces)";
  }
  return logs ? undefined : "enables no log category or category group (metrics alone are not logs)";
}

/** Every AI account and APIM service sends its logs to a Log Analytics workspace. */
export const governanceResourceDiagnosticLogs = stackRule({
  name: "governance-resource-diagnostic-logs",
  description:
    "Every AI Services account and API Management service in the stack must have a diagnostic setting that sends its logs (a log category or category group such as allLogs or audit) to a Log Analytics workspace. Without it there is no audit trail of who called which model, and no data for usage, throttling and error alerts.",
  severity: "medium",
  remediationSteps:
    "Give the resource a `diagnosticSettings` entry with `workspaceResourceId` (the Observability component does this for every account and the gateway), or declare a `monitor.DiagnosticSetting` whose `resourceUri` is the resource's id, `workspaceId` a Log Analytics workspace and `logs: [{ categoryGroup: 'allLogs', enabled: true }]`. If the setting lives in another stack, this stack cannot see it: set this rule to advisory for this stack.",
  references: {
    azurePolicy: [
      "1b4d1c4e-934c-4703-944c-27c82c06bebb",
      "55d1f543-d1b0-4811-9663-d6d0dbc6326d",
      "567c93f7-3661-494f-a30f-0a94d9bfebf8",
      "0628b917-d4b4-4af5-bc2b-b4f87cd173ab",
      "3a8ff864-d881-44ce-bed3-0c63ede634cb",
      "14e81583-c89c-47db-af0d-f9ddddcccd9f",
      "6f3f5778-f809-4755-9d8f-bd5a5a7add85",
    ],
    waf: "Operational Excellence",
    note: "Requires a Log Analytics destination; the Event Hub and Storage variants of the built-ins count only alongside one.",
  },
  resourceTypes: [types.aiAccount, types.apimService, types.diagnosticSetting, types.logAnalyticsWorkspace],
  validate: (resources, _args, report) => {
    const { byTarget, unlinked } = indexSettings(ofType(resources, types.diagnosticSetting));
    for (const spec of targets) {
      for (const target of ofType(resources, spec.type)) {
        const mine = [...(byTarget.get(target.urn) ?? [])];
        if (unlinked.length > 0) {
          // Only read ids when some setting has no recorded dependency (values may be unknown in preview).
          const tail = armIdTail(target.props, spec.namespace, spec.collection, spec.nameInput);
          for (const setting of unlinked) {
            const uri = text(setting.props.resourceUri);
            if (tail !== undefined && uri !== undefined && armIdMatches(uri, tail)) {
              mine.push(setting);
            }
          }
        }
        if (mine.length === 0) {
          report(
            `${spec.what} '${target.name}' has no diagnostic setting: its logs go nowhere. Add one that sends allLogs to a Log Analytics workspace.`,
            target.urn,
          );
          continue;
        }
        const problems = mine.map((s) => [s.name, shortfall(s)] as const);
        if (problems.every(([, problem]) => problem !== undefined)) {
          report(
            `${spec.what} '${target.name}' sends no logs to Log Analytics: ${problems
              .map(([name, problem]) => `diagnostic setting '${name}' ${problem}`)
              .join("; ")}.`,
            target.urn,
          );
        }
      }
    }
  },
});
