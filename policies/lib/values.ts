/**
 * Reading resource properties as plain values. The policy SDK hands rules their props wrapped in a
 * proxy that throws its own `UnknownValueError` when a value is unknown during preview; these
 * helpers let that error through (the SDK then reports that the rule cannot run during preview)
 * and never throw anything else: a value of an unexpected shape reads as absent.
 */

export type Json = Record<string, unknown>;

export function asRecord(v: unknown): Json | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

export function asString(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function asNumber(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function asBoolean(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

export function asArray(v: unknown): readonly unknown[] | undefined {
  return Array.isArray(v) ? (v as unknown[]) : undefined;
}

/** The value at a property path, or undefined where a step is missing or not an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    const record = asRecord(node);
    if (!record) {
      return undefined;
    }
    node = record[key];
  }
  return node;
}

/** The last segment of an ARM id or path (`/a/b/c` → `c`), or the string itself. */
export function lastSegment(id: string): string {
  const parts = id.split("/").filter((p) => p.length > 0);
  return parts.length > 0 ? parts[parts.length - 1] : id;
}

/** Case-insensitive equality of Azure names (ARM names are case-insensitive). */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
