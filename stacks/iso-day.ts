/** Calendar days as ISO text (YYYY-MM-DD), without any import: the CLI reads flags with it before loading anything heavy. */

/** Parses YYYY-MM-DD as 00:00 UTC; undefined when the text is not such a date (2027-02-30 is not). */
export function parseIsoDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return undefined;
  }
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? undefined : d;
}
