/**
 * The topology of a plan as a Mermaid flowchart, which GitHub renders in a pull-request comment:
 * regions and accounts with their deployments (provisioned, standard, batch, router), spillover
 * edges, the gateway's pools with each member's priority and weight, and the team products with the
 * pools their allow-lists reach. Built from the resources the engine recorded; deterministic.
 */
import { PlannedResource } from "../model";
import { redact } from "../wire";
import { isDeploymentResource, Json, rec, reportTypes, str } from "./resource-props";

const types = reportTypes;

/** A Mermaid-safe label: quotes and angle brackets as entities; lines joined with `<br/>`. */
function label(...lines: string[]): string {
  return lines
    .map((t) => t.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;"))
    .join("<br/>");
}

interface Node {
  readonly id: string;
  readonly resource: PlannedResource;
  readonly props: Json;
}

const isDeployment = isDeploymentResource;

/** The deployment's family as the picture colours it. */
function classOf(props: Json): "ptu" | "standard" | "batch" | "router" {
  const sku = str(rec(props.sku).name) ?? "";
  if (str(rec(rec(props.properties).model).name) === "model-router") return "router";
  if (/Provisioned/.test(sku)) return "ptu";
  if (/Batch/.test(sku)) return "batch";
  return "standard";
}

/** The model names a team product's policy allows (the `allowedModels` of its 403 body), if it can tell. */
export function allowedModelsOf(policyXml: string): string[] | undefined {
  const list = /allowedModels",\s*new JArray\(([^)]*)\)/.exec(policyXml.replace(/&quot;/g, '"'));
  return list ? [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : undefined;
}

export function topologyMermaid(resources: readonly PlannedResource[]): string[] {
  const sorted = [...resources].sort((a, b) => a.urn.localeCompare(b.urn));
  let counter = 0;
  const nodes = new Map<string, Node>();
  const node = (r: PlannedResource, prefix: string): Node => {
    const existing = nodes.get(r.urn);
    if (existing) return existing;
    counter += 1;
    const n = { id: `${prefix}${counter}`, resource: r, props: rec(redact(r.outputs)) };
    nodes.set(r.urn, n);
    return n;
  };
  const accounts = sorted.filter((r) => r.type === types.account).map((r) => node(r, "acc"));
  const deployments = sorted.filter((r) => isDeployment(r, rec(r.outputs))).map((r) => node(r, "dep"));
  const lines = ["flowchart LR"];
  if (accounts.length === 0 && deployments.length === 0) {
    return [];
  }
  const nameOfDeployment = (d: Node) =>
    str(d.props.deploymentName) ?? str(d.props.resourceName) ?? str(d.props.name) ?? d.resource.name;
  const deploymentsOf = (a: Node) => deployments.filter((d) => d.resource.parent === a.resource.urn);

  // Regions → accounts → deployments.
  const regions = [...new Set(accounts.map((a) => str(a.props.location) ?? "unknown region"))].sort();
  regions.forEach((region, i) => {
    lines.push(`  subgraph region${i}["${label(region)}"]`);
    for (const a of accounts.filter((x) => (str(x.props.location) ?? "unknown region") === region)) {
      lines.push(`    subgraph ${a.id}["${label(str(a.props.accountName) ?? a.resource.name)}"]`);
      for (const d of deploymentsOf(a)) {
        const sku = rec(d.props.sku);
        const model = str(rec(rec(d.props.properties).model).name) ?? "?";
        const size = typeof sku.capacity === "number" ? ` × ${sku.capacity}` : "";
        lines.push(
          `      ${d.id}["${label(nameOfDeployment(d), `${model} · ${str(sku.name) ?? "?"}${size}`)}"]:::${classOf(d.props)}`,
        );
      }
      lines.push("    end");
    }
    lines.push("  end");
  });
  const orphans = deployments.filter((d) => !accounts.some((a) => a.resource.urn === d.resource.parent));
  for (const d of orphans) {
    lines.push(`  ${d.id}["${label(nameOfDeployment(d))}"]:::${classOf(d.props)}`);
  }

  // Spillover: a provisioned deployment to the standard one of its account.
  for (const d of deployments) {
    const target = str(rec(d.props.properties).spilloverDeploymentName);
    const to =
      target &&
      deployments.find((x) => x.resource.parent === d.resource.parent && nameOfDeployment(x) === target);
    if (to) {
      lines.push(`  ${d.id} -. spillover .-> ${to.id}`);
    }
  }

  // The gateway: service → pools → members (priority, weight); teams → the pools they may call.
  const services = sorted.filter((r) => r.type === types.apim).map((r) => node(r, "apim"));
  const backends = sorted.filter((r) => r.type === types.backend);
  const single = new Map(
    backends
      .filter((b) => str(rec(b.outputs).type) !== "Pool")
      .map((b) => [str(rec(redact(b.outputs)).backendId) ?? b.name, b]),
  );
  const targetOf = (backend: PlannedResource): Node | undefined => {
    const url = str(rec(redact(backend.outputs)).url) ?? "";
    const named = /\/deployments\/([^/?]+)/.exec(url)?.[1];
    const accountUrns = Object.values(backend.propertyDependencies).flat();
    return deployments.find(
      (d) =>
        named !== undefined &&
        nameOfDeployment(d) === decodeURIComponent(named) &&
        d.resource.parent !== undefined &&
        accountUrns.includes(d.resource.parent),
    );
  };
  for (const s of services) {
    const sku = rec(s.props.sku);
    lines.push(
      `  ${s.id}{{"${label(str(s.props.serviceName) ?? s.resource.name, `${str(sku.name) ?? "?"} × ${String(sku.capacity ?? 1)}`)}"}}:::gateway`,
    );
  }
  const pools = backends.filter((b) => str(rec(b.outputs).type) === "Pool").map((b) => node(b, "pool"));
  const poolByModel = new Map<string, Node>();
  for (const p of pools) {
    const title = str(p.props.title) ?? p.resource.name;
    poolByModel.set(title, p);
    lines.push(`  ${p.id}(["${label(`pool ${title}`)}"]):::pool`);
    const service =
      services.find((s) => Object.values(p.resource.propertyDependencies).flat().includes(s.resource.urn)) ??
      services[0];
    if (service) {
      lines.push(`  ${service.id} --> ${p.id}`);
    }
    for (const member of Array.isArray(rec(p.props.pool).services)
      ? (rec(p.props.pool).services as unknown[])
      : []) {
      const m = rec(member);
      const id = str(m.id) ?? "";
      const backend = single.get(id.slice(id.lastIndexOf("/") + 1));
      const target = backend && targetOf(backend);
      if (target) {
        lines.push(
          `  ${p.id} -->|"priority ${String(m.priority ?? "?")} · weight ${String(m.weight ?? "?")}"| ${target.id}`,
        );
      }
    }
  }
  const policies = sorted.filter((r) => r.type === types.productPolicy);
  for (const product of sorted.filter((r) => r.type === types.product).map((r) => node(r, "team"))) {
    lines.push(
      `  ${product.id}[/"${label(str(product.props.displayName) ?? product.resource.name)}"/]:::team`,
    );
    const policy = policies.find((p) =>
      Object.values(p.propertyDependencies).flat().includes(product.resource.urn),
    );
    const allowed = policy ? allowedModelsOf(str(rec(redact(policy.outputs)).value) ?? "") : undefined;
    const reached = (allowed ?? []).map((m) => poolByModel.get(m)).filter((p): p is Node => p !== undefined);
    if (reached.length > 0) {
      reached.forEach((p) => lines.push(`  ${product.id} --> ${p.id}`));
    } else if (services[0]) {
      lines.push(`  ${product.id} --> ${services[0].id}`);
    }
  }
  lines.push(
    "  classDef ptu fill:#fde2c8,stroke:#c2410c",
    "  classDef standard fill:#dbeafe,stroke:#1d4ed8",
    "  classDef batch fill:#e5e7eb,stroke:#4b5563",
    "  classDef router fill:#ede9fe,stroke:#6d28d9",
    "  classDef gateway fill:#dcfce7,stroke:#15803d",
    "  classDef pool fill:#f0fdf4,stroke:#15803d",
    "  classDef team fill:#fef9c3,stroke:#a16207",
  );
  return lines;
}

/** The diagram as a Markdown block GitHub renders, with a legend; `open` unless the caller collapses it. */
export function topologyMarkdown(resources: readonly PlannedResource[], open = true): string[] {
  const chart = topologyMermaid(resources);
  if (chart.length === 0) {
    return [];
  }
  return [
    `<details${open ? " open" : ""}><summary>Topology</summary>`,
    "",
    "```mermaid",
    ...chart,
    "```",
    "",
    "Orange: provisioned (PTU) · blue: standard · grey: batch · violet: model router · dotted: spillover · edges from pools: priority and weight.",
    "",
    "</details>",
    "",
  ];
}
