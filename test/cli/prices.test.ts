import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PriceOverlay } from "../../components/catalog";
import { classify, meterWords } from "../../cli/prices/meters";
import { catalogValue, itemsOfFile, runPrices } from "../../cli/prices/prices";
import { refreshOverlay } from "../../cli/prices/refresh";
import { RetailItem, RetailPage, retailFilters } from "../../cli/prices/retail";
import { root } from "../helpers/cli";

const fixture = path.join(root, "test", "fixtures", "prices", "retail-eastus2.json");
const pages = JSON.parse(fs.readFileSync(fixture, "utf8")) as RetailPage[];
const items = itemsOfFile(fixture);
const empty: PriceOverlay = { tokens: {}, provisioned: {}, apimUnitHourly: {} };
const byMeter = (meter: string, product?: string): RetailItem =>
  items.find((i) => i.meterName === meter && (product === undefined || i.productName === product))!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-prices-"));

describe("prices: refresh from the Azure Retail Prices API", () => {
  it("reads a recorded response with the real item shape, both pages", () => {
    assert.equal(pages.length, 2);
    assert.equal(items.length, pages[0].Items.length + pages[1].Items.length);
    for (const key of [
      "currencyCode",
      "retailPrice",
      "unitPrice",
      "armRegionName",
      "meterName",
      "productName",
      "skuName",
      "serviceName",
      "unitOfMeasure",
      "type",
      "effectiveStartDate",
    ]) {
      assert.ok(
        items.every((i) => key in i),
        `every item has ${key}`,
      );
    }
  });

  it("normalises 1K and 1M token units to USD per 1M tokens", () => {
    const k = classify(byMeter("gpt 4o 1120 Inp glbl Tokens"));
    assert.deepEqual(k, {
      ok: true,
      target: { kind: "tokens", model: "gpt-4o", type: "GlobalStandard", field: "input" },
      usd: 2.5,
      versionCode: "1120",
    });
    const m = classify(byMeter("GPT 5 inpt Glbl 1M Tokens"));
    assert.deepEqual(m, {
      ok: true,
      target: { kind: "tokens", model: "gpt-5", type: "GlobalStandard", field: "input" },
      usd: 1.25,
    });
    const cached = classify(byMeter("5 mini cd Inp Dz 1M Tokens"));
    assert.ok(
      cached.ok &&
        cached.target.kind === "tokens" &&
        cached.target.field === "cachedInput" &&
        cached.target.type === "DataZoneStandard",
    );
    const batch = classify(byMeter("GPT 5 Batch Inpt DZone 1M Tokens"));
    assert.ok(batch.ok && batch.target.kind === "tokens" && batch.target.type === "DataZoneBatch");
    const embedding = classify(byMeter("text embedding 3 large glbl Tokens"));
    assert.ok(
      embedding.ok &&
        embedding.target.kind === "tokens" &&
        embedding.target.model === "text-embedding-3-large",
    );
    assert.ok(embedding.ok && Math.abs(embedding.usd - 0.13) < 1e-12);
    assert.deepEqual(meterWords("gpt 4o mini0718 BatchOutp DataZone"), [
      "gpt",
      "4o",
      "mini0718",
      "batch",
      "outp",
      "datazone",
    ]);
  });

  it("prices PTUs per hour and per one-month reservation, the gateway per unit-hour, logs per GB", () => {
    assert.deepEqual(classify(byMeter("Provisioned Managed Global Unit", "Azure OpenAI")), {
      ok: true,
      target: { kind: "provisioned", type: "GlobalProvisionedManaged", field: "hourly" },
      usd: 1,
    });
    assert.deepEqual(
      classify(
        byMeter("Provisioned Managed Data Zone Unit", "Azure AI Foundry Provisioned Throughput Reservation"),
      ),
      {
        ok: true,
        target: { kind: "provisioned", type: "DataZoneProvisionedManaged", field: "reservationMonthly" },
        usd: 286,
      },
    );
    assert.match(
      String(
        (
          classify(
            byMeter("Provisioned Managed Global Unit", "Azure AI Foundry Provisioned Throughput Reservation"),
          ) as { reason: string }
        ).reason,
      ),
      /1 Year/,
    );
    assert.deepEqual(classify(byMeter("Standard v2 Unit")), {
      ok: true,
      target: { kind: "apim", sku: "StandardV2" },
      usd: 0.959,
    });
    assert.deepEqual(classify(byMeter("Analytics Logs Data Ingestion")), {
      ok: true,
      target: { kind: "logAnalytics" },
      usd: 2.3,
    });
  });

  it("records meter, region and as-of date; skips and reports what it cannot use; leaves disagreeing prices alone", () => {
    const r = refreshOverlay(empty, items, { region: "eastus2", asOf: "2026-12-01", before: catalogValue });
    assert.deepEqual(r.overlay.tokens["gpt-4o"]?.GlobalStandard?.input, {
      usd: 2.5,
      asOf: "2026-12-01",
      region: "eastus2",
      meter: "gpt 4o 1120 Inp glbl Tokens",
    });
    // The newest version's meter wins over gpt-4o 0513's; a price not yet in effect does not count.
    assert.equal(r.overlay.tokens["gpt-5"]?.GlobalStandard?.output?.usd, 10);
    assert.ok(r.skipped.some((s) => /not in effect on 2026-12-01/.test(s)));
    assert.ok(r.skipped.some((s) => /region westeurope/.test(s)));
    assert.ok(r.skipped.some((s) => /'5 chat' is not a catalog model/.test(s)));
    assert.equal(r.overlay.tokens["gpt-4.1-nano"], undefined);
    assert.match(r.conflicts.join("\n"), /gpt-4.1-nano GlobalStandard input: .* left as it was/);
    assert.ok(
      r.changes.some(
        (c) =>
          c.key === "provisioned DataZoneProvisionedManaged reservationMonthly" &&
          c.before === undefined &&
          c.after === 286,
      ),
    );
  });

  it("never replaces a value with a missing one: a later, smaller response keeps the rest", () => {
    const first = refreshOverlay(empty, items, {
      region: "eastus2",
      asOf: "2026-12-01",
      before: () => undefined,
    }).overlay;
    const later = refreshOverlay(first, [{ ...byMeter("Basic v2 Unit"), retailPrice: 0.22 }], {
      region: "eastus2",
      asOf: "2027-01-05",
      before: () => undefined,
    }).overlay;
    assert.deepEqual(later.apimUnitHourly.BasicV2, {
      usd: 0.22,
      asOf: "2027-01-05",
      region: "eastus2",
      meter: "Basic v2 Unit",
    });
    assert.deepEqual(later.apimUnitHourly.StandardV2, first.apimUnitHourly.StandardV2);
    assert.deepEqual(later.tokens, first.tokens);
    assert.deepEqual(later.provisioned, first.provisioned);
  });

  it("--fetch follows NextPageLink for every filter until it is null, and refuses a loop", async () => {
    const asked: string[] = [];
    const serve = async (url: string) => {
      asked.push(url);
      if (url === pages[0].NextPageLink) return pages[1];
      return url.includes(encodeURIComponent("productName eq 'Azure OpenAI'"))
        ? pages[0]
        : { Items: [], NextPageLink: null };
    };
    const out = path.join(dir, "fetched.json");
    const text = await runPrices(["--fetch", "--as-of", "2026-12-01", "--out", out], serve);
    assert.equal(asked.length, retailFilters("eastus2").length + 1);
    assert.equal(asked[1], pages[0].NextPageLink);
    assert.ok(
      asked.every(
        (u) =>
          u.startsWith(
            "https://prices.azure.com/api/retail/prices?api-version=2023-01-01-preview&$filter=",
          ) || u === pages[0].NextPageLink,
      ),
    );
    assert.match(text, new RegExp(`Read ${items.length} items from the Azure Retail Prices API`));
    const written = JSON.parse(fs.readFileSync(out, "utf8")) as PriceOverlay;
    assert.equal(written.provisioned.GlobalProvisionedManaged?.hourly?.usd, 1);
    const loop = async () => ({
      Items: [],
      NextPageLink: "https://prices.azure.com/api/retail/prices?page=again",
    });
    await assert.rejects(runPrices(["--fetch", "--out", out], loop), /paged in a loop/);
  });

  it("refuses bad arguments and files as input errors", async () => {
    await assert.rejects(runPrices([]), /exactly one of --from FILE .* and --fetch/);
    await assert.rejects(runPrices(["--from", fixture, "--as-of", "December"]), /--as-of 'December'/);
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ value: [] }));
    await assert.rejects(runPrices(["--from", bad, "--dry-run"]), /not a Retail Prices page/);
  });
});
