/**
 * The demand profile `size` reads (JSON or YAML): the model, a provisioned deployment type, hourly
 * demand, the pricing, and optional overrides of every catalog value the model uses. Resolving it
 * against the catalog gives the planner's inputs; every problem names its field.
 */
import * as fs from "node:fs";
import YAML from "yaml";
import { z } from "zod";
import { deploymentTypes, isProvisioned, ProvisionedType, standardTypeFor } from "../../components/catalog";
import { SizingInput } from "../../components/cost/planner";
import { plannerFacts } from "../../components/cost/sizing-facts";
import { ptuPricings } from "../../components/cost/traffic";
import { InputError } from "../errors";

const amount = z.number().min(0);
const positive = z.number().positive();

export const profileSchema = z.strictObject({
  model: z.string().min(1).describe("Model name, for example gpt-5."),
  deploymentType: z.enum(deploymentTypes).refine((t) => isProvisioned(t), {
    message:
      "must be a provisioned type: GlobalProvisionedManaged, DataZoneProvisionedManaged or ProvisionedManaged",
  }),
  hours: z
    .array(
      z.strictObject({
        inputTokensPerMinute: amount.describe("Input tokens per minute in this hour."),
        outputTokensPerMinute: amount.describe("Output tokens per minute in this hour."),
      }),
    )
    .min(1, { message: "give at least one hour of demand (a week is 168)" }),
  pricing: z.enum(ptuPricings),
  maxSpillFraction: z.number().min(0).max(1).optional(),
  ptu: z
    .strictObject({
      min: z.number().int().positive().optional(),
      step: z.number().int().positive().optional(),
      inputTpmPerPtu: positive.optional(),
      outputWeight: positive.optional(),
    })
    .optional(),
  prices: z
    .strictObject({
      ptuHourlyUsd: amount.optional(),
      ptuReservationMonthlyUsd: amount.optional(),
      paygInputPer1M: amount.optional(),
      paygOutputPer1M: amount.optional(),
    })
    .optional(),
});

export type Profile = z.infer<typeof profileSchema>;

/** `hours[3].inputTokensPerMinute` from a zod path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("") ||
    "(profile)"
  );
}

function fail(file: string, problems: readonly string[]): never {
  throw new InputError(
    `${file}: the profile is not valid:\n${problems.map((p) => `  ${p}`).join("\n")}\nfix: correct the field(s) above (see docs/cost.md, "Capacity planner").`,
  );
}

/** Reads and validates a profile file. */
export function readProfile(file: string): Profile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`--profile ${file}: cannot read the file`);
  }
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (err) {
    fail(file, [`(profile): not JSON or YAML: ${(err as Error).message.split("\n")[0]}`]);
  }
  const parsed = profileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    fail(
      file,
      parsed.error.issues.slice(0, 20).map((i) => {
        const got =
          "input" in i && i.input !== undefined ? ` (got ${JSON.stringify(i.input)?.slice(0, 60)})` : "";
        return `${fieldPath(i.path)}${got}: ${i.message}`;
      }),
    );
  }
  return parsed.data;
}

/** The planner's inputs: the profile's overrides, else the catalog's values; a value neither has is a problem naming its field. */
export function resolveProfile(profile: Profile, file: string): SizingInput {
  const type = profile.deploymentType as ProvisionedType;
  const problems: string[] = [];
  const facts = plannerFacts(profile.model, type);
  const pick = (
    field: string,
    given: number | undefined,
    fromCatalog: number | undefined,
    what: string,
  ): number => {
    const value = given ?? fromCatalog;
    if (value === undefined) {
      problems.push(
        `${field}: the catalog has no ${what} for ${profile.model} on ${type}; give it in the profile`,
      );
      return NaN;
    }
    return value;
  };
  const reservation = profile.pricing === "reservation";
  const input: SizingInput = {
    hours: profile.hours,
    min: pick("ptu.min", profile.ptu?.min, facts.min, "minimum PTU deployment"),
    step: pick("ptu.step", profile.ptu?.step, facts.step, "PTU scale increment"),
    inputTpmPerPtu: pick(
      "ptu.inputTpmPerPtu",
      profile.ptu?.inputTpmPerPtu,
      facts.inputTpmPerPtu,
      "input TPM per PTU",
    ),
    outputWeight: pick(
      "ptu.outputWeight",
      profile.ptu?.outputWeight,
      facts.outputWeight,
      "output token weight",
    ),
    pricing: profile.pricing,
    ptuHourlyUsd: reservation
      ? (profile.prices?.ptuHourlyUsd ?? facts.ptuHourlyUsd ?? 0)
      : pick("prices.ptuHourlyUsd", profile.prices?.ptuHourlyUsd, facts.ptuHourlyUsd, "hourly PTU price"),
    ptuReservationMonthlyUsd: reservation
      ? pick(
          "prices.ptuReservationMonthlyUsd",
          profile.prices?.ptuReservationMonthlyUsd,
          facts.ptuReservationMonthlyUsd,
          "one-month reservation PTU price",
        )
      : (profile.prices?.ptuReservationMonthlyUsd ?? facts.ptuReservationMonthlyUsd ?? 0),
    paygInputPer1M: pick(
      "prices.paygInputPer1M",
      profile.prices?.paygInputPer1M,
      facts.paygInputPer1M,
      `${standardTypeFor(type)} input price`,
    ),
    paygOutputPer1M: pick(
      "prices.paygOutputPer1M",
      profile.prices?.paygOutputPer1M,
      facts.paygOutputPer1M,
      `${standardTypeFor(type)} output price`,
    ),
    ...(profile.maxSpillFraction !== undefined ? { maxSpillFraction: profile.maxSpillFraction } : {}),
  };
  if (problems.length > 0) {
    fail(file, problems);
  }
  return input;
}
