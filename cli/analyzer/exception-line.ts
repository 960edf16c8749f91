/**
 * The policy pack reports a finding that an acknowledged exception touches with one opening line
 * (`policies/lib/exceptions.ts` writes it); this reads it back into structured fields so every report
 * format can show the exception instead of burying it in the message.
 */
import { ViolationException } from "../model";

const patterns: readonly [RegExp, (m: RegExpExecArray) => ViolationException][] = [
  [
    /^Acknowledged exception \(expires (\d{4}-\d{2}-\d{2}), from (config|tag)\): (.*)$/,
    (m) => ({ status: "acknowledged", expires: m[1], source: m[2], reason: m[3] }),
  ],
  [
    /^Exception expired on (\d{4}-\d{2}-\d{2}) \(from (config|tag)\), so the finding counts again: (.*)$/,
    (m) => ({ status: "expired", expires: m[1], source: m[2], reason: m[3] }),
  ],
  [
    /^Exception ignored \(from (config|tag)\): (.*)$/,
    (m) => ({ status: "invalid", source: m[1], reason: m[2] }),
  ],
];

/** Splits a violation message into the exception it reports (if any) and the finding itself. */
export function splitException(message: string): { exception?: ViolationException; message: string } {
  const newline = message.indexOf("\n");
  const first = newline < 0 ? message : message.slice(0, newline);
  for (const [pattern, read] of patterns) {
    const m = pattern.exec(first);
    if (m) {
      return { exception: read(m), message: newline < 0 ? "" : message.slice(newline + 1) };
    }
  }
  return { message };
}
