/**
 * Reads the platform configuration from Pulumi's config map (`namespace:key` → string, objects
 * as JSON, exactly as `pulumi.runtime.allConfig()` returns it) and validates it with zod.
 */
import { EnvironmentLimits } from "../../components/select/requirements";
import { credentialProblems } from "./credentials";
import { attributeIssues, expandWorkloads, WorkloadsPlan } from "./expand-workloads";
import { ConfigError, ConfigProblem, issuesToProblems } from "./problems";
import { configNamespace, platformConfig, platformConfigOn, PlatformConfig } from "./schema";

/** A validated configuration and which of its top-level keys hold secret values. */
export interface LoadedConfig {
  readonly config: PlatformConfig;
  /** Top-level keys (without namespace) whose values are secret. */
  readonly secretKeys: ReadonlySet<string>;
  /**
   * The day the model catalog judged the deployments on; the components judge on the same day.
   * @default - the components use the current date
   */
  readonly catalogDate?: Date;
  /**
   * The workloads' rankings and what they derive (`npm run select` prints them).
   * @default - none: the config has no workloads
   */
  readonly workloads?: WorkloadsPlan;
}

/**
 * A config error that also carries the workloads' rankings when they could be made, so that
 * `select` can show why a workload fits nothing next to the problems.
 */
export class WorkloadsConfigError extends ConfigError {
  constructor(
    problems: readonly ConfigProblem[],
    source: string | undefined,
    readonly workloads: WorkloadsPlan | undefined,
  ) {
    super(problems, source);
  }
}

/** How the values were read. */
export interface LoadOptions {
  /**
   * The text that stands for each encrypted value when the values come from a stack file that
   * cannot be decrypted (the offline plan): the other values of a secret key are then known to be
   * plain text and are checked for credentials too.
   * @default - none: the values come from the engine, decrypted; secret keys are not checked
   */
  readonly secretPlaceholder?: string;
  /**
   * The environment's limits the workloads are selected within (its policy config); called only
   * when the config has workloads.
   * @default - no limits
   */
  readonly workloadLimits?: () => EnvironmentLimits | undefined;
}

/** Config values as Pulumi hands them to a program: strings, with objects and arrays as JSON text. */
export type PulumiConfigMap = Readonly<Record<string, string>>;

/**
 * Validates the platform's keys of a Pulumi config map. Keys of other namespaces (providers such
 * as `azure-native:`) are left alone. Throws {@link ConfigError} with every problem at once.
 * Deployments are checked against the model catalog as of `catalogDate` (default: now), so a
 * version that retires between two runs starts failing on its retirement day. Workloads are ranked on
 * the same day within `opts.workloadLimits` (the environment's policy), and the deriving ones add
 * their parts before validation.
 */
export function loadPlatformConfig(
  values: PulumiConfigMap,
  secretKeys: Iterable<string> = [],
  source?: string,
  catalogDate: Date = new Date(),
  opts: LoadOptions = {},
): LoadedConfig {
  const prefix = `${configNamespace}:`;
  const secret = new Set<string>();
  for (const key of secretKeys) {
    if (key.startsWith(prefix)) {
      secret.add(key.slice(prefix.length));
    }
  }
  const raw: Record<string, unknown> = {};
  for (const [fullKey, text] of Object.entries(values)) {
    if (fullKey.startsWith(prefix)) {
      raw[fullKey.slice(prefix.length)] = structured(text);
    }
  }
  const expansion = expandWorkloads(raw, catalogDate, opts.workloadLimits ?? (() => undefined));
  const parsed = platformConfigOn(catalogDate).safeParse(expansion.raw, { reportInput: true });
  const issues = [
    ...expansion.issues,
    ...(parsed.success ? [] : attributeIssues(parsed.error.issues, expansion.origins)),
  ];
  // Credentials in plain text are errors even in a config that is otherwise valid.
  const problems = [
    ...issuesToProblems(issues, platformConfig, configNamespace, secret),
    ...credentialProblems(raw, { secretKeys: secret, placeholder: opts.secretPlaceholder }),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new WorkloadsConfigError(problems, source, expansion.workloads);
  }
  return {
    config: parsed.data,
    secretKeys: secret,
    catalogDate,
    ...(expansion.workloads ? { workloads: expansion.workloads } : {}),
  };
}

/**
 * Pulumi stores structured values (YAML maps and lists) as JSON text and scalars as plain text.
 * Text that parses as a JSON object or array is structured; anything else stays a string.
 */
function structured(text: string): unknown {
  const start = text.trimStart()[0];
  if (start === "{" || start === "[") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
