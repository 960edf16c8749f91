/**
 * What a Retail Prices item prices, in the catalog's terms. Meter names are terse and vary by model
 * generation ("gpt 4o 1120 Inp glbl", "GPT 5 Mini Batch Inpt Glbl 1M Tokens", "5 mini cd Inp Gl"),
 * so a name is split into words, the words Azure uses for scope, batch and direction are read off,
 * and what is left must name a catalog model. Anything else is skipped with the reason: never
 * silently dropped, never guessed.
 */
import {
  DeploymentType,
  findModel,
  modelNames,
  ProvisionedPriceField,
  ProvisionedType,
  TokenPriceField,
} from "../../components/catalog";
import { RetailItem } from "./retail";

export type PriceTarget =
  | {
      readonly kind: "tokens";
      readonly model: string;
      readonly type: DeploymentType;
      readonly field: TokenPriceField;
    }
  | { readonly kind: "provisioned"; readonly type: ProvisionedType; readonly field: ProvisionedPriceField }
  | { readonly kind: "apim"; readonly sku: string }
  | { readonly kind: "logAnalytics" };

export type Classified =
  | {
      readonly ok: true;
      readonly target: PriceTarget;
      /** USD in the catalog's unit: per 1M tokens, per PTU-hour, per PTU-month, per unit-hour, per GB. */
      readonly usd: number;
      /** A model version code in the meter (`1120` for 2024-11-20), when there is one. */
      readonly versionCode?: string;
    }
  | { readonly ok: false; readonly reason: string };

const scopeWords: Record<string, "global" | "dataZone" | "regional"> = {
  glbl: "global",
  gl: "global",
  global: "global",
  dz: "dataZone",
  dzn: "dataZone",
  dzone: "dataZone",
  datazone: "dataZone",
  regnl: "regional",
  rgnl: "regional",
  regn: "regional",
  regional: "regional",
};
const inputWords = new Set(["inp", "inpt", "input", "in"]);
const outputWords = new Set(["outp", "outpt", "output", "out", "opt"]);
const cachedWords = new Set(["cached", "cchd", "cd", "cach"]);
const noiseWords = new Set(["tokens", "token", "1m", "1k", "gpt"]);
/** Meters of things the catalog does not price per token: priority processing, fine-tuning, audio, long context, ... */
const otherWords = new Set([
  "pp",
  "ft",
  "fine",
  "tuned",
  "trng",
  "training",
  "hosting",
  "hstng",
  "aud",
  "audio",
  "realtime",
  "rt",
  "realtimeprvw",
  "longco",
  "shortco",
  "wr",
  "write",
  "image",
  "images",
  "tts",
  "whisper",
  "sora",
  "video",
  "grader",
  "session",
  "assistants",
  "provisioned",
]);

/** Words of a meter name: lower case, camelCase and `Data Zone` joined, split on spaces, `-` and `_`. */
export function meterWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/data zone/g, "datazone")
    .split(/[\s\-_/]+/)
    .filter((w) => w !== "");
}

/** Catalog model names by their words without `gpt` (`gpt-5-mini` → `5 mini`). */
const modelsByWords = new Map(
  modelNames().map((m) => [m.replace(/^gpt-/, "").split("-").join(" "), m] as const),
);

/** Multiplier from the item's unit to the catalog's per-1M-tokens unit; undefined for non-token units. */
function perMillionTokens(unit: string): number | undefined {
  const head = unit.trim().split(/\s+/)[0]?.toUpperCase();
  if (head === "1M") return 1;
  if (head === "1K") return 1000;
  if (head === "1") return 1_000_000;
  return undefined;
}

const typeOfScope = {
  standard: { global: "GlobalStandard", dataZone: "DataZoneStandard", regional: "Standard" },
  batch: { global: "GlobalBatch", dataZone: "DataZoneBatch", regional: undefined },
} as const;

function tokenPrice(item: RetailItem): Classified {
  const words = meterWords(item.meterName);
  const other = words.find((w) => otherWords.has(w));
  if (other !== undefined) {
    return { ok: false, reason: `'${other}' meters are not per-token inference prices the catalog keeps` };
  }
  let scope: "global" | "dataZone" | "regional" = "regional";
  let batch = false;
  let field: TokenPriceField | undefined;
  let cached = false;
  const rest: string[] = [];
  for (const w of words) {
    if (scopeWords[w]) scope = scopeWords[w];
    else if (w === "batch") batch = true;
    else if (cachedWords.has(w)) cached = true;
    else if (inputWords.has(w)) field = field ?? "input";
    else if (outputWords.has(w)) field = "output";
    else if (!noiseWords.has(w)) rest.push(w);
  }
  const versionCode = rest.find((w) => /^\d{4}$/.test(w));
  const modelWords = rest.filter((w) => w !== versionCode);
  const model = modelsByWords.get(modelWords.join(" "));
  if (!model) {
    return { ok: false, reason: `'${modelWords.join(" ")}' is not a catalog model` };
  }
  if (field === undefined && findModel(model)?.capabilities.value.includes("embeddings")) {
    field = "input"; // embedding meters name no direction: there is only input
  }
  if (field === undefined) {
    return { ok: false, reason: "the meter names neither input nor output" };
  }
  if (cached) {
    field = field === "input" ? "cachedInput" : field;
  }
  const type = (batch ? typeOfScope.batch : typeOfScope.standard)[scope];
  if (type === undefined) {
    return { ok: false, reason: "a regional batch meter has no deployment type" };
  }
  const multiplier = perMillionTokens(item.unitOfMeasure);
  if (multiplier === undefined) {
    return { ok: false, reason: `unit '${item.unitOfMeasure}' is not a token unit (1K or 1M)` };
  }
  return {
    ok: true,
    target: { kind: "tokens", model, type, field },
    usd: item.retailPrice * multiplier,
    ...(versionCode ? { versionCode } : {}),
  };
}

function provisionedTypeIn(text: string): ProvisionedType | undefined {
  const words = meterWords(text);
  if (words.includes("global") || words.includes("glbl")) return "GlobalProvisionedManaged";
  if (words.includes("datazone") || words.includes("dz")) return "DataZoneProvisionedManaged";
  if (words.includes("regional") || words.includes("regnl")) return "ProvisionedManaged";
  return undefined;
}

const apimTiers: Record<string, string> = {
  "basic v2 unit": "BasicV2",
  "standard v2 unit": "StandardV2",
  "premium v2 unit": "PremiumV2",
  "developer unit": "Developer",
  "basic unit": "Basic",
  "standard unit": "Standard",
  "premium unit": "Premium",
};

/** What one item prices, or why it is skipped. */
export function classify(item: RetailItem): Classified {
  if (item.currencyCode !== "USD") {
    return { ok: false, reason: `currency ${item.currencyCode}: the catalog keeps USD` };
  }
  if (!(Number.isFinite(item.retailPrice) && item.retailPrice > 0)) {
    return { ok: false, reason: `retail price ${item.retailPrice} is not a price` };
  }
  const meter = item.meterName.toLowerCase();
  if (/provisioned throughput reservation/i.test(item.productName)) {
    const type = provisionedTypeIn(`${item.skuName ?? ""} ${item.meterName}`);
    if (item.type !== "Reservation" || !type) {
      return { ok: false, reason: "a reservation item without a provisioned type" };
    }
    if (item.reservationTerm !== "1 Month") {
      return {
        ok: false,
        reason: `reservation term '${item.reservationTerm ?? "?"}': the catalog keeps one-month reservations`,
      };
    }
    return {
      ok: true,
      target: { kind: "provisioned", type, field: "reservationMonthly" },
      usd: item.retailPrice,
    };
  }
  if (item.type !== "Consumption") {
    return { ok: false, reason: `price type ${item.type}` };
  }
  if (meter.includes("provisioned managed")) {
    const type = provisionedTypeIn(item.meterName);
    if (!type || !/hour/i.test(item.unitOfMeasure)) {
      return { ok: false, reason: "a provisioned meter that is not an hourly price of a known type" };
    }
    return { ok: true, target: { kind: "provisioned", type, field: "hourly" }, usd: item.retailPrice };
  }
  if (item.serviceName === "API Management") {
    const sku = apimTiers[meter];
    return sku && /hour/i.test(item.unitOfMeasure)
      ? { ok: true, target: { kind: "apim", sku }, usd: item.retailPrice }
      : { ok: false, reason: "not the unit-hour meter of an API Management tier" };
  }
  if (item.serviceName === "Log Analytics") {
    return /analytics logs data ingestion/.test(meter) && /gb/i.test(item.unitOfMeasure)
      ? { ok: true, target: { kind: "logAnalytics" }, usd: item.retailPrice }
      : { ok: false, reason: "not the Analytics Logs ingestion meter" };
  }
  if (/^Azure OpenAI/.test(item.productName)) {
    return tokenPrice(item);
  }
  return { ok: false, reason: `product '${item.productName}' is not one the catalog prices` };
}
