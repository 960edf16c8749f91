/**
 * What a plan deploys, as a reviewer reads it: per account the model deployments (model, version,
 * type, capacity or PTUs, spillover, upgrade option, canary), and per gateway the teams with their
 * allow-lists and token limits. Read from the resources the engine recorded (so `check` of an
 * exported stack shows the same), never from the config; what cannot be told shows as unknown.
 */
import { XMLParser } from "fast-xml-parser";
import { DeploymentType, deploymentTypes, familyOf } from "../../components/catalog/deployment-types";
import { PlannedResource } from "../model";
import { redact } from "../wire";
import { allowedModelsOf } from "./mermaid";
import { isDeploymentResource, Json, rec, reportTypes, str } from "./resource-props";

const types = reportTypes;
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** One model deployment as the summary lists it. */
export interface DeploymentRow {
  /** The account's Azure name (or the deployment's parent resource name when the account is not in the plan). */
  readonly account: string;
  readonly location?: string;
  readonly deployment: string;
  readonly model: string;
  readonly version?: string;
  /** The SKU name (deployment type). */
  readonly type: string;
  readonly capacity?: number;
  readonly spillover?: string;
  readonly versionUpgradeOption?: string;
  /** The stable deployment this one is the canary candidate of, and its share of the stable one's traffic. */
  readonly canary?: { readonly of: string; readonly weightPercent?: number };
  readonly protect: boolean;
}

/** One gateway team (an API Management product). */
export interface TeamRow {
  /** The API Management service's name. */
  readonly gateway: string;
  readonly team: string;
  /** Whether the stack holds the product's policy (where the allow-list and limits live). */
  readonly hasPolicy: boolean;
  /** Model names the team may call; undefined when the product's policy does not say. */
  readonly allowedModels?: readonly string[];
  readonly tokensPerMinute?: number;
  readonly tokenQuota?: number;
  readonly tokenQuotaPeriod?: string;
}

/** The family of a SKU name, when it is a deployment type the catalog knows. */
export function familyOfSku(sku: string): ReturnType<typeof familyOf> | undefined {
  return (deploymentTypes as readonly string[]).includes(sku) ? familyOf(sku as DeploymentType) : undefined;
}

/** "15 PTU", "150K TPM", "100 (batch quota)": a capacity with the unit its deployment type counts in. */
export function capacityText(type: string, capacity: number | undefined): string {
  if (capacity === undefined) {
    return "?";
  }
  const n = capacity.toLocaleString("en-US");
  switch (familyOfSku(type)) {
    case "provisioned":
      return `${n} PTU`;
    case "standard":
      // Standard types count capacity in units of 1,000 tokens per minute.
      return `${n}K TPM`;
    default:
      return `${n} (${familyOfSku(type) === "batch" ? "batch quota" : "units"})`;
  }
}

/** Pool weights by member backend id: what share of its priority tier a backend gets. */
function poolWeights(resources: readonly PlannedResource[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const r of resources.filter((x) => x.type === types.backend)) {
    const services = rec(rec(redact(r.inputs)).pool).services;
    for (const s of Array.isArray(services) ? services : []) {
      const id = str(rec(s).id);
      const weight = num(rec(s).weight);
      if (id && weight !== undefined) {
        weights.set(id.slice(id.lastIndexOf("/") + 1), weight);
      }
    }
  }
  return weights;
}

/** Backend id of each single backend, by the deployment URL it calls. */
function backendsByUrl(resources: readonly PlannedResource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources.filter((x) => x.type === types.backend)) {
    const props = rec(redact(r.inputs));
    const url = str(props.url);
    const id = str(props.backendId);
    if (url && id) {
      out.set(url.toLowerCase(), id);
    }
  }
  return out;
}

/** Every model deployment of the plan, by account then deployment name. */
export function deploymentRows(resources: readonly PlannedResource[]): DeploymentRow[] {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const weights = poolWeights(resources);
  const backends = backendsByUrl(resources);
  const rows: DeploymentRow[] = [];
  for (const r of resources) {
    const props = rec(redact(r.inputs));
    if (!isDeploymentResource(r, props)) {
      continue;
    }
    const parent = r.parent ? byUrn.get(r.parent) : undefined;
    const accountProps = parent?.type === types.account ? rec(redact(parent.inputs)) : {};
    const account =
      str(props.accountName) ??
      str(props.parentResourcePath)?.replace(/^accounts\//, "") ??
      parent?.name ??
      "?";
    const deployment = str(props.deploymentName) ?? str(props.resourceName) ?? r.name;
    const properties = rec(props.properties);
    const model = rec(properties.model);
    const sku = rec(props.sku);
    const canaryOf = str(rec(props.tags).canaryOf);
    const backend = backends.get(
      `https://${account}.cognitiveservices.azure.com/openai/deployments/${deployment}`.toLowerCase(),
    );
    rows.push({
      account,
      location: str(accountProps.location),
      deployment,
      model: str(model.name) ?? "?",
      version: str(model.version),
      type: str(sku.name) ?? "?",
      capacity: num(sku.capacity),
      spillover: str(properties.spilloverDeploymentName),
      versionUpgradeOption: str(properties.versionUpgradeOption),
      ...(canaryOf
        ? { canary: { of: canaryOf, weightPercent: backend ? weights.get(backend) : undefined } }
        : {}),
      protect: r.options.protect,
    });
  }
  return rows.sort((a, b) => a.account.localeCompare(b.account) || a.deployment.localeCompare(b.deployment));
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: false,
  processEntities: true,
  stopNodes: ["*.set-body"],
});

/** The first `llm-token-limit` (or `azure-openai-token-limit`) element's attributes in a policy document. */
function tokenLimitOf(policyXml: string): Json | undefined {
  let doc: unknown;
  try {
    doc = xml.parse(policyXml);
  } catch {
    return undefined;
  }
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
    } else if (typeof node === "object" && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (k === "llm-token-limit" || k === "azure-openai-token-limit") {
          return rec(Array.isArray(v) ? v[0] : v);
        }
        stack.push(v);
      }
    }
  }
  return undefined;
}

/** Every gateway team of the plan, by gateway then team. */
export function teamRows(resources: readonly PlannedResource[]): TeamRow[] {
  const policies = resources.filter((r) => r.type === types.productPolicy);
  const rows: TeamRow[] = [];
  for (const r of resources.filter((x) => x.type === types.product)) {
    const props = rec(redact(r.inputs));
    const productId = str(props.productId) ?? r.name;
    const gateway = str(props.serviceName) ?? "?";
    const policy = policies
      .map((p) => rec(redact(p.inputs)))
      .find((p) => str(p.productId) === productId && (str(p.serviceName) ?? "?") === gateway);
    const text = str(policy?.value) ?? "";
    const limit = text ? tokenLimitOf(text) : undefined;
    const count = (v: unknown) => (str(v) !== undefined && /^\d+$/.test(String(v)) ? Number(v) : undefined);
    rows.push({
      gateway,
      team: productId.replace(/^team-/, ""),
      hasPolicy: policy !== undefined,
      allowedModels: text ? allowedModelsOf(text) : undefined,
      tokensPerMinute: count(limit?.["tokens-per-minute"]),
      tokenQuota: count(limit?.["token-quota"]),
      tokenQuotaPeriod: str(limit?.["token-quota-period"]),
    });
  }
  return rows.sort((a, b) => a.gateway.localeCompare(b.gateway) || a.team.localeCompare(b.team));
}
