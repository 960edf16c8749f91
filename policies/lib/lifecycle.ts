/**
 * Model version lifecycle for the lifecycle rules: the catalog's `versionStatus`, judged on today's
 * date unless a policy config pins `asOf` (for reproducible audits).
 */
import { VersionStatus, versionStatus } from "../../components/catalog";

/** The catalog lookup the lifecycle rules use (injectable so tests can use synthetic models). */
export type VersionStatusLookup = (model: string, version: string, on: Date) => VersionStatus;

export const defaultLookup: VersionStatusLookup = versionStatus;

export const asOfSchema = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "Judge as of this date (YYYY-MM-DD) instead of today, for reproducible audits.",
} as const;

/** The date to judge on: `asOf` (YYYY-MM-DD, UTC midnight) or now. */
export function judgeDate(asOf: string | undefined, now: () => Date = () => new Date()): Date {
  if (asOf !== undefined) {
    const d = new Date(`${asOf}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) {
      return d;
    }
  }
  return now();
}
