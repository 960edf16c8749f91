/** The day the tools judge model lifecycle on: `--as-of YYYY-MM-DD`, else today (UTC). */
import { parseIsoDay } from "../stacks/iso-day";
import { InputError } from "./errors";

/** `--as-of YYYY-MM-DD`, checked; undefined when not given (today is used). */
export function asOfFlag(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!parseIsoDay(value)) {
    throw new InputError(
      `--as-of ${JSON.stringify(value)}: must be a date YYYY-MM-DD, for example --as-of 2027-02-09`,
    );
  }
  return value;
}

/** Today as YYYY-MM-DD (UTC): the day judged when no `--as-of` is given. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
