/**
 * Points a component's problems at the config keys they came from. The components validate their
 * own arguments (pure `*Problems` functions) and know nothing of the stack's config; the program
 * builds those arguments from the config, so it knows where each one came from: the component
 * (`AiNetwork 'platform-network'`) gives the section, the problem's leading argument name
 * (`gatewaySubnetPrefix '10.70.0.0/26' lies outside ...`) or the item it names (`deployment 'x'`,
 * `team 'y'`) gives the key inside it. A problem that names no key points at its section.
 *
 * Used twice: by the config checks that run the components' validators before the program
 * (`component-issues.ts`), and by the program when a component still refuses its arguments.
 */
import { z } from "zod";
import { candidateDeploymentName } from "../../components/gateway/canary";
import { configNamespace } from "./namespace";
import { ConfigError, ConfigProblem, keyPath, schemaAt, showValue } from "./problems";
import type { PlatformConfig } from "./schema";

/** A key path inside the config, as zod spells it. */
export type ConfigPath = readonly (string | number)[];

/** What a component's problems are about: the class, the logical name and the sentences. */
export interface ComponentProblems {
  readonly component: string;
  readonly componentName: string;
  readonly problems: readonly string[];
}

/** The program's logical name of the platform (stacks/program.ts); children are named `<platform>-<part>`. */
export const platformName = "platform";

/** Argument names of a component that the config spells differently, by component. */
const aliases: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Observability: { retentionInDays: "retentionDays" },
  AccessControl: { groups: "" },
  AiGateway: { circuitBreakerRules: "", virtualNetwork: "" },
};

/** Items named in a problem (`deployment 'gpt-5'`), the list they live in and their key. */
const namedItems: readonly { pattern: RegExp; list: (string | number)[]; key: (item: object) => string }[] = [
  {
    pattern: /^deployment '([^']+)'/,
    list: ["deployments"],
    key: (d) => nameOf(d, "name") ?? nameOf(d, "model") ?? "",
  },
  { pattern: /^project '([^']+)'/, list: ["projects"], key: (p) => nameOf(p, "name") ?? "" },
  { pattern: /^team '([^']+)'/, list: ["teams"], key: (t) => nameOf(t, "name") ?? "" },
  {
    pattern: /^automation identity (?:name )?'([^']+)'/,
    list: ["automationIdentities"],
    key: (a) => nameOf(a, "name") ?? "",
  },
  {
    pattern: /^webhook (?:name )?'([^']+)'/,
    list: ["notifications", "webhooks"],
    key: (w) => nameOf(w, "name") ?? "",
  },
];

function nameOf(item: object, field: string): string | undefined {
  const v = (item as Record<string, unknown>)[field];
  return typeof v === "string" ? v : undefined;
}

/** The value at `path` in `value`, or undefined. */
export function valueAt(value: unknown, path: ConfigPath): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== "object") {
      return undefined;
    }
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** The leading argument path of a sentence (`gatewaySubnetPrefix`, `roleAssignments[0]`, `groups.admins.members`). */
function leadingPath(text: string): ConfigPath {
  const m = /^([A-Za-z][A-Za-z0-9]*(?:\[\d+\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\d+\])?)*)(?=[\s:'(]|$)/.exec(
    text,
  );
  if (!m) {
    return [];
  }
  const path: (string | number)[] = [];
  for (const part of m[1].split(".")) {
    const [, key, index] = /^([A-Za-z0-9]+)(?:\[(\d+)\])?$/.exec(part) ?? [];
    path.push(key);
    if (index !== undefined) {
      path.push(Number(index));
    }
  }
  return path;
}

/** The config a program built a component's arguments from, and its schema (to tell which keys exist). */
export interface ConfigSource {
  readonly config: PlatformConfig;
  readonly schema: z.ZodType;
  /**
   * Top-level keys whose values are secret: their values never show.
   * @default - none
   */
  readonly secretKeys?: ReadonlySet<string>;
}

/** The section a component's arguments come from, or undefined for a component the program does not declare. */
function sectionOf(p: ComponentProblems, problem: string, config: PlatformConfig): ConfigPath | undefined {
  switch (p.component) {
    case "AiPlatform":
      // The platform itself validates the names built from workload, environment and region, and the canary.
      return /^upgrade\b/.test(problem) ? ["gateway", "upgrade"] : ["workload"];
    case "FoundryAccount": {
      const i = config.accounts.findIndex((a) => `${platformName}-${a.name}` === p.componentName);
      return i >= 0 ? ["accounts", i] : ["accounts"];
    }
    case "AiGateway":
      return ["gateway"];
    case "AiNetwork":
      return ["network"];
    case "Observability":
      return ["observability"];
    case "CostControls":
      return ["budget"];
    case "AccessControl":
      return ["access"];
    default:
      return undefined;
  }
}

/** Whether `path` names a key the config schema has. */
function isConfigKey(schema: z.ZodType, path: ConfigPath): boolean {
  return schemaAt(schema, path) !== undefined;
}

/** A problem about the canary candidate (`deployment '<stable>-canary' version ...`): a key of `gateway.upgrade`. */
function canaryCandidate(
  p: ComponentProblems,
  problem: string,
  config: PlatformConfig,
): ConfigPath | undefined {
  const upgrade = config.gateway?.upgrade;
  const m = /^deployment '([^']+)'\s*(\w*)/.exec(problem);
  if (
    p.component !== "FoundryAccount" ||
    !upgrade ||
    !m ||
    m[1] !== candidateDeploymentName(upgrade.deployment)
  ) {
    return undefined;
  }
  const key = { version: "candidateVersion", model: "candidateModel" }[m[2]];
  return ["gateway", "upgrade", ...(key ? [key] : [])];
}

/**
 * A gateway problem about deployments it fronts (`deployments 'main/gpt-5.4' and 'main/gpt-5-4' both
 * map to ...`): the name of the last deployment it names, which is the one to rename.
 */
function gatewayTarget(
  p: ComponentProblems,
  problem: string,
  config: PlatformConfig,
): ConfigPath | undefined {
  if (p.component !== "AiGateway") {
    return undefined;
  }
  const named = [...problem.matchAll(/'([a-z0-9]+)\/([^'/]+)'/g)].at(-1);
  const i = named ? config.accounts.findIndex((a) => a.name === named[1]) : -1;
  const j =
    named && i >= 0 ? config.accounts[i].deployments.findIndex((d) => (d.name ?? d.model) === named[2]) : -1;
  if (!named || j < 0) {
    return undefined;
  }
  return [
    "accounts",
    i,
    "deployments",
    j,
    config.accounts[i].deployments[j].name === undefined ? "model" : "name",
  ];
}

/**
 * The config key a component's problem points at: its section, then the item or argument the
 * sentence starts with, as far as the config has such a key.
 */
export function problemPath(p: ComponentProblems, problem: string, source: ConfigSource): ConfigPath {
  const { config, schema } = source;
  const section = sectionOf(p, problem, config);
  if (section === undefined) {
    return [];
  }
  let path: (string | number)[] = [...section];
  let rest = problem;
  // The canary candidate is the platform's own deployment of an account: its settings come from the upgrade.
  const candidate = canaryCandidate(p, problem, config) ?? gatewayTarget(p, problem, config);
  if (candidate) {
    return candidate;
  }
  for (const item of namedItems) {
    const m = item.pattern.exec(rest);
    const list = [...section, ...item.list];
    const items = valueAt(config, list);
    if (m && Array.isArray(items) && isConfigKey(schema, list)) {
      const named = (x: unknown) => typeof x === "object" && x !== null && item.key(x) === m[1];
      // A repeat is reported where it repeats: the last item of that name.
      const indexes = items.flatMap((x, i) => (named(x) ? [i] : []));
      const index = /\b(twice|duplicate)\b/.test(rest) ? (indexes.at(-1) ?? -1) : (indexes[0] ?? -1);
      if (index >= 0) {
        path = [...list, index];
        rest = rest.slice(m[0].length).replace(/^[:\s]+/, "");
      }
      break;
    }
  }
  const componentAliases = aliases[p.component] ?? {};
  const lead = leadingPath(rest).flatMap((segment, i) =>
    i === 0 && typeof segment === "string" && segment in componentAliases
      ? componentAliases[segment] === ""
        ? []
        : [componentAliases[segment]]
      : [segment],
  );
  // The longest prefix of the leading argument path that the config has.
  for (let n = lead.length; n > 0; n--) {
    const candidate = [...path, ...lead.slice(0, n)];
    if (isConfigKey(schema, candidate)) {
      return candidate;
    }
  }
  return path;
}

/**
 * The sentence without the argument name (and its quoted value) it starts with when that name is
 * the key it now stands under: `gatewaySubnetPrefix '10.70.0.0/26' lies outside ...` under
 * `network.gatewaySubnetPrefix` reads `lies outside ...`.
 */
export function stripLeadingKey(problem: string, path: ConfigPath): string {
  const last = path[path.length - 1];
  if (typeof last !== "string") {
    return problem;
  }
  const m = new RegExp(`^${last}(?: '[^']*')?(?::\\s*|\\s+)`).exec(problem);
  return m && m[0].length < problem.length ? problem.slice(m[0].length) : problem;
}

/**
 * A component's problems as config problems: the key each comes from, the value there when it is
 * a plain value (never a secret one), and the component's sentence.
 */
export function componentConfigProblems(p: ComponentProblems, source: ConfigSource): ConfigProblem[] {
  const secretKeys = source.secretKeys ?? new Set<string>();
  return p.problems.map((problem) => {
    const path = problemPath(p, problem, source);
    const value = path.length > 0 ? valueAt(source.config, path) : undefined;
    const plain = value === null || ["string", "number", "boolean"].includes(typeof value);
    const secret = typeof path[0] === "string" && secretKeys.has(path[0]);
    return {
      key: path.length > 0 ? keyPath(configNamespace, path) : configNamespace,
      ...(plain ? { value: secret ? "[secret]" : showValue(value) } : {}),
      message: `${p.component} '${p.componentName}': ${problem}`,
    };
  });
}

/** A component's refusal of its arguments, as the config error it really is. */
export function componentConfigError(p: ComponentProblems, source: ConfigSource, file?: string): ConfigError {
  return new ConfigError(componentConfigProblems(p, source), file);
}
