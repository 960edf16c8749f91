/**
 * Config that is valid but cannot take effect: a block that is switched off (explicitly, or by the
 * environment's default) yet holds content, keys that only another environment uses, settings of
 * a feature that is off, declarations nothing uses. Each would otherwise plan clean and deploy
 * nothing, with no hint; here each is a warning on its key that says why it has no effect and how
 * to turn it on (or what to remove). Every report of a plan carries them, and `pulumi up` logs them.
 */
import { isProvisioned } from "../../components/catalog/deployment-types";
import { humanDataPlaneGrants } from "../../components/access/access-control";
import { environmentDefaults } from "../defaults";
import { ConfigPath } from "./component-problems";
import { configNamespace } from "./namespace";
import { keyPath } from "./problems";
import type { PlatformConfig } from "./schema";

/** A config key that has no effect, why, and what to do. */
export interface ConfigWarning {
  /** Full key path as `pulumi config set --path` spells it, for example `foundry-platform:gateway`. */
  readonly key: string;
  /** Why the key has no effect and how to turn it on (or what to remove). */
  readonly message: string;
}

/** The keys of a section that are set, other than `enabled`, in the order written. */
function contentKeys(section: object | undefined): string[] {
  return Object.entries(section ?? {})
    .filter(([k, v]) => k !== "enabled" && v !== undefined)
    .map(([k]) => k);
}

/** "teams (2: assistants, search), upgrade, semanticCache". */
function describeGatewayContent(gw: NonNullable<PlatformConfig["gateway"]>): string {
  return contentKeys(gw)
    .map((k) => (k === "teams" ? `teams (${gw.teams.length}: ${gw.teams.map((t) => t.name).join(", ")})` : k))
    .join(", ");
}

/** Why a switchable section is off: its explicit `enabled: false`, or the environment's default. */
function offBecause(
  section: string,
  enabled: boolean | undefined,
  environment: PlatformConfig["environment"],
): string {
  return enabled === false
    ? `${section}.enabled is false`
    : `${section}.enabled is not set and defaults to false in ${environment}`;
}

/** Every key of `config` that cannot take effect, in config order. */
export function configWarnings(config: PlatformConfig): ConfigWarning[] {
  const out: ConfigWarning[] = [];
  const warn = (path: ConfigPath, message: string) =>
    out.push({ key: keyPath(configNamespace, path), message });
  const env = config.environment;
  const defaults = environmentDefaults(env);
  const deployments = config.accounts.flatMap((a) => a.deployments);

  // The gateway: a section that is off deploys none of its teams, canary, cache or logging.
  const gw = config.gateway;
  const gatewayOn = gw !== undefined && (gw.enabled ?? defaults.gatewayEnabled);
  if (gw && !gatewayOn) {
    warn(
      gw.enabled === false ? ["gateway", "enabled"] : ["gateway"],
      `${offBecause("gateway", gw.enabled, env)}, so nothing of this section is deployed: ${describeGatewayContent(gw)}; set gateway.enabled: true to deploy the gateway${env === "dev" ? ` (${defaults.gatewaySku} by default in dev)` : ""}, or remove the section`,
    );
  }

  // The private network path.
  const network = config.network;
  const networkOn = network?.enabled ?? defaults.privateNetwork;
  const networkContent = contentKeys(network);
  if (network && !networkOn && networkContent.length > 0) {
    warn(
      network.enabled === false ? ["network", "enabled"] : ["network"],
      `${offBecause("network", network.enabled, env)}, so ${networkContent.join(", ")} ${networkContent.length === 1 ? "has" : "have"} no effect: no virtual network, private endpoints or private DNS zones are created; set network.enabled: true to create the private network path, or remove ${networkContent.length === 1 ? "the key" : "the keys"}`,
    );
  }

  // A rolled-back canary: no candidate, so its evaluation is never read.
  const upgrade = gatewayOn ? gw?.upgrade : undefined;
  if (upgrade && upgrade.weightPercent === 0 && upgrade.evaluation) {
    warn(
      ["gateway", "upgrade", "evaluation"],
      `weightPercent is 0 (rolled back): no candidate deployment of ${upgrade.candidateModel ?? "the model"} ${upgrade.candidateVersion} exists, so the evaluation reports are not read and the promotion gate does not run; raise weightPercent to resume the canary, or remove the upgrade block once the rollback is done`,
    );
  }

  // LLM logging settings that only apply when logging (or message logging) is on.
  const logging = gatewayOn ? gw?.llmLogging : undefined;
  if (logging?.enabled === false) {
    for (const key of ["logMessages", "maxMessageBytes"] as const) {
      if (logging[key] !== undefined) {
        warn(
          ["gateway", "llmLogging", key],
          `llmLogging.enabled is false, so no LLM request is logged and ${key} has no effect; set llmLogging.enabled: true (the default) to log, or remove ${key}`,
        );
      }
    }
  } else if (logging?.maxMessageBytes !== undefined && logging.logMessages !== true) {
    warn(
      ["gateway", "llmLogging", "maxMessageBytes"],
      `llmLogging.logMessages is ${logging.logMessages === false ? "false" : "not set (default false)"}, so prompts and completions are not logged and maxMessageBytes has no effect; set llmLogging.logMessages: true to log them (they may hold personal data), or remove maxMessageBytes`,
    );
  }

  // Keys of a group that only grants roles in environments where people call the models directly.
  const developers = config.access?.developers;
  if (defaults.humanDataAccess === "gatewayOnly" && developers && contentKeys(developers).length > 0) {
    warn(
      ["access", "developers"],
      `in ${env} people reach the models only through the gateway, so the developers group gets no role (${humanDataPlaneGrants.join(" and ")} are granted to it in dev only); give these people a gateway team's subscription key, list workloads under access.automationIdentities, or remove the key`,
    );
  }

  // Alert thresholds of signals the stack does not have.
  const alerts = config.observability?.alerts;
  if (alerts?.ptuUtilizationPercent !== undefined && !deployments.some((d) => isProvisioned(d.type))) {
    warn(
      ["observability", "alerts", "ptuUtilizationPercent"],
      "no deployment is provisioned (PTU), so no PTU utilization alert is created and this threshold has no effect; it applies once a deployment has a provisioned type, or remove it",
    );
  }
  if (alerts?.spilloverRequests !== undefined && !deployments.some((d) => d.spillover !== undefined)) {
    warn(
      ["observability", "alerts", "spilloverRequests"],
      "no provisioned deployment spills over (no deployment sets spillover), so no spillover alert is created and this threshold has no effect; it applies once a provisioned deployment names its spillover deployment, or remove it",
    );
  }
  if (alerts?.gatewayServerErrorPercent !== undefined && !gatewayOn) {
    warn(
      ["observability", "alerts", "gatewayServerErrorPercent"],
      `the gateway is not deployed (${gw ? offBecause("gateway", gw.enabled, env) : "no gateway section"}), so no gateway alert is created and this threshold has no effect; deploy the gateway, or remove it`,
    );
  }

  // Models declared for deployments that no deployment uses.
  const used = new Set([
    ...deployments.map((d) => d.model),
    ...deployments.flatMap((d) => (d.routing?.models ?? []).map((m) => m.model)),
    ...(upgrade?.candidateModel ? [upgrade.candidateModel] : []),
  ]);
  (config.customModels ?? []).forEach((m, i) => {
    if (!used.has(m.name)) {
      warn(
        ["customModels", i],
        `no deployment uses model '${m.name}', so this declaration has no effect; deploy it under accounts[].deployments (model: ${m.name}), or remove it`,
      );
    }
  });

  return out;
}
