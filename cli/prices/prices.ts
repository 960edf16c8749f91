/**
 * `prices (--from FILE | --fetch) [--region R] [--as-of YYYY-MM-DD] [--dry-run] [--out FILE]`:
 * refreshes the catalog's prices from the Azure Retail Prices API into the overlay the catalog reads
 * (`components/catalog/prices.json`). `--from` reads a saved response (one page, or a list of pages
 * as they were paged); `--fetch` asks the API, following every NextPageLink.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import {
  apimUnitHourlyUsd,
  logAnalyticsUsdPerGb,
  modelNames,
  PriceOverlay,
  priceOverlay,
  ptuHourlyUsdFor,
  ptuReservationMonthlyUsdFor,
  tokenPricesFor,
} from "../../components/catalog";
import { InputError } from "../errors";
import { display, repoRoot } from "../paths";
import { PriceTarget } from "./meters";
import { overlayText, refreshOverlay } from "./refresh";
import { asPage, fetchAllItems, firstPageUrl, getJson, RetailItem, retailFilters } from "./retail";

/** The catalog's price overlay in this repository's checkout (none when the tools run from their package). */
export const overlayFile = repoRoot ? path.join(repoRoot, "components", "catalog", "prices.json") : undefined;

/** Today's catalog value of a price (overlay or model file), to show what a refresh changes. */
export function catalogValue(t: PriceTarget): number | undefined {
  switch (t.kind) {
    case "tokens":
      return tokenPricesFor(t.model, t.type)?.value[t.field];
    case "provisioned": {
      const lookup = t.field === "hourly" ? ptuHourlyUsdFor : ptuReservationMonthlyUsdFor;
      return modelNames()
        .map((m) => lookup(m, t.type)?.value)
        .find((v) => v !== undefined);
    }
    case "apim":
      return apimUnitHourlyUsd(t.sku)?.value;
    default:
      return logAnalyticsUsdPerGb().value;
  }
}

/** Items of a saved response: one page, or a list of pages in the order they were paged. */
export function itemsOfFile(file: string): RetailItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new InputError(`--from ${file}: cannot read a JSON response (${(err as Error).message})`);
  }
  const pages = Array.isArray(doc) ? doc : [doc];
  return pages.flatMap(
    (p, i) => asPage(p, `--from ${file}${pages.length > 1 ? ` page ${i + 1}` : ""}`).Items,
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Runs the command; returns what it prints. `fetchJson` is the network (injected in tests). */
export async function runPrices(
  args: readonly string[],
  fetchJson: (url: string) => Promise<unknown> = getJson,
): Promise<string> {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      from: { type: "string" },
      fetch: { type: "boolean" },
      region: { type: "string" },
      "as-of": { type: "string" },
      "dry-run": { type: "boolean" },
      out: { type: "string" },
      debug: { type: "boolean" },
    },
  });
  if ((values.from === undefined) === !values.fetch) {
    throw new InputError(
      "prices needs exactly one of --from FILE (a saved Retail Prices response) and --fetch",
    );
  }
  const region = values.region ?? "eastus2";
  if (!/^[a-z0-9]+$/.test(region)) {
    throw new InputError(`--region '${region}': give an armRegionName such as eastus2 or swedencentral`);
  }
  const asOf = values["as-of"] ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new InputError(`--as-of '${asOf}': give a date as YYYY-MM-DD`);
  }
  const out = values.out ?? overlayFile;
  if (out === undefined) {
    throw new InputError(
      "prices: give --out FILE; the catalog's price overlay (components/catalog/prices.json) is refreshed in a checkout of foundry-platform, and this installed tool has none",
    );
  }
  let items: RetailItem[];
  let source: string;
  if (values.from !== undefined) {
    items = itemsOfFile(values.from);
    source = values.from;
  } else {
    items = [];
    for (const filter of retailFilters(region)) {
      items.push(...(await fetchAllItems(firstPageUrl(filter), fetchJson)));
    }
    source = "the Azure Retail Prices API";
  }
  let current: PriceOverlay = priceOverlay;
  if (values.out !== undefined && fs.existsSync(out)) {
    current = JSON.parse(fs.readFileSync(out, "utf8")) as PriceOverlay;
  }
  const result = refreshOverlay(current, items, { region, asOf, before: catalogValue });
  if (!values["dry-run"]) {
    fs.writeFileSync(out, overlayText(result.overlay));
  }
  const money = (v: number | undefined) => (v === undefined ? "none" : `$${Number(v.toPrecision(6))}`);
  const lines = [
    `Read ${items.length} items from ${source} (${region}, as of ${asOf}): ${result.changes.length} prices changed, ${result.unchanged} unchanged, ${result.conflicts.length} conflicting, ${result.skipped.length} items skipped.`,
    ...result.changes.map((c) => `  ${c.key}: ${money(c.before)} → ${money(c.after)}  (${c.meter})`),
    ...result.conflicts.map((c) => `  conflict ${c}`),
    ...(result.skipped.length > 0 ? [`Skipped items (first 20 of ${result.skipped.length}):`] : []),
    ...result.skipped.slice(0, 20).map((s) => `  ${s}`),
    values["dry-run"] ? "Dry run: nothing written." : `Wrote ${display(out)}.`,
  ];
  return `${lines.join("\n")}\n`;
}
