import { strict as assert } from "node:assert";
import { tokenPricesFor } from "../../components/catalog";
import { chargebackPrices, teamTokenCost } from "../../components/cost/chargeback";
import { teamSpendQuery } from "../../components/observability/chargeback";
import { workbookDefinition } from "../../components/observability/workbook";

const ws = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log";
const apim = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim";

describe("chargeback: each team's spend at catalog prices", () => {
  const prices = chargebackPrices([
    { model: "gpt-5", type: "GlobalProvisionedManaged" },
    { model: "gpt-5", type: "GlobalStandard" },
    { model: "gpt-5-mini", type: "DataZoneStandard" },
    { model: "model-router", type: "GlobalStandard" },
  ]);

  it("prices a model at the pay-as-you-go type serving it; a provisioned type at its standard twin", () => {
    assert.deepEqual(
      prices.map((p) => [p.model, p.type]),
      [
        ["gpt-5", "GlobalStandard"],
        ["gpt-5-mini", "DataZoneStandard"],
      ],
    );
    const mini = tokenPricesFor("gpt-5-mini", "DataZoneStandard")!.value;
    assert.deepEqual([prices[1].inputPer1M, prices[1].outputPer1M], [mini.input, mini.output]);
    assert.equal(teamTokenCost(prices[1], 2_000_000, 1_000_000), 2 * mini.input + mini.output!);
  });

  it("queries the gateway's token metrics per team and model, priced, next to the quota", () => {
    const q = teamSpendQuery({ prices, teams: [{ productId: "team-apps", monthlyTokenQuota: 1000000 }] });
    assert.match(q, /^AppMetrics$/m);
    assert.match(q, /Name in \("Prompt Tokens", "Completion Tokens"\)/);
    assert.match(q, /Properties\["Product ID"\]/);
    assert.match(q, new RegExp(`"gpt-5", ${prices[0].inputPer1M}, ${prices[0].outputPer1M}`));
    assert.match(q, /"team-apps", 1000000,/);
    assert.match(q, /UnpricedTokens = sumif\(.*isnull\(InputPer1M\)\)/);
    assert.match(q, /startofmonth\(now\(\)\)/);
  });

  it("adds the spend panel to the workbook only for a gateway with chargeback prices, month to date", () => {
    const spec = { prices, teams: [{ productId: "team-apps", monthlyTokenQuota: 1000 }] };
    const names = (d: Record<string, unknown>) => (d.items as { name: string }[]).map((i) => i.name);
    const base = { title: "t", workspaceResourceId: ws, aiAccountResourceIds: [] };
    assert.ok(!names(workbookDefinition({ ...base, chargeback: spec })).includes("spend-by-team"));
    assert.ok(!names(workbookDefinition({ ...base, gatewayResourceId: apim })).includes("spend-by-team"));
    const d = workbookDefinition({ ...base, gatewayResourceId: apim, chargeback: spec });
    const item = (d.items as { name: string; content: Record<string, unknown> }[]).find(
      (i) => i.name === "spend-by-team",
    );
    assert.equal(item?.content.query, teamSpendQuery(spec));
    assert.deepEqual(item?.content.timeContext, { durationMs: 2678400000 });
    assert.equal(item?.content.timeContextFromParameter, undefined);
  });
});
