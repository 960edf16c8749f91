/** The markdown summary of a run, and the regression table of a baseline comparison. */
import { Check, Comparison, formatDelta } from "../../components/evaluation/compare";
import { EvalReport } from "../../components/evaluation/report";

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
const usd = (v: number | null) => (v === null ? "unknown" : `$${v.toFixed(4)}`);
const ms = (v: number | undefined) => (v === undefined ? "—" : `${Math.round(v)} ms`);

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (c: string) => c.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

export function summaryMarkdown(r: EvalReport): string {
  const t = r.target;
  const s = r.summary;
  const lines = [
    `## Evaluation: ${t.deployment}${t.model ? ` (${t.model}${t.modelVersion ? ` ${t.modelVersion}` : ""})` : ""}`,
    "",
    `Dataset \`${r.dataset.file}\` (${r.dataset.items} items, sha256 \`${r.dataset.sha256.slice(0, 12)}…\`) against ${t.endpoint} (API ${t.apiVersion}, ${t.auth} auth).`,
    "",
    `Completed ${s.completed} of ${s.items}; failed ${s.failed}; not run ${s.notRun}${r.run.interrupted ? " (interrupted)" : ""}; 429 answers ${s.rateLimited}; retries ${s.retries}; error rate ${pct(s.errorRate)}.`,
  ];
  if (t.observedModels.length > 0) {
    lines.push("", `Answers came from: ${t.observedModels.map((m) => `\`${m}\``).join(", ")}.`);
  }
  lines.push(
    "",
    table(
      ["Evaluator", "Type", "Mean score", "Pass rate", "Scored", "Evaluator errors"],
      r.evaluators.map((e) => [
        e.name,
        e.type,
        pct(e.mean),
        pct(e.passRate),
        String(e.scored),
        String(e.errors),
      ]),
    ),
    "",
    table(
      ["p50", "p95", "p99", "Input tokens", "Output tokens", "Cost", "Cost per 1,000 requests"],
      [
        [
          ms(r.latencyMs?.p50),
          ms(r.latencyMs?.p95),
          ms(r.latencyMs?.p99),
          String(r.tokens.input),
          String(r.tokens.output),
          usd(r.cost.total),
          usd(r.cost.per1kRequests),
        ],
      ],
    ),
  );
  if (r.cost.prices) {
    lines.push(
      "",
      `Priced at catalog ${r.cost.prices.deploymentType} prices (USD per 1M tokens: input ${r.cost.prices.input}, cached ${r.cost.prices.cachedInput}, output ${r.cost.prices.output}).`,
    );
  } else if (r.cost.reason) {
    lines.push("", `Cost unknown: ${r.cost.reason}.`);
  }
  if (r.judge) {
    lines.push(
      "",
      `LLM judge \`${r.judge.deployment}\`: ${r.judge.requests} requests (${r.judge.failed} failed), ${r.judge.tokens.input + r.judge.tokens.output} tokens (not in the cost above).`,
    );
  }
  const failures = r.items.filter((i) => i.status === "failed");
  if (failures.length > 0) {
    lines.push(
      "",
      table(
        ["Failed item", "Line", "Error"],
        failures.slice(0, 10).map((i) => [i.id, String(i.line), i.error ?? ""]),
      ),
    );
    if (failures.length > 10) {
      lines.push("", `… and ${failures.length - 10} more failed items (see the report).`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function value(c: Check, v: number | null): string {
  if (v === null) {
    return "—";
  }
  if (c.metric.startsWith("quality") || c.metric === "error rate") {
    return pct(v);
  }
  if (c.metric === "p95 latency") {
    return `${Math.round(v)} ms`;
  }
  if (c.metric.startsWith("cost")) {
    return usd(v);
  }
  return String(v);
}

function limitText(c: Check): string {
  if (c.deltaUnit === "none") {
    return "—";
  }
  if (c.limit === null) {
    return "not checked";
  }
  return `${c.metric.startsWith("quality") ? "-" : "+"}${c.limit} ${c.deltaUnit === "points" ? "pts" : "%"}`;
}

const verdicts: Record<Check["status"], string> = {
  pass: "ok",
  regressed: "**REGRESSED**",
  unknown: "**CANNOT COMPARE**",
  "not-checked": "not checked",
};

export function regressionMarkdown(comparison: Comparison): string {
  const rows = comparison.checks.map((c) => [
    c.metric,
    value(c, c.baseline),
    value(c, c.candidate),
    formatDelta(c.delta, c.deltaUnit),
    limitText(c),
    c.note ? `${verdicts[c.status]}: ${c.note}` : verdicts[c.status],
  ]);
  const head = comparison.passed
    ? "### Baseline comparison: no regression"
    : "### Baseline comparison: REGRESSION — the candidate is worse than the baseline beyond the thresholds";
  return `${head}\n\n${table(["Check", "Baseline", "Candidate", "Change", "Limit", "Result"], rows)}\n`;
}
