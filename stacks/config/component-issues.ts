/**
 * The components' own validators, run on the arguments the program will build from the config,
 * before the program runs: a mistake the schema alone cannot see (a subnet outside the network's
 * address space, a gateway tier that cannot join the network, two automation identities of one
 * name, batch deployments spread over accounts behind a gateway, a budget start before 2017) is a
 * config error with its key path, like any other, instead of a component refusing its arguments
 * half-way through the program.
 */
import { z } from "zod";
import { accessControlProblems } from "../../components/access/access-control";
import { resourceName } from "../../components/common/naming";
import { virtualNetworkProblems } from "../../components/gateway/args";
import { accountRouteProblems } from "../../components/gateway/targets";
import { gatewayNetworkMode } from "../../components/network/facts";
import { networkProblems } from "../../components/network/network";
import { costControlsProblems } from "../../components/observability/cost";
import { environmentDefaults, operationsDefaultsFor } from "../defaults";
import { networkArgs } from "../network-args";
import { ComponentProblems, platformName, problemPath, stripLeadingKey, valueAt } from "./component-problems";
import type { PlatformConfig } from "./schema";

/** Whether the program deploys the gateway and the private network for this config. */
export function effectiveParts(config: PlatformConfig): { gateway: boolean; network: boolean } {
  const defaults = environmentDefaults(config.environment);
  return {
    gateway: config.gateway !== undefined && (config.gateway.enabled ?? defaults.gatewayEnabled),
    network: config.network?.enabled ?? defaults.privateNetwork,
  };
}

/** The problems each component would raise on the arguments built from `config`. */
export function componentProblemsOf(config: PlatformConfig): ComponentProblems[] {
  const defaults = environmentDefaults(config.environment);
  const gw = effectiveParts(config).gateway ? config.gateway : undefined;
  const sku = gw?.sku ?? defaults.gatewaySku;
  const out: ComponentProblems[] = [];
  const add = (component: string, part: string, problems: readonly string[]) => {
    if (problems.length > 0) {
      out.push({ component, componentName: `${platformName}-${part}`, problems });
    }
  };
  const network = networkArgs(config.network, defaults);
  if (network) {
    const location = gw?.location ?? config.location;
    add(
      "AiNetwork",
      "network",
      networkProblems({
        location,
        gatewayMode: gatewayNetworkMode(sku) ?? "Integration",
        ...(network.existingGatewaySubnetResourceId === undefined
          ? {
              virtualNetworkName: resourceName("vnet", {
                workload: config.workload,
                environment: config.environment,
                region: location,
              }),
            }
          : {}),
        ...network,
      }),
    );
  }
  if (gw) {
    add("AiGateway", "gateway", [
      ...(gw.existingServiceId === undefined
        ? virtualNetworkProblems(sku, network ? { subnetResourceId: "" } : undefined).map(
            // The component's "remove virtualNetwork" is, in config terms, turning the network path off.
            (p) =>
              `${p.replace(/, or remove virtualNetwork$/, "")}; the gateway joins the private network here (network.enabled is ${config.network?.enabled === undefined ? `true by default in ${config.environment}` : "true"}), or set network.enabled: false`,
          )
        : []),
      ...accountRouteProblems(
        config.accounts.flatMap((a) => a.deployments.map((d) => ({ account: a.name, type: d.type }))),
      ),
    ]);
  }
  add(
    "CostControls",
    "cost",
    costControlsProblems({
      monthlyAmount: config.budget?.monthlyAmount ?? operationsDefaultsFor(config.environment).monthlyBudget,
      startDate: config.budget?.startDate,
    }),
  );
  add(
    "AccessControl",
    "access",
    accessControlProblems({
      groups: config.access && {
        admins: config.access.admins,
        developers: config.access.developers,
        readers: config.access.readers,
      },
      automationIdentities: config.access?.automationIdentities,
      aiAccounts: config.accounts.map((a) => ({ name: a.name, resourceId: "" })),
    }),
  );
  return out;
}

/** A value worth showing next to its key: a scalar, not a whole section. */
function isPlain(value: unknown): boolean {
  return ["string", "number", "boolean"].includes(typeof value);
}

/** Adds each component problem as an issue at the config key it comes from, once the rest of the config is valid. */
export function componentIssues(config: PlatformConfig, schema: z.ZodType, ctx: z.RefinementCtx): void {
  // The components judge arguments the schema already accepted; a key the schema refused is reported once.
  if (ctx.issues.length > 0) {
    return;
  }
  for (const p of componentProblemsOf(config)) {
    for (const problem of p.problems) {
      const path = problemPath(p, problem, { config, schema });
      const value = valueAt(config, path);
      ctx.addIssue({
        code: "custom",
        path: [...path],
        message: stripLeadingKey(problem, path),
        ...(isPlain(value) ? { input: value } : { params: { missing: true } }),
      });
    }
  }
}
