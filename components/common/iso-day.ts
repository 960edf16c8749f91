/** Calendar days as ISO text (YYYY-MM-DD), without any import: the CLI reads flags with it before loading anything heavy. */

/** Parses YYYY-MM-DD as 00:00 UTC; undefined when the text is not such a date (2027-02-30 is not). */
export function parseIsoDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? undefined : d;
}

/** The UTC day of a date as YYYY-MM-DD. */
export function isoDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day a component judges model lifecycle on: its `catalogDate` argument (YYYY-MM-DD), else
 * `now()`. A malformed date is a problem naming the argument, never a silent "today".
 */
export function catalogDayOf(
  catalogDate: string | undefined,
  now: () => Date = () => new Date(),
): { readonly on?: Date; readonly problems: string[] } {
  if (catalogDate === undefined) {
    return { on: now(), problems: [] };
  }
  const on = parseIsoDay(catalogDate);
  return on
    ? { on, problems: [] }
    : {
        problems: [
          `catalogDate '${catalogDate}' is not a day; give YYYY-MM-DD (for example 2026-12-03), or leave it unset to judge on today`,
        ],
      };
}
