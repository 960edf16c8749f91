/**
 * The lifecycle section of every report: each model deployment of the plan (or of the checked
 * stack) that has retired, retires within the warning window, or that the catalog cannot judge,
 * once, with the successor to move to. Computed from the resources with the catalog (pure), on the
 * same day the policy pack judged.
 */
import {
  CustomModelSpec,
  deploymentKey,
  LifecycleDeployment,
  LifecycleFinding,
  describeSuccessor,
  lifecycleFindings,
} from "../../components/catalog";
import { PlannedResource } from "../model";
import { shortName } from "./report";

/** A lifecycle finding with the resource it is about. */
export interface ReportLifecycleFinding extends LifecycleFinding {
  readonly urn: string;
}

/** The report's lifecycle section: the day judged, the warning window, the findings. */
export interface LifecycleSection {
  /** The day (YYYY-MM-DD) lifecycle was judged on. */
  readonly asOf: string;
  /** Days before retirement from which a version counts as retiring. */
  readonly windowDays: number;
  readonly findings: readonly ReportLifecycleFinding[];
}

const deploymentTypes = new Set(["azure-native:cognitiveservices:Deployment"]);
const genericType = "azure-native:resources:Resource";

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** How the lifecycle section names a model routed by a model-router deployment. */
export function routedDeploymentName(deployment: string, model: string): string {
  return `${deployment} → ${model}`;
}

/** The model deployments among the resources (typed, or generic `Microsoft.CognitiveServices/accounts/deployments`). */
export function deploymentsOf(
  resources: readonly PlannedResource[],
): (LifecycleDeployment & { urn: string })[] {
  const out: (LifecycleDeployment & { urn: string })[] = [];
  for (const r of resources) {
    const props = r.inputs as Record<string, unknown>;
    const generic =
      r.type === genericType &&
      str(props.resourceProviderNamespace)?.toLowerCase() === "microsoft.cognitiveservices" &&
      str(props.resourceType)?.toLowerCase() === "deployments";
    if (!deploymentTypes.has(r.type) && !generic) {
      continue;
    }
    const properties = record(props.properties);
    const model = record(properties?.model);
    const name = str(model?.name);
    if (!name) {
      continue;
    }
    const account = r.parent ? shortName(r.parent) : undefined;
    const deployment = str(props.deploymentName) ?? str(props.resourceName) ?? r.name;
    out.push({ urn: r.urn, account, deployment, model: name, version: str(model?.version) });
    // A model-router subset: each routed model has a lifecycle of its own.
    const routed = record(properties?.routing)?.models;
    for (const m of Array.isArray(routed) ? routed : []) {
      const routedName = str(record(m)?.name);
      if (routedName) {
        out.push({
          urn: r.urn,
          account,
          deployment: routedDeploymentName(deployment, routedName),
          model: routedName,
          version: str(record(m)?.version),
        });
      }
    }
  }
  return out;
}

/** The lifecycle section for a set of resources judged on `asOf` (YYYY-MM-DD). */
export function lifecycleSection(
  resources: readonly PlannedResource[],
  asOf: string,
  windowDays: number,
  customModels?: readonly CustomModelSpec[],
): LifecycleSection {
  const deployments = deploymentsOf(resources);
  const urnOf = new Map(deployments.map((d) => [deploymentKey(d), d.urn]));
  const findings = lifecycleFindings(deployments, new Date(`${asOf}T00:00:00Z`), windowDays, customModels);
  return {
    asOf,
    windowDays,
    findings: findings.map((f) => ({
      ...f,
      urn: urnOf.get(deploymentKey(f)) ?? "",
    })),
  };
}

/** The section as JSON: stable keys, absent facts as null. */
export function lifecycleJson(section: LifecycleSection): unknown {
  return {
    asOf: section.asOf,
    windowDays: section.windowDays,
    findings: section.findings.map((f) => ({
      kind: f.kind,
      urn: f.urn || null,
      account: f.account ?? null,
      deployment: f.deployment,
      model: f.model,
      version: f.version ?? null,
      retirementDate: f.retirementDate ?? null,
      daysToRetirement: f.daysToRetirement ?? null,
      successor: f.successor
        ? {
            model: f.successor.model,
            version: f.successor.version ?? null,
            basis: f.successor.basis,
            retirementDate: f.successor.retirementDate ?? null,
            catalogued: f.successor.catalogued,
          }
        : null,
      message: f.message,
    })),
  };
}

const labels: Record<LifecycleFinding["kind"], string> = {
  retired: "RETIRED",
  retiring: "retiring",
  unknown: "unknown",
  custom: "custom",
};

function where(f: ReportLifecycleFinding): string {
  return f.account ? `${f.account}/${f.deployment}` : f.deployment;
}

/** Lines for the text report. */
export function lifecycleText(section: LifecycleSection): string[] {
  const head = `Model lifecycle as of ${section.asOf} (window: ${section.windowDays} days)`;
  if (section.findings.length === 0) {
    return [`${head}: nothing retires in the window`];
  }
  return [
    `${head}:`,
    ...section.findings.flatMap((f) => [`  ${labels[f.kind].padEnd(8)}  ${where(f)}`, `      ${f.message}`]),
  ];
}

/** Makes text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** Lines for the Markdown report. */
export function lifecycleMarkdown(section: LifecycleSection): string[] {
  const head = `**Model lifecycle** as of ${section.asOf} (window: ${section.windowDays} days)`;
  if (section.findings.length === 0) {
    return [`${head}: nothing retires in the window.`, ""];
  }
  return [
    `${head}:`,
    "",
    "| Status | Deployment | Model | Retires | Successor |",
    "|---|---|---|---|---|",
    ...section.findings.map(
      (f) =>
        `| ${f.kind === "retired" ? "**retired**" : f.kind} | \`${cell(where(f))}\` | ${cell(`${f.model}${f.version ? ` ${f.version}` : ""}`)} | ${f.retirementDate ?? "-"}${f.daysToRetirement !== undefined ? ` (${f.daysToRetirement} d)` : ""} | ${f.successor ? cell(describeSuccessor(f.successor)) : "-"} |`,
    ),
    "",
  ];
}
