/**
 * Teams: each becomes an API Management product containing the inference API, with a policy that
 * holds the team's model allow-list and token budget, and one subscription (its key).
 */
import * as pulumi from "@pulumi/pulumi";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import { ServiceScope } from "./pools";
import type { TeamModelTraffic } from "./traffic";
import { namesForModels } from "./targets";
import { GatewayRoute, teamProductPolicy } from "./xml/documents";

/** A team that calls models through the gateway. */
export interface GatewayTeam {
  /** Short name (lower-case letters, digits, `-`); the product id is `team-<name>`. */
  readonly name: string;
  /**
   * Display name of the product.
   * @default "Team <name>"
   */
  readonly displayName?: string;
  /** Prompt and completion tokens per minute for the whole team; beyond it calls get 429. */
  readonly tokensPerMinute: number;
  /** Tokens per calendar month for the whole team; beyond it calls get 403 until the month resets. */
  readonly monthlyTokenQuota: number;
  /** Model names the team may call; anything else gets 403 with a JSON error. */
  readonly allowedModels: string[];
  /**
   * The team's expected traffic per model, averaged over a month. The platform routes it through
   * the model's pool (priorities, weights, PTU overflow) onto the deployments, whose plans price it.
   * @default - none
   */
  readonly expectedTraffic?: TeamModelTraffic[];
}

/**
 * The product id of a team.
 * @internal
 */
export function teamProductId(team: string): string {
  return `team-${team}`;
}

const teamName = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;

/**
 * Problems with the teams against the models the gateway serves.
 * @internal
 */
export function teamProblems(teams: readonly GatewayTeam[], servedModels: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const t of teams) {
    const label = `team '${t.name}'`;
    if (!teamName.test(t.name)) {
      problems.push(`${label}: names take 2 to 40 lower-case letters, digits or '-', starting with a letter`);
    }
    if (seen.has(t.name)) {
      problems.push(`${label} is declared twice; team names must be unique`);
    }
    seen.add(t.name);
    if (!(Number.isInteger(t.tokensPerMinute) && t.tokensPerMinute >= 1)) {
      problems.push(`${label}: tokensPerMinute ${t.tokensPerMinute} must be a whole number of at least 1`);
    }
    if (!(Number.isInteger(t.monthlyTokenQuota) && t.monthlyTokenQuota >= 1)) {
      problems.push(
        `${label}: monthlyTokenQuota ${t.monthlyTokenQuota} must be a whole number of at least 1`,
      );
    }
    if (t.allowedModels.length === 0) {
      problems.push(`${label} allows no model; list at least one in allowedModels`);
    }
    for (const x of t.expectedTraffic ?? []) {
      if (!t.allowedModels.includes(x.model)) {
        problems.push(
          `${label}: expectedTraffic names model '${x.model}', which the team may not call; allowed: ${t.allowedModels.join(", ")}`,
        );
      }
    }
    for (const m of t.allowedModels) {
      if (!servedModels.includes(m)) {
        problems.push(
          `${label} allows model '${m}', which the gateway does not serve; served: ${[...servedModels].sort().join(", ") || "none"}`,
        );
      }
    }
  }
  return problems;
}

/**
 * The resources of one team.
 * @internal
 */
export interface TeamResources {
  readonly product: apimanagement.Product;
  readonly apiLink: apimanagement.ProductApiLink;
  readonly policy: apimanagement.ProductPolicy;
  readonly subscription: apimanagement.Subscription;
}

/**
 * Declares each team's product, its link to the API, its policy and its subscription.
 * @internal
 */
export function declareTeams(
  scope: ServiceScope,
  api: apimanagement.Api,
  teams: readonly GatewayTeam[],
  routes: readonly GatewayRoute[],
  estimatePromptTokens: boolean,
): Record<string, TeamResources> {
  const out: Record<string, TeamResources> = {};
  for (const team of teams) {
    const base = `${scope.name}-team-${team.name}`;
    const productId = teamProductId(team.name);
    const product = new apimanagement.Product(
      base,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        productId,
        displayName: team.displayName ?? `Team ${team.name}`,
        description: `AI models for team ${team.name}: ${[...team.allowedModels].sort().join(", ")}; ${team.tokensPerMinute} tokens per minute, ${team.monthlyTokenQuota} tokens per month.`,
        subscriptionRequired: true,
        // Keys come from the platform (one subscription per team); nobody subscribes themselves.
        approvalRequired: true,
        state: "published",
      },
      { parent: scope.parent },
    );
    const apiLink = new apimanagement.ProductApiLink(
      `${base}-api`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        productId: product.name,
        apiLinkId: "inference",
        apiId: api.id,
      },
      { parent: scope.parent },
    );
    const policy = new apimanagement.ProductPolicy(
      `${base}-policy`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        productId: product.name,
        policyId: "policy",
        format: "xml",
        value: teamProductPolicy({
          team: team.name,
          allowedModels: team.allowedModels,
          allowedNames: namesForModels(routes, team.allowedModels),
          tokensPerMinute: team.tokensPerMinute,
          tokenQuota: team.monthlyTokenQuota,
          quotaPeriod: "Monthly",
          estimatePromptTokens,
        }),
      },
      { parent: scope.parent },
    );
    const subscription = new apimanagement.Subscription(
      `${base}-subscription`,
      {
        resourceGroupName: scope.resourceGroupName,
        serviceName: scope.serviceName,
        sid: productId,
        displayName: `${team.displayName ?? `Team ${team.name}`} key`,
        scope: pulumi.interpolate`/products/${product.name}`,
        state: "active",
        allowTracing: false,
      },
      { parent: scope.parent, dependsOn: [apiLink, policy] },
    );
    out[team.name] = { product, apiLink, policy, subscription };
  }
  return out;
}
