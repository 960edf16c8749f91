/**
 * Reads the platform configuration from Pulumi's config map (`namespace:key` → string, objects
 * as JSON, exactly as `pulumi.runtime.allConfig()` returns it) and validates it with zod.
 */
import { ConfigError, ConfigProblem, issuesToProblems, keyPath } from "./problems";
import { configNamespace, platformConfig, PlatformConfig } from "./schema";

/** A validated configuration and which of its top-level keys hold secret values. */
export interface LoadedConfig {
  readonly config: PlatformConfig;
  /** Top-level keys (without namespace) whose values are secret. */
  readonly secretKeys: ReadonlySet<string>;
}

/** Config values as Pulumi hands them to a program: strings, with objects and arrays as JSON text. */
export type PulumiConfigMap = Readonly<Record<string, string>>;

/**
 * Validates the platform's keys of a Pulumi config map. Keys of other namespaces (providers such
 * as `azure-native:`) are left alone. Throws {@link ConfigError} with every problem at once.
 */
export function loadPlatformConfig(
  values: PulumiConfigMap,
  secretKeys: Iterable<string> = [],
  source?: string,
): LoadedConfig {
  const prefix = `${configNamespace}:`;
  const secret = new Set<string>();
  for (const key of secretKeys) {
    if (key.startsWith(prefix)) {
      secret.add(key.slice(prefix.length));
    }
  }
  const raw: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [fullKey, text] of Object.entries(values)) {
    if (!fullKey.startsWith(prefix)) {
      continue;
    }
    const key = fullKey.slice(prefix.length);
    const trimmed = text.trimStart();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        raw[key] = JSON.parse(text);
      } catch {
        problems.push({
          key: keyPath(configNamespace, [key]),
          value: secret.has(key) ? "[secret]" : text.slice(0, 40),
          message: "not valid structured config (JSON); write it as a YAML object or list",
        });
      }
    } else {
      raw[key] = text;
    }
  }
  const parsed = platformConfig.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    problems.push(...issuesToProblems(parsed.error.issues, platformConfig, configNamespace, secret));
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(problems, source);
  }
  return { config: parsed.data, secretKeys: secret };
}
