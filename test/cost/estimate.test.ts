import { strict as assert } from "node:assert";
import { CostResource, estimateCost, priceResource } from "../../components/cost/estimate";
import { parseTrafficTag, trafficTagValue } from "../../components/cost/traffic";
import {
  apimUnitHourlyUsd,
  logAnalyticsUsdPerGb,
  outputTokenWeightOf,
  ptuHourlyUsdFor,
  ptuReservationMonthlyUsdFor,
  ptuSizing,
  tokenPricesFor,
} from "../../components/catalog";

/** Catalog values the expectations are computed from (prices change when refreshed; the formulas do not). */
const gpt5 = tokenPricesFor("gpt-5", "GlobalStandard")!.value;
const gpt5Batch = tokenPricesFor("gpt-5", "GlobalBatch")!.value;

const deploymentType = "azure-native:cognitiveservices:Deployment";
let n = 0;
function deployment(
  model: string,
  sku: string,
  capacity: number,
  tags: Record<string, string> = {},
): CostResource {
  n += 1;
  return {
    urn: `urn:pulumi:test::p::${deploymentType}::d${n}`,
    type: deploymentType,
    props: {
      deploymentName: `d${n}`,
      sku: { name: sku, capacity },
      properties: { model: { format: "OpenAI", name: model, version: "2025-08-07" } },
      tags,
    },
  };
}
const traffic = (rpm: number, input: number, output: number, cachedShare = 0) => ({
  expectedTraffic: trafficTagValue(
    { requestsPerMinute: rpm, inputTokens: input, outputTokens: output, cachedShare },
    ["declared"],
  ),
});
function priced(r: CostResource) {
  const p = priceResource(r);
  assert.ok(p?.priced, `expected a price, got ${JSON.stringify(p)}`);
  return p;
}
function unpriced(r: CostResource) {
  const p = priceResource(r);
  assert.ok(p && !p.priced, `expected unpriced, got ${JSON.stringify(p)}`);
  return p;
}
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} ≠ ${b}`);

describe("cost: the estimate of a stack's resources", () => {
  it("prices a standard deployment from its traffic at catalog prices, cached input at the cached price", () => {
    // 10 req/min × 43,800 min = 438,000 requests of 1,000 input and 200 output tokens.
    const p = priced(deployment("gpt-5", "GlobalStandard", 100, traffic(10, 1000, 200)));
    assert.equal(p.kind, "standard-deployment");
    close(p.monthlyUsd, (438_000 * (1000 * gpt5.input + 200 * gpt5.output!)) / 1e6);
    // Half the input cached: those 500 tokens per request are billed at the cached price instead.
    const cached = priced(deployment("gpt-5", "GlobalStandard", 100, traffic(10, 1000, 200, 0.5)));
    assert.ok(gpt5.cachedInput! < gpt5.input);
    close(p.monthlyUsd - cached.monthlyUsd, (438_000 * 500 * (gpt5.input - gpt5.cachedInput!)) / 1e6);
    assert.match(cached.basis, /50% cached/);
  });

  it("prices batch at the batch prices, below the standard ones", () => {
    const standard = priced(deployment("gpt-5", "GlobalStandard", 100, traffic(4, 3000, 800)));
    const batch = priced(deployment("gpt-5", "GlobalBatch", 100, traffic(4, 3000, 800)));
    assert.equal(batch.kind, "batch-deployment");
    close(batch.monthlyUsd, (4 * 43_800 * (3000 * gpt5Batch.input + 800 * gpt5Batch.output!)) / 1e6);
    assert.ok(batch.monthlyUsd < standard.monthlyUsd);
    assert.match(batch.basis, /GlobalBatch prices/);
  });

  it("prices provisioned deployments hourly or by reservation, and shows the expected load", () => {
    const type = "GlobalProvisionedManaged";
    const hourly = priced(deployment("gpt-5", type, 15, { ptuPricing: "hourly" }));
    close(hourly.monthlyUsd, 15 * ptuHourlyUsdFor("gpt-5", type)!.value * 730);
    const reserved = priced(deployment("gpt-5", type, 15, { ptuPricing: "reservation" }));
    close(reserved.monthlyUsd, 15 * ptuReservationMonthlyUsdFor("gpt-5", type)!.value);
    assert.equal(reserved.kind, "provisioned-deployment");
    // Load: 10 req/min × (2,000 in + weight × 500 out) against 15 PTUs × input TPM per PTU.
    const load =
      (10 * (2000 + outputTokenWeightOf("gpt-5")! * 500)) / (15 * ptuSizing("gpt-5", type)!.inputTpmPerPtu!);
    const loaded = priced(deployment("gpt-5", type, 15, { ...traffic(10, 2000, 500) }));
    assert.ok(load < 1);
    assert.match(loaded.basis, new RegExp(`expected load ${Math.round(load * 100)}% of capacity$`));
    close(loaded.monthlyUsd, hourly.monthlyUsd);
  });

  it("prices the gateway per unit-hour and the workspace at its daily cap", () => {
    const apim = priced({
      urn: "u:apim",
      type: "azure-native:apimanagement:ApiManagementService",
      props: { sku: { name: "StandardV2", capacity: 2 } },
    });
    close(apim.monthlyUsd, 2 * apimUnitHourlyUsd("StandardV2")!.value * 730);
    const law = priced({
      urn: "u:law",
      type: "azure-native:operationalinsights:Workspace",
      props: { sku: { name: "PerGB2018" }, workspaceCapping: { dailyQuotaGb: 3 } },
    });
    close(law.monthlyUsd, 3 * (730 / 24) * logAnalyticsUsdPerGb().value);
    assert.equal(law.kind, "log-analytics");
  });

  it("lists what it cannot price with the reason, never as 0", () => {
    assert.match(unpriced(deployment("gpt-5", "GlobalStandard", 100)).why, /declares no expected traffic/);
    assert.match(unpriced(deployment("model-router", "GlobalStandard", 10, traffic(1, 1, 1))).why, /router/);
    assert.match(
      unpriced(deployment("gpt-5-nano", "GlobalProvisionedManaged", 15, { ptuPricing: "reservation" })).why,
      /no one-month reservation PTU price for gpt-5-nano on GlobalProvisionedManaged/,
    );
    assert.match(
      unpriced(deployment("gpt-5", "GlobalStandard", 1, { expectedTraffic: "rpm=x" })).why,
      /cannot be read/,
    );
    assert.match(
      unpriced({
        urn: "u",
        type: "azure-native:operationalinsights:Workspace",
        props: { sku: { name: "PerGB2018" } },
      }).why,
      /no daily ingestion cap/,
    );
    assert.match(
      unpriced({
        urn: "u",
        type: "azure-native:apimanagement:ApiManagementService",
        props: { sku: { name: "Premium", capacity: 1 } },
      }).why,
      /no unit price for the Premium tier/,
    );
    assert.match(
      unpriced({ urn: "u", type: "azure-native:redisenterprise:RedisEnterprise", props: {} }).why,
      /no price/,
    );
  });

  it("prices an idle standby deployment at 0 with the reason, and skips what has no charge of its own", () => {
    const standby = priced(
      deployment("gpt-5", "GlobalStandard", 100, {
        expectedTraffic: trafficTagValue({ requestsPerMinute: 0, inputTokens: 0, outputTokens: 0 }, [
          "standby in pool gpt-5 (priority 2)",
        ]),
      }),
    );
    assert.equal(standby.monthlyUsd, 0);
    assert.match(standby.basis, /standby in pool gpt-5 .*costs nothing idle/);
    assert.equal(
      priceResource({ urn: "u", type: "azure-native:resources:ResourceGroup", props: {} }),
      undefined,
    );
    assert.equal(
      priceResource({ urn: "u", type: "foundry-platform:index:AiPlatform", props: {} }),
      undefined,
    );
  });

  it("adds the rounded items up to the total, sorted by URN, the same every time", () => {
    const resources = [
      deployment("gpt-5-mini", "GlobalStandard", 10, traffic(3, 1234, 321, 0.2)),
      deployment("gpt-5", "GlobalProvisionedManaged", 15),
      deployment("gpt-5", "GlobalStandard", 10),
    ];
    const e = estimateCost([...resources].reverse());
    assert.equal(e.currency, "USD");
    assert.deepEqual(
      e.items.map((i) => i.urn),
      [...e.items.map((i) => i.urn)].sort(),
    );
    close(
      e.monthlyUsd,
      e.items.reduce((s, i) => s + i.monthlyUsd, 0),
    );
    assert.equal(e.unpriced.length, 1);
    assert.deepEqual(estimateCost(resources), e);
  });

  it("reads back every traffic tag it writes, and rejects malformed ones", () => {
    const tag = trafficTagValue(
      { requestsPerMinute: 1.5, inputTokens: 2000, outputTokens: 400, cachedShare: 0.25 },
      ["team b", "team a"],
    );
    assert.equal(tag, "rpm=1.5;in=2000;out=400;cached=0.25;from=team a,team b");
    assert.deepEqual(parseTrafficTag(tag), {
      ok: true,
      traffic: { requestsPerMinute: 1.5, inputTokens: 2000, outputTokens: 400, cachedShare: 0.25 },
      from: "team a,team b",
    });
    assert.ok(
      trafficTagValue(
        { requestsPerMinute: 1, inputTokens: 1, outputTokens: 1 },
        Array.from({ length: 40 }, (_, i) => `team number-${i}`),
      ).length <= 256,
    );
    assert.deepEqual(parseTrafficTag("rpm=1;in=2"), { ok: false, why: "lacks out=" });
    assert.equal(parseTrafficTag("rpm=1;in=2;out=3;cached=2").ok, false);
  });
});
