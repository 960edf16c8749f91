/**
 * The day the stack judges model lifecycle on. Normally today; `FOUNDRY_PLATFORM_AS_OF`
 * (YYYY-MM-DD) pins it, for reproducible previews and for the offline `plan --as-of`, which sets it
 * while the program runs.
 */
import { ConfigError } from "./config/problems";

/** The environment variable that pins the catalog date. */
export const asOfVariable = "FOUNDRY_PLATFORM_AS_OF";

/** Parses YYYY-MM-DD as 00:00 UTC; undefined when the text is not such a date. */
export function parseIsoDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? undefined : d;
}

/** The catalog date from the environment, else `now()`. A malformed value is a config error. */
export function catalogDateFromEnv(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const text = env[asOfVariable];
  if (text === undefined || text === "") {
    return now();
  }
  const day = parseIsoDay(text);
  if (!day) {
    throw new ConfigError([
      {
        key: asOfVariable,
        value: JSON.stringify(text),
        message: "must be a date YYYY-MM-DD, for example 2027-02-09; unset it to judge on today",
      },
    ]);
  }
  return day;
}
