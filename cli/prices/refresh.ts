/**
 * Folds Retail Prices items into the catalog's price overlay: every price the items state (in the
 * region, in effect on the as-of date) replaces the overlay's value with its meter, region and date;
 * every price they do not state stays as it was. A value is never replaced by a missing one, and
 * two items that disagree about one price leave it alone and are reported.
 */
import { findModel, PricePoint, PriceOverlay } from "../../components/catalog";
import { classify, PriceTarget } from "./meters";
import { RetailItem } from "./retail";

export interface PriceChange {
  /** `tokens gpt-5 GlobalStandard input`, `provisioned GlobalProvisionedManaged hourly`, ... */
  readonly key: string;
  readonly before?: number;
  readonly after: number;
  readonly meter: string;
}

export interface RefreshResult {
  readonly overlay: PriceOverlay;
  readonly changes: readonly PriceChange[];
  /** Prices the items state with the value the overlay already had. */
  readonly unchanged: number;
  /** Items not used, with the reason (`meterName (productName): reason`). */
  readonly skipped: readonly string[];
  /** Prices left alone because items disagreed. */
  readonly conflicts: readonly string[];
}

function keyOf(t: PriceTarget): string {
  switch (t.kind) {
    case "tokens":
      return `tokens ${t.model} ${t.type} ${t.field}`;
    case "provisioned":
      return `provisioned ${t.type} ${t.field}`;
    case "apim":
      return `apim ${t.sku}`;
    default:
      return "logAnalytics";
  }
}

/** The version code (`MMDD`) of a model's newest dated version, which its current meters carry. */
function newestVersionCode(model: string): string | undefined {
  const dated = (findModel(model)?.versions ?? [])
    .map((v) => v.version)
    .filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
  const newest = dated.sort().pop();
  return newest ? `${newest.slice(5, 7)}${newest.slice(8, 10)}` : undefined;
}

function read(overlay: PriceOverlay, t: PriceTarget): PricePoint | undefined {
  switch (t.kind) {
    case "tokens":
      return overlay.tokens[t.model]?.[t.type]?.[t.field];
    case "provisioned":
      return overlay.provisioned[t.type]?.[t.field];
    case "apim":
      return overlay.apimUnitHourly[t.sku];
    default:
      return overlay.logAnalyticsPerGb;
  }
}

/** A copy of `overlay` with `point` at `t`. */
function write(overlay: PriceOverlay, t: PriceTarget, point: PricePoint): PriceOverlay {
  switch (t.kind) {
    case "tokens": {
      const model = overlay.tokens[t.model] ?? {};
      return {
        ...overlay,
        tokens: {
          ...overlay.tokens,
          [t.model]: { ...model, [t.type]: { ...model[t.type], [t.field]: point } },
        },
      };
    }
    case "provisioned":
      return {
        ...overlay,
        provisioned: {
          ...overlay.provisioned,
          [t.type]: { ...overlay.provisioned[t.type], [t.field]: point },
        },
      };
    case "apim":
      return { ...overlay, apimUnitHourly: { ...overlay.apimUnitHourly, [t.sku]: point } };
    default:
      return { ...overlay, logAnalyticsPerGb: point };
  }
}

interface Candidate {
  readonly target: PriceTarget;
  readonly usd: number;
  readonly meter: string;
  readonly start: string;
  readonly versionCode?: string;
}

/** Folds `items` into `overlay` for `region` as of `asOf` (YYYY-MM-DD); `before` gives today's catalog value of a target. */
export function refreshOverlay(
  overlay: PriceOverlay,
  items: readonly RetailItem[],
  opts: {
    readonly region: string;
    readonly asOf: string;
    readonly before: (t: PriceTarget) => number | undefined;
  },
): RefreshResult {
  const skipped: string[] = [];
  const byKey = new Map<string, Candidate[]>();
  for (const item of items) {
    const label = `${item.meterName} (${item.productName})`;
    const start = (item.effectiveStartDate ?? "").slice(0, 10);
    const end = (item.effectiveEndDate ?? "").slice(0, 10);
    if (item.armRegionName !== opts.region) {
      skipped.push(`${label}: region ${item.armRegionName || "(none)"}, not ${opts.region}`);
      continue;
    }
    if (start > opts.asOf || (end !== "" && end < opts.asOf)) {
      skipped.push(`${label}: not in effect on ${opts.asOf} (${start}${end ? ` to ${end}` : ""})`);
      continue;
    }
    const c = classify(item);
    if (!c.ok) {
      skipped.push(`${label}: ${c.reason}`);
      continue;
    }
    const key = keyOf(c.target);
    byKey.set(key, [
      ...(byKey.get(key) ?? []),
      { target: c.target, usd: c.usd, meter: item.meterName, start, versionCode: c.versionCode },
    ]);
  }

  let next = overlay;
  const changes: PriceChange[] = [];
  const conflicts: string[] = [];
  let unchanged = 0;
  for (const key of [...byKey.keys()].sort()) {
    let found = byKey.get(key) ?? [];
    const target = found[0].target;
    // Meters of an older model version (gpt 4o 0513 next to gpt 4o 1120) give way to the newest's.
    const code = target.kind === "tokens" ? newestVersionCode(target.model) : undefined;
    const current = found.filter((c) => c.versionCode === undefined || c.versionCode === code);
    found = current.length > 0 ? current : found;
    // The latest price in effect wins over superseded rows.
    const latest = found.reduce((a, b) => (b.start > a.start ? b : a)).start;
    found = found.filter((c) => c.start === latest);
    const prices = [...new Set(found.map((c) => Number(c.usd.toPrecision(12))))];
    if (prices.length > 1) {
      conflicts.push(`${key}: ${found.map((c) => `${c.meter} ${c.usd}`).join(" vs ")}; left as it was`);
      continue;
    }
    const chosen = [...found].sort((a, b) => a.meter.localeCompare(b.meter))[0];
    const usd = prices[0];
    const previous = read(overlay, target)?.usd ?? opts.before(target);
    next = write(next, target, { usd, asOf: opts.asOf, region: opts.region, meter: chosen.meter });
    if (previous !== undefined && Math.abs(previous - usd) <= 1e-12 * Math.max(1, usd)) {
      unchanged += 1;
    } else {
      changes.push({ key, before: previous, after: usd, meter: chosen.meter });
    }
  }
  return { overlay: next, changes, unchanged, skipped, conflicts };
}

/** The overlay as the committed file: keys sorted at every level, so a refresh diff shows only what moved. */
export function overlayText(overlay: PriceOverlay): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : typeof v === "object" && v !== null
        ? Object.fromEntries(
            Object.keys(v)
              .sort((a, b) => (a === "about" ? -1 : b === "about" ? 1 : a.localeCompare(b)))
              .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
          )
        : v;
  return `${JSON.stringify(sortKeys(overlay), null, 2)}\n`;
}
