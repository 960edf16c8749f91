import { PolicyResource } from "@pulumi/policy";
import { DeploymentType, dataScopeOf, familyOf, isProvisioned } from "../../../components/catalog";
import { ApimGraph, hostOf } from "../../lib/apim-graph";
import { deploymentNameOf, deploymentType, modelOf, spilloverOf } from "../../lib/deployments";
import { ResourceIndex, azureName, resolveRef } from "../../lib/joins";
import { stackRule } from "../../lib/stack-rule";
import { types } from "../../lib/types";
import { asString, at, sameName } from "../../lib/values";

interface Deployment {
  readonly resource: PolicyResource;
  readonly name?: string;
  readonly type?: DeploymentType;
  readonly model?: string;
  /** Azure name of the account, when it can be told. */
  readonly account?: string;
}

/** The Azure names of a deployment's account, and of accounts by subdomain. */
class Accounts {
  readonly index: ResourceIndex;
  private readonly byLabel = new Map<string, string>();

  constructor(resources: readonly PolicyResource[]) {
    this.index = new ResourceIndex(
      resources.filter((r) => r.type === types.aiAccount),
      (r) => azureName(r, "accountName"),
    );
    for (const a of this.index.all) {
      const name = this.index.nameOf(a);
      const subdomain = asString(at(a.props, "properties", "customSubDomainName"));
      for (const label of [name, subdomain]) {
        if (name && label) {
          this.byLabel.set(label.toLowerCase(), name);
        }
      }
    }
  }

  accountOf(deployment: PolicyResource): string | undefined {
    const [account] = resolveRef(deployment, "accountName", this.index);
    return account ? this.index.nameOf(account) : asString(deployment.props.accountName);
  }

  /** The account whose custom subdomain (or name) is the first label of `host`. */
  byHost(host: string): string | undefined {
    return this.byLabel.get(host.split(".")[0].toLowerCase());
  }
}

/** The stack's deployments by lower-case account name. */
type ByAccount = ReadonlyMap<string, readonly Deployment[]>;

/** The deployment a backend URL names (`.../openai/deployments/<name>/...`), if any. */
function deploymentInUrl(url: string): string | undefined {
  try {
    const parts = new URL(url).pathname.split("/");
    const i = parts.findIndex((p) => p.toLowerCase() === "deployments");
    return i >= 0 && parts[i + 1] ? decodeURIComponent(parts[i + 1]) : undefined;
  } catch {
    return undefined; // not a URL, or a malformed escape: names no deployment
  }
}

/** The deployments a backend sends traffic to: named in its URL or dependencies, or all of its account's. */
function targetsOf(
  backend: PolicyResource,
  deployments: readonly Deployment[],
  byAccount: ByAccount,
  accounts: Accounts,
): Deployment[] {
  const deps = Object.values(backend.propertyDependencies ?? {}).flat();
  const depUrns = new Set(deps.map((d) => d.urn));
  const direct = deps.some((d) => d.type === types.aiDeployment)
    ? deployments.filter((d) => depUrns.has(d.resource.urn))
    : [];
  if (direct.length > 0) {
    return direct;
  }
  const url = asString(backend.props.url);
  const host = url ? hostOf(url) : undefined;
  const builtFrom = deps.filter((d) => d.type === types.aiAccount).map((d) => accounts.index.nameOf(d));
  const account = (host ? accounts.byHost(host) : undefined) ?? builtFrom[0];
  if (!account) {
    return [];
  }
  const named = url ? deploymentInUrl(url) : undefined;
  return (byAccount.get(account.toLowerCase()) ?? []).filter(
    (d) => named === undefined || sameName(d.name, named),
  );
}

/** In prod, provisioned capacity overflows to pay-per-token capacity instead of failing with 429. */
export const costDeploymentPtuSpillover = stackRule({
  name: "cost-deployment-ptu-spillover",
  description:
    "A provisioned (PTU) model deployment must have somewhere to send the traffic it cannot serve: a `spilloverDeploymentName` naming a standard deployment of the same account with the same data-processing scope, or a gateway backend pool that contains it and a standard deployment of the same model. Without one, traffic above the provisioned capacity fails with 429 errors.",
  severity: "medium",
  remediationSteps:
    "Set `properties.spilloverDeploymentName` to a standard deployment of the same model in the same account (GlobalProvisionedManaged → GlobalStandard, DataZoneProvisionedManaged → DataZoneStandard, ProvisionedManaged → Standard), or front the deployment with an API Management backend pool (`type: Pool`) whose members include a backend for it and one for a standard deployment (AiGateway builds such pools: provisioned first, spillover next).",
  references: { waf: "Reliability" },
  resourceTypes: [types.aiAccount, types.aiDeployment, types.apimService, types.apimBackend],
  validate: (resources, _args, report) => {
    const accounts = new Accounts(resources);
    const deployments: Deployment[] = resources
      .filter((r) => r.type === types.aiDeployment)
      .map((r) => ({
        resource: r,
        name: deploymentNameOf(r.props),
        type: deploymentType(r.props).type,
        model: modelOf(r.props).model,
        account: accounts.accountOf(r),
      }));
    const byAccount = new Map<string, Deployment[]>();
    for (const d of deployments) {
      const key = d.account?.toLowerCase();
      if (key !== undefined) {
        byAccount.set(key, [...(byAccount.get(key) ?? []), d]);
      }
    }
    const graph = new ApimGraph(resources);
    const pools = graph.backends.all
      .map((b) => graph.poolMembers(b).map((m) => targetsOf(m, deployments, byAccount, accounts)))
      .filter((members) => members.length > 1);

    for (const d of deployments) {
      if (d.type === undefined || !isProvisioned(d.type)) {
        continue;
      }
      const spillover = spilloverOf(d.resource.props);
      if (spillover) {
        const problem = spilloverProblem(d, spillover, byAccount);
        if (problem) {
          report(problem, d.resource.urn);
        }
        continue;
      }
      const covered = pools.some((members) =>
        members.some(
          (m, i) =>
            m.includes(d) &&
            members.some(
              (other, j) =>
                j !== i &&
                other.some(
                  (s) =>
                    s !== d &&
                    s.type !== undefined &&
                    familyOf(s.type) === "standard" &&
                    (s.model === undefined || d.model === undefined || s.model === d.model),
                ),
            ),
        ),
      );
      if (!covered) {
        report(
          `The ${d.type} deployment '${d.name ?? d.resource.name}' has no spillover: no spilloverDeploymentName and no gateway pool with a standard deployment of ${d.model ?? "the same model"}.`,
          d.resource.urn,
        );
      }
    }
  },
});

function spilloverProblem(d: Deployment, spillover: string, byAccount: ByAccount): string | undefined {
  if (d.account === undefined) {
    return undefined; // the account cannot be told: trust the name
  }
  const target = (byAccount.get(d.account.toLowerCase()) ?? []).find((x) => sameName(x.name, spillover));
  const name = d.name ?? d.resource.name;
  if (!target) {
    return `Deployment '${name}' spills over to '${spillover}', which is not a deployment of account '${d.account}' in this stack.`;
  }
  if (target.type === undefined || familyOf(target.type) !== "standard") {
    return `Deployment '${name}' spills over to '${spillover}', a ${target.type ?? "deployment of unknown type"}, not a standard deployment.`;
  }
  if (d.type && dataScopeOf(target.type) !== dataScopeOf(d.type)) {
    return `Deployment '${name}' (${d.type}, ${dataScopeOf(d.type)} data scope) spills over to '${spillover}' (${target.type}, ${dataScopeOf(target.type)}): the data-processing scopes must match.`;
  }
  return undefined;
}
