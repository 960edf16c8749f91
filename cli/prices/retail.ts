/**
 * The Azure Retail Prices API: unauthenticated `GET https://prices.azure.com/api/retail/prices` with
 * an OData `$filter`, answering pages of at most 1,000 items and a `NextPageLink` to follow until it
 * is null (Learn, "Azure Retail Prices overview":
 * https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices). From API
 * version 2023-01-01-preview, filter values are case-sensitive.
 */
import { InputError } from "../errors";

export const retailPricesEndpoint = "https://prices.azure.com/api/retail/prices";
export const retailPricesApiVersion = "2023-01-01-preview";

/** One price item, as the API returns it (the fields this tool reads). */
export interface RetailItem {
  readonly currencyCode: string;
  readonly retailPrice: number;
  readonly unitPrice?: number;
  readonly armRegionName: string;
  readonly effectiveStartDate?: string;
  readonly effectiveEndDate?: string;
  readonly meterId?: string;
  readonly meterName: string;
  readonly productName: string;
  readonly skuName?: string;
  readonly serviceName: string;
  readonly serviceFamily?: string;
  /** `1K`, `1M`, `1K Tokens`, `1 Hour`, `1 GB`, `1/Month` ... */
  readonly unitOfMeasure: string;
  /** `Consumption`, `Reservation`, `DevTestConsumption` (filtered on as `priceType`). */
  readonly type: string;
  /** `1 Month`, `1 Year`, `3 Years` on reservation items. */
  readonly reservationTerm?: string;
}

/** One page of the response. */
export interface RetailPage {
  readonly BillingCurrency?: string;
  readonly Items: readonly RetailItem[];
  readonly NextPageLink: string | null;
  readonly Count?: number;
}

/** The filters the refresh asks for in a region: model tokens, provisioned throughput, reservations, the gateway, logs. */
export function retailFilters(region: string): string[] {
  const inRegion = `armRegionName eq '${region}'`;
  const products = ["Azure OpenAI", "Azure OpenAI GPT5", "Azure OpenAI Reasoning", "Azure OpenAI Embedding"];
  return [
    `${inRegion} and priceType eq 'Consumption' and (${products.map((p) => `productName eq '${p}'`).join(" or ")})`,
    `${inRegion} and priceType eq 'Reservation' and productName eq 'Azure AI Foundry Provisioned Throughput Reservation'`,
    `${inRegion} and priceType eq 'Consumption' and serviceName eq 'API Management'`,
    `${inRegion} and priceType eq 'Consumption' and serviceName eq 'Log Analytics'`,
  ];
}

export function firstPageUrl(filter: string): string {
  return `${retailPricesEndpoint}?api-version=${retailPricesApiVersion}&$filter=${encodeURIComponent(filter)}`;
}

function isPage(v: unknown): v is RetailPage {
  const p = v as RetailPage;
  return (
    typeof v === "object" &&
    v !== null &&
    Array.isArray(p.Items) &&
    (p.NextPageLink === null || typeof p.NextPageLink === "string")
  );
}

/** Checks a page's shape; a malformed one is an error naming where it came from. */
export function asPage(v: unknown, where: string): RetailPage {
  if (!isPage(v)) {
    throw new InputError(
      `${where}: not a Retail Prices page (expected { Items: [...], NextPageLink: string | null })`,
    );
  }
  return v;
}

/** Most pages one query may take (1,000 items each); a NextPageLink chain longer than this is refused. */
export const maxPages = 200;

/**
 * Every item of a query: the first page, then each `NextPageLink` until it is null. A link seen
 * twice, or too many pages, is an error rather than an endless loop.
 */
export async function fetchAllItems(
  url: string,
  getJson: (url: string) => Promise<unknown>,
): Promise<RetailItem[]> {
  const items: RetailItem[] = [];
  const seen = new Set<string>();
  let next: string | null = url;
  while (next !== null) {
    if (seen.has(next) || seen.size >= maxPages) {
      throw new InputError(`the Retail Prices API paged in a loop or past ${maxPages} pages at ${next}`);
    }
    seen.add(next);
    const page = asPage(await getJson(next), next);
    items.push(...page.Items);
    next = page.NextPageLink;
  }
  return items;
}

/** GETs JSON with the global fetch; HTTP errors are input errors (the tool cannot price from them). */
export async function getJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch (err) {
    throw new InputError(
      `cannot reach the Retail Prices API (${(err as Error).message}); use --from FILE with a saved response`,
    );
  }
  if (!response.ok) {
    throw new InputError(
      `the Retail Prices API answered ${response.status} ${response.statusText} for ${url}`,
    );
  }
  return response.json() as Promise<unknown>;
}
