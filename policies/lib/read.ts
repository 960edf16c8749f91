/**
 * Small readers for resource properties as rules receive them: plain JSON wrapped in the policy
 * SDK's unknown-checking proxy. Reading a value that is unknown during preview throws the SDK's
 * `UnknownValueError`, which the SDK reports as "can't run during preview" (advisory); these readers
 * never throw anything else, whatever shape the value has.
 */

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a property path, or undefined when a step is missing or not an object. */
export function field(value: unknown, ...path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (!isRecord(node)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

/** A string value, or undefined for anything else (including the empty string). */
export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An array value, or an empty list for anything else. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Case-insensitive equality of two strings (ARM names and enum values are case-insensitive). */
export function sameText(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** A value as it reads in a message: strings quoted, absent values as "not set". */
export function shown(value: unknown): string {
  if (value === undefined || value === null) {
    return "not set";
  }
  return JSON.stringify(value);
}
