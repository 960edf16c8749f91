/**
 * The day the stack judges model lifecycle on. Normally today; `FOUNDRY_PLATFORM_AS_OF`
 * (YYYY-MM-DD) pins it, for reproducible previews and for the offline `plan --as-of`, which sets it
 * while the program runs.
 */
import { ConfigError } from "./config/problems";
import { parseIsoDay } from "./iso-day";

/** The environment variable that pins the catalog date. */
export const asOfVariable = "FOUNDRY_PLATFORM_AS_OF";

/** The catalog date from the environment, else `now()`. A malformed value is a config error. */
export function catalogDateFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  now: () => Date = () => new Date(),
): Date {
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
