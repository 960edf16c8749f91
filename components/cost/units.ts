/** Units of the cost model: a month is 730 hours (Azure's pricing convention), prices in USD. */

/** Hours in a month as Azure prices hourly meters: 8,760 / 12. */
export const hoursPerMonth = 730;

/** Minutes in a month of {@link hoursPerMonth}. */
export const minutesPerMonth = hoursPerMonth * 60;

/** Tokens per price unit of the catalog's token prices (USD per 1M tokens). */
export const tokensPerPriceUnit = 1_000_000;

/** An amount rounded to whole cents, the precision every item and total is given in. */
export function cents(usd: number): number {
  return Math.round(usd * 100) / 100;
}

/** `$1,234.56`: an amount for people. */
export function usd(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  return `${sign}$${Math.abs(amount).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A unit price for people: up to 4 decimals, no trailing zeros (`$0.125`, `$10`). */
export function unitPrice(amount: number): string {
  return `$${Number(amount.toFixed(4)).toLocaleString("en-US", { maximumFractionDigits: 4 })}`;
}

/** A count for people: `43,800`. */
export function count(n: number): string {
  return Number(n.toFixed(2)).toLocaleString("en-US", { maximumFractionDigits: 2 });
}
