/**
 * Which policy config a plan or a check runs with. The pack fails closed (every rule mandatory when
 * no config names it), so picking a config can only relax rules, and the tools pick one only on
 * evidence: `--policy-config FILE` given by the user, else the pack's `config/<stack>.json` for the
 * stack's name, else the pack's `config/<env>.json` for the one `environment` tag every tagged
 * resource carries. Otherwise the pack's defaults apply, and the report says so.
 */
import * as fs from "node:fs";
import { PlannedResource } from "../model";

export interface PolicyConfigChoice {
  /**
   * The policy config file.
   * @default - none: the pack's defaults apply (every rule mandatory)
   */
  readonly file?: string;
  /** How the file was chosen, or why none was, in words for the report. */
  readonly reason: string;
}

/** Stack and environment names that may name a config file (Pulumi's stack-name characters, no path). */
const plainName = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** The distinct plain-text `environment` tags of the resources, sorted. */
export function environmentTags(resources: readonly PlannedResource[]): string[] {
  const found = new Set<string>();
  for (const r of resources) {
    const tags = r.inputs.tags ?? r.outputs.tags;
    if (typeof tags === "object" && tags !== null && !Array.isArray(tags)) {
      const env = tags.environment;
      if (typeof env === "string" && env !== "") {
        found.add(env);
      }
    }
  }
  return [...found].sort();
}

/**
 * Chooses the policy config. `configPath(name)` is where the pack keeps the config named `name`;
 * `exists` tells whether a file is there.
 */
export function choosePolicyConfig(opts: {
  /**
   * `--policy-config FILE`.
   * @default - none: chosen by stack name, then environment tag
   */
  readonly explicit?: string;
  readonly stack: string;
  /** The distinct environment tags of the resources ({@link environmentTags}). */
  readonly environments: readonly string[];
  readonly configPath: (name: string) => string;
  /**
   * Whether a file exists.
   * @default fs.existsSync
   */
  readonly exists?: (file: string) => boolean;
}): PolicyConfigChoice {
  const exists = opts.exists ?? fs.existsSync;
  if (opts.explicit !== undefined) {
    return { file: opts.explicit, reason: "--policy-config" };
  }
  if (plainName.test(opts.stack) && exists(opts.configPath(opts.stack))) {
    return { file: opts.configPath(opts.stack), reason: `the stack name '${opts.stack}'` };
  }
  const envs = opts.environments.filter((e) => plainName.test(e));
  if (envs.length === 1 && opts.environments.length === 1 && exists(opts.configPath(envs[0]))) {
    return { file: opts.configPath(envs[0]), reason: `the environment tag '${envs[0]}' of the resources` };
  }
  const [first, ...more] = opts.environments;
  const why =
    first === undefined
      ? "and no environment tag"
      : more.length === 0
        ? `nor for its environment tag '${first}'`
        : `and its environment tags ${opts.environments.map((e) => `'${e}'`).join(", ")} disagree`;
  return { reason: `no config for stack '${opts.stack}' ${why}` };
}
