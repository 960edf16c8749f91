/**
 * `--compare BASE.json`: what a change does, against a previous `plan --json` (for example the
 * target branch's): resources added, changed (with the input keys that changed) and removed,
 * violations new and fixed, and the monthly cost per item and in total. Compares two plan documents,
 * so it works the same on a base from any earlier run of the tool.
 */
import * as fs from "node:fs";
import { usd } from "../../components/cost/units";
import { InputError } from "../errors";
import { cell } from "./cost";
import { shortName } from "./report";

/** What the diff reads of a plan document (`plan --json` or `check --json`). */
export interface PlanDocument {
  readonly stack: string;
  readonly resources: readonly {
    readonly urn: string;
    readonly type: string;
    readonly inputs: unknown;
    readonly options?: unknown;
  }[];
  readonly violations: readonly DiffViolation[];
  readonly cost?: {
    readonly monthlyUsd: number;
    readonly items: readonly { readonly urn: string; readonly monthlyUsd: number }[];
    readonly unpriced: readonly { readonly urn: string }[];
  };
}

export interface DiffViolation {
  readonly policy: string;
  readonly enforcementLevel: string;
  readonly message: string;
  readonly urn: string;
}

/** How an item stood on one side: priced, listed unpriced, or not there (or the base has no cost section). */
export type CostState = "priced" | "unpriced" | "none";

/** One item's monthly cost before and after; null where it was not priced. */
export interface CostDelta {
  readonly urn: string;
  readonly baseUsd: number | null;
  readonly usd: number | null;
  readonly baseState: CostState;
  readonly state: CostState;
  /** `usd − baseUsd`, an absent side counting 0; null when a side is unpriced or the base has no costs. */
  readonly deltaUsd: number | null;
}

export interface PlanDiff {
  readonly base: { readonly file: string; readonly stack: string };
  readonly resources: {
    readonly added: readonly { readonly urn: string; readonly type: string }[];
    readonly changed: readonly {
      readonly urn: string;
      readonly type: string;
      readonly keys: readonly string[];
    }[];
    readonly removed: readonly { readonly urn: string; readonly type: string }[];
  };
  readonly violations: { readonly new: readonly DiffViolation[]; readonly fixed: readonly DiffViolation[] };
  readonly cost: {
    /** Null when the base has no cost section (made by a tool version before cost). */
    readonly baseMonthlyUsd: number | null;
    readonly monthlyUsd: number;
    readonly deltaUsd: number | null;
    /** Items whose cost changed, largest change first. */
    readonly items: readonly CostDelta[];
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads and checks a base plan document; bad input is an InputError naming the file and the problem. */
export function readBaseDocument(file: string): PlanDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`--compare ${file}: cannot read the file; give a saved 'plan --json' output`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `--compare ${file}: not JSON (${(err as Error).message}); give a saved 'plan --json' output`,
    );
  }
  const problems: string[] = [];
  if (!isRecord(doc)) {
    problems.push("the document is not a JSON object");
  } else {
    if (typeof doc.stack !== "string") problems.push("'stack' is not a string");
    if (
      !Array.isArray(doc.resources) ||
      !doc.resources.every((r) => isRecord(r) && typeof r.urn === "string" && typeof r.type === "string")
    ) {
      problems.push("'resources' is not a list of resources with urn and type");
    }
    if (!Array.isArray(doc.violations)) problems.push("'violations' is not a list");
    if (
      doc.cost !== undefined &&
      !(
        isRecord(doc.cost) &&
        typeof doc.cost.monthlyUsd === "number" &&
        Array.isArray(doc.cost.items) &&
        Array.isArray(doc.cost.unpriced)
      )
    ) {
      problems.push("'cost' has no monthlyUsd, items and unpriced");
    }
  }
  if (problems.length > 0) {
    throw new InputError(`--compare ${file}: not a 'plan --json' document: ${problems.join("; ")}`);
  }
  return doc as PlanDocument;
}

/** Dotted paths of the values that differ between two JSON values (objects are walked, arrays compared whole). */
export function changedKeys(a: unknown, b: unknown, prefix = ""): string[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedKeys(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix || "(value)"];
}

const violationKey = (v: DiffViolation) => `${v.policy}\u0000${v.urn}\u0000${v.message}`;
const byUrn = <T extends { urn: string }>(a: T, b: T) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0);

/** The diff of `current` against `base`. */
export function diffPlans(base: PlanDocument, current: PlanDocument, baseFile: string): PlanDiff {
  const before = new Map(base.resources.map((r) => [r.urn, r]));
  const after = new Map(current.resources.map((r) => [r.urn, r]));
  const added = current.resources
    .filter((r) => !before.has(r.urn))
    .map((r) => ({ urn: r.urn, type: r.type }));
  const removed = base.resources.filter((r) => !after.has(r.urn)).map((r) => ({ urn: r.urn, type: r.type }));
  const changed = current.resources.flatMap((r) => {
    const old = before.get(r.urn);
    if (!old) {
      return [];
    }
    const keys = [
      ...changedKeys(old.inputs, r.inputs),
      ...changedKeys(old.options ?? {}, r.options ?? {}).map((k) => `options.${k}`),
    ];
    return keys.length > 0 ? [{ urn: r.urn, type: r.type, keys }] : [];
  });

  const baseViolations = new Set(base.violations.map(violationKey));
  const currentViolations = new Set(current.violations.map(violationKey));
  const newViolations = current.violations.filter((v) => !baseViolations.has(violationKey(v)));
  const fixed = base.violations.filter((v) => !currentViolations.has(violationKey(v)));

  const priceOf = (doc: PlanDocument) => new Map((doc.cost?.items ?? []).map((i) => [i.urn, i.monthlyUsd]));
  const unpricedIn = (doc: PlanDocument) => new Set((doc.cost?.unpriced ?? []).map((u) => u.urn));
  const [basePrices, prices] = [priceOf(base), priceOf(current)];
  const [baseUnpriced, unpriced] = [unpricedIn(base), unpricedIn(current)];
  const urns = [...new Set([...basePrices.keys(), ...prices.keys(), ...baseUnpriced, ...unpriced])].sort();
  const stateOf = (p: Map<string, number>, u: Set<string>, urn: string): CostState =>
    p.has(urn) ? "priced" : u.has(urn) ? "unpriced" : "none";
  const items: CostDelta[] = [];
  for (const urn of urns) {
    const baseState = stateOf(basePrices, baseUnpriced, urn);
    const state = stateOf(prices, unpriced, urn);
    const b = basePrices.get(urn) ?? null;
    const c = prices.get(urn) ?? null;
    if (baseState === state && b === c) {
      continue;
    }
    const unknown =
      baseState === "unpriced" || state === "unpriced" || (base.cost === undefined && before.has(urn));
    items.push({
      urn,
      baseUsd: b,
      usd: c,
      baseState,
      state,
      deltaUsd: unknown ? null : Math.round(((c ?? 0) - (b ?? 0)) * 100) / 100,
    });
  }
  items.sort((x, y) => Math.abs(y.deltaUsd ?? Infinity) - Math.abs(x.deltaUsd ?? Infinity) || byUrn(x, y));
  const total = current.cost?.monthlyUsd ?? 0;
  const baseTotal = base.cost?.monthlyUsd ?? null;
  return {
    base: { file: baseFile, stack: base.stack },
    resources: { added: added.sort(byUrn), changed: changed.sort(byUrn), removed: removed.sort(byUrn) },
    violations: { new: newViolations, fixed },
    cost: {
      baseMonthlyUsd: baseTotal,
      monthlyUsd: total,
      deltaUsd: baseTotal === null ? null : Math.round((total - baseTotal) * 100) / 100,
      items,
    },
  };
}

/** `+$12.00` / `-$3.50` / `$0.00`; `n/a` when unknown. */
export function signedUsd(delta: number | null): string {
  if (delta === null) {
    return "n/a";
  }
  return delta > 0 ? `+${usd(delta)}` : usd(delta);
}

const amount = (state: CostState, v: number | null) =>
  state === "priced" && v !== null ? usd(v) : state === "unpriced" ? "unpriced" : "—";

/** The one-line summary of a diff. */
export function diffHeadline(d: PlanDiff): string {
  const r = d.resources;
  const cost =
    d.cost.baseMonthlyUsd === null
      ? `cost ${usd(d.cost.monthlyUsd)} a month (the base has no cost section)`
      : `cost ${usd(d.cost.baseMonthlyUsd)} → ${usd(d.cost.monthlyUsd)} a month (${signedUsd(d.cost.deltaUsd)})`;
  return `${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed; ${d.violations.new.length} new and ${d.violations.fixed.length} fixed violations; ${cost}`;
}

/** Text lines of a diff. */
export function diffText(d: PlanDiff): string[] {
  const lines = [`Changes against ${d.base.file} (stack '${d.base.stack}'): ${diffHeadline(d)}`];
  const resource = (mark: string, r: { urn: string; type: string }, extra = "") =>
    lines.push(`  ${mark} ${shortName(r.urn)} (${r.type})${extra}`);
  d.resources.added.forEach((r) => resource("+", r));
  d.resources.changed.forEach((r) => resource("~", r, `: ${r.keys.join(", ")}`));
  d.resources.removed.forEach((r) => resource("-", r));
  for (const [mark, list] of [
    ["new", d.violations.new],
    ["fixed", d.violations.fixed],
  ] as const) {
    for (const v of list) {
      lines.push(
        `  ${mark} violation ${v.enforcementLevel} ${v.policy} ${v.urn ? shortName(v.urn) : "(stack)"}: ${v.message.split("\n")[0]}`,
      );
    }
  }
  for (const i of d.cost.items) {
    lines.push(
      `  cost ${shortName(i.urn)}: ${amount(i.baseState, i.baseUsd)} → ${amount(i.state, i.usd)} (${signedUsd(i.deltaUsd)})`,
    );
  }
  return lines;
}

/** Markdown of a diff: the headline, then tables; what a pull-request comment shows first. */
export function diffMarkdown(d: PlanDiff): string[] {
  const lines = [`#### Changes against \`${d.base.file}\``, "", diffHeadline(d), ""];
  const r = d.resources;
  if (r.added.length + r.changed.length + r.removed.length > 0) {
    lines.push("| | Resource | Type | Changed inputs |", "|---|---|---|---|");
    r.added.forEach((x) => lines.push(`| ➕ | \`${cell(shortName(x.urn))}\` | \`${x.type}\` | |`));
    r.changed.forEach((x) =>
      lines.push(
        `| ✏️ | \`${cell(shortName(x.urn))}\` | \`${x.type}\` | ${cell(x.keys.map((k) => `\`${k}\``).join(", "))} |`,
      ),
    );
    r.removed.forEach((x) => lines.push(`| ➖ | \`${cell(shortName(x.urn))}\` | \`${x.type}\` | |`));
    lines.push("");
  }
  const violations = [
    ...d.violations.new.map((v) => ["🆕 new", v] as const),
    ...d.violations.fixed.map((v) => ["✅ fixed", v] as const),
  ];
  if (violations.length > 0) {
    lines.push("| | Level | Policy | Resource | Message |", "|---|---|---|---|---|");
    for (const [mark, v] of violations) {
      lines.push(
        `| ${mark} | ${v.enforcementLevel} | \`${v.policy}\` | ${v.urn ? `\`${cell(shortName(v.urn))}\`` : "(stack)"} | ${cell(v.message)} |`,
      );
    }
    lines.push("");
  }
  if (d.cost.items.length > 0) {
    lines.push("| Resource | Before | After | Monthly change |", "|---|---:|---:|---:|");
    for (const i of d.cost.items) {
      lines.push(
        `| \`${cell(shortName(i.urn))}\` | ${amount(i.baseState, i.baseUsd)} | ${amount(i.state, i.usd)} | ${signedUsd(i.deltaUsd)} |`,
      );
    }
    lines.push(
      `| **Total** | ${d.cost.baseMonthlyUsd === null ? "n/a" : usd(d.cost.baseMonthlyUsd)} | ${usd(d.cost.monthlyUsd)} | **${signedUsd(d.cost.deltaUsd)}** |`,
      "",
    );
  }
  return lines;
}
