/**
 * Turns zod issues into config problems a person can act on: the full config key, the value
 * that was given, what is wrong and what is allowed.
 */
import { z } from "zod";

/** One thing wrong with the stack configuration. */
export interface ConfigProblem {
  /** Full key path as `pulumi config set --path` spells it, for example `foundry-platform:accounts[0].name`. */
  readonly key: string;
  /** The value that was given, shown compactly (`[secret]` for secret values); absent when the key is missing. */
  readonly value?: string;
  /** What is wrong and what is allowed instead. */
  readonly message: string;
}

/** Thrown when the stack configuration is invalid; carries every problem at once. */
export class ConfigError extends Error {
  constructor(
    readonly problems: readonly ConfigProblem[],
    readonly source?: string,
  ) {
    super(formatProblems(problems, source));
    this.name = "ConfigError";
  }
}

/** One line per problem, then one line on how to fix them. */
export function formatProblems(problems: readonly ConfigProblem[], source?: string): string {
  const lines = problems.map(problemLine);
  const where = source ? ` in ${source}` : "";
  lines.push(
    `fix: correct the key(s) above${where}, or run \`pulumi config set --path '<key>' <value>\` for the stack.`,
  );
  return lines.join("\n");
}

export function problemLine(p: ConfigProblem): string {
  const got = p.value === undefined ? "" : ` (got ${p.value})`;
  return `${p.key}${got}: ${p.message}`;
}

/** Key path in `pulumi config set --path` syntax: `ns:a.b[0].c`. */
export function keyPath(namespace: string, path: readonly PropertyKey[]): string {
  let out = namespace;
  path.forEach((segment, i) => {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else {
      out += `${i === 0 ? ":" : "."}${String(segment)}`;
    }
  });
  return out;
}

const maxValueLength = 80;

/** A compact, single-line rendering of a config value. */
export function showValue(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

/** The schema node at `path`, looking through optional, default and array wrappers. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    node = node && unwrap(node);
    if (node instanceof z.ZodObject && typeof segment === "string") {
      node = (node.shape as Record<string, z.ZodType>)[segment];
    } else if (node instanceof z.ZodArray && typeof segment === "number") {
      node = node.element as z.ZodType;
    } else if (node instanceof z.ZodRecord) {
      node = node.valueType as z.ZodType;
    } else {
      return undefined;
    }
  }
  return node && unwrap(node);
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

function sizeNoun(origin: string | undefined, bound: number | bigint): string {
  switch (origin) {
    case "string":
      return `${bound} character${bound === 1 ? "" : "s"}`;
    case "array":
    case "set":
      return `${bound} entr${bound === 1 ? "y" : "ies"}`;
    default:
      return String(bound);
  }
}

/**
 * Converts zod issues to problems. `secretKeys` are top-level keys whose values must never
 * be shown; their values print as `[secret]`.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  namespace: string,
  secretKeys: ReadonlySet<string>,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const secret = typeof issue.path[0] === "string" && secretKeys.has(issue.path[0]);
    // A custom issue about a missing key says so with `params: { missing: true }` (zod would show the parent).
    const missing = (issue as { params?: { missing?: boolean } }).params?.missing === true;
    const input = missing ? undefined : (issue as { input?: unknown }).input;
    const value = input === undefined ? undefined : secret ? "[secret]" : showValue(input);
    const key = keyPath(namespace, issue.path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const node = schemaAt(schema, issue.path);
        const known = node instanceof z.ZodObject ? Object.keys(node.shape).sort().join(", ") : "";
        for (const unknownKey of issue.keys) {
          problems.push({
            key: keyPath(namespace, [...issue.path, unknownKey]),
            message: `unknown key; remove it or fix its spelling${known ? `; known keys here: ${known}` : ""}`,
          });
        }
        break;
      }
      case "invalid_type":
        problems.push(
          input === undefined
            ? { key, message: `required; expected ${issue.expected}` }
            : {
                key,
                value,
                message: `expected ${issue.expected === "int" ? "a whole number" : issue.expected}`,
              },
        );
        break;
      case "invalid_value":
        problems.push({
          key,
          value,
          message: `not allowed; allowed: ${issue.values.map((v) => String(v)).join(" | ")}`,
        });
        break;
      case "too_small":
        problems.push({
          key,
          value,
          message: `too small; allowed: at least ${sizeNoun(issue.origin, issue.minimum)}`,
        });
        break;
      case "too_big":
        problems.push({
          key,
          value,
          message: `too big; allowed: at most ${sizeNoun(issue.origin, issue.maximum)}`,
        });
        break;
      case "invalid_format":
        problems.push({ key, value, message: issue.message });
        break;
      default:
        problems.push({ key, value, message: issue.message });
    }
  }
  return problems;
}
