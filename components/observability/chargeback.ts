/**
 * Spend per team in the workbook: the gateway's token metrics (`llm-emit-token-metric`, metrics
 * "Prompt Tokens" and "Completion Tokens" with the "Product ID" and "Model" dimensions the gateway
 * emits; Learn "Emit metrics for consumption of large language model tokens",
 * https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy) reach
 * workspace-based Application Insights as rows of the `AppMetrics` table; this query prices them at
 * the catalog's prices and sets each team's spend next to its monthly token quota.
 */
import { ModelTokenPrice } from "../cost/chargeback";

/** A team product and its monthly token quota. */
export interface ChargebackTeam {
  /** The product id (`team-<name>`), the metric's "Product ID" dimension. */
  readonly productId: string;
  /** Tokens per calendar month for the whole team. */
  readonly monthlyTokenQuota: number;
}

/** Prices and quotas the workbook's spend panel reads. */
export interface ChargebackSpec {
  /** Chargeback price of each model. */
  readonly prices: ModelTokenPrice[];
  /** The gateway's teams. */
  readonly teams: ChargebackTeam[];
}

const kqlString = (s: string) => JSON.stringify(s);
const kqlReal = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

/**
 * Month-to-date spend in USD per team, with its tokens, quota use and tokens of models without a price.
 * @internal
 */
export function teamSpendQuery(spec: ChargebackSpec): string {
  const prices = spec.prices.map(
    (p) => `    ${kqlString(p.model)}, ${kqlReal(p.inputPer1M)}, ${kqlReal(p.outputPer1M)},`,
  );
  const quotas = spec.teams.map((t) => `    ${kqlString(t.productId)}, ${t.monthlyTokenQuota},`);
  return [
    "// USD per 1M tokens: the catalog's pay-as-you-go list prices of the types serving each model.",
    "let prices = datatable(Model: string, InputPer1M: real, OutputPer1M: real) [",
    ...prices,
    "];",
    "let quotas = datatable(Team: string, MonthlyTokenQuota: long) [",
    ...quotas,
    "];",
    "AppMetrics",
    "| where TimeGenerated >= startofmonth(now())",
    '| where Name in ("Prompt Tokens", "Completion Tokens")',
    '| extend Team = tostring(Properties["Product ID"]), Model = tostring(Properties["Model"])',
    '| summarize PromptTokens = sumif(Sum, Name == "Prompt Tokens"), CompletionTokens = sumif(Sum, Name == "Completion Tokens") by Team, Model',
    "| join kind=leftouter prices on Model",
    "| extend SpendUsd = PromptTokens / 1e6 * InputPer1M + CompletionTokens / 1e6 * OutputPer1M",
    "| summarize SpendUsd = round(sum(SpendUsd), 2), Tokens = sum(PromptTokens + CompletionTokens), UnpricedTokens = sumif(PromptTokens + CompletionTokens, isnull(InputPer1M)) by Team",
    "| join kind=leftouter quotas on Team",
    "| extend QuotaUsedPercent = round(100.0 * Tokens / MonthlyTokenQuota, 1)",
    "| project Team, SpendUsd, Tokens, MonthlyTokenQuota, QuotaUsedPercent, UnpricedTokens",
    "| order by SpendUsd desc",
  ].join("\n");
}
