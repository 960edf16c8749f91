import { strict as assert } from "node:assert";
import fc from "fast-check";
import { SizingInput, sizePtu } from "../../components/cost/planner";

/** The model of issue 12, computed the slow and obvious way: every candidate, every hour. */
function bruteForce(input: SizingInput) {
  const w = input.hours.map((h) => h.inputTokensPerMinute + input.outputWeight * h.outputTokensPerMinute);
  const peak = Math.max(0, ...w);
  const sizes = [0];
  for (let k = input.min; peak > 0; k += input.step) {
    sizes.push(k);
    if (k * input.inputTpmPerPtu >= peak) {
      break;
    }
  }
  const scale = 730 / input.hours.length;
  const totalW = w.reduce((a, b) => a + b, 0);
  const costOf = (k: number) => {
    const c = k * input.inputTpmPerPtu;
    let spill = 0;
    let spilledW = 0;
    input.hours.forEach((h, i) => {
      const s = w[i] === 0 ? 0 : Math.max(0, w[i] - c) / w[i];
      spill +=
        (s *
          (60 * h.inputTokensPerMinute * input.paygInputPer1M +
            60 * h.outputTokensPerMinute * input.paygOutputPer1M)) /
        1e6;
      spilledW += Math.max(0, w[i] - c);
    });
    const ptu =
      input.pricing === "hourly" ? k * input.ptuHourlyUsd * 730 : k * input.ptuReservationMonthlyUsd;
    return { k, total: ptu + spill * scale, spillFraction: totalW > 0 ? spilledW / totalW : 0 };
  };
  const all = sizes.map(costOf);
  const allowed = all.filter(
    (c) => input.maxSpillFraction === undefined || c.spillFraction <= input.maxSpillFraction + 1e-9,
  );
  const best = Math.min(...allowed.map((c) => c.total));
  return { all, best, allPayg: all[0].total, peakPtu: all[all.length - 1].total, costOf };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

const hour = fc.record({
  inputTokensPerMinute: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400_000 })),
  outputTokensPerMinute: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60_000 })),
});
const profile: fc.Arbitrary<SizingInput> = fc.record(
  {
    hours: fc.array(hour, { minLength: 1, maxLength: 72 }),
    min: fc.integer({ min: 1, max: 100 }),
    step: fc.integer({ min: 1, max: 50 }),
    inputTpmPerPtu: fc.integer({ min: 200, max: 60_000 }),
    outputWeight: fc.integer({ min: 1, max: 8 }),
    pricing: fc.constantFrom("hourly" as const, "reservation" as const),
    ptuHourlyUsd: fc.double({ min: 0.1, max: 3, noNaN: true }),
    ptuReservationMonthlyUsd: fc.double({ min: 50, max: 400, noNaN: true }),
    paygInputPer1M: fc.double({ min: 0.01, max: 20, noNaN: true }),
    paygOutputPer1M: fc.double({ min: 0.01, max: 80, noNaN: true }),
    maxSpillFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  },
  {
    requiredKeys: [
      "hours",
      "min",
      "step",
      "inputTpmPerPtu",
      "outputWeight",
      "pricing",
      "ptuHourlyUsd",
      "ptuReservationMonthlyUsd",
      "paygInputPer1M",
      "paygOutputPer1M",
    ],
  },
);

describe("cost: PTU capacity planner", () => {
  it("finds the cheapest allowed size, as a brute force over every size and hour does", () => {
    fc.assert(
      fc.property(profile, (input) => {
        const result = sizePtu(input);
        const ref = bruteForce(input);
        assert.ok(
          close(result.monthlyUsd, ref.best),
          `planner ${result.monthlyUsd} vs brute force ${ref.best}`,
        );
        assert.ok(close(ref.costOf(result.ptu).total, result.monthlyUsd));
        assert.ok(close(result.monthlyUsd, result.ptuMonthlyUsd + result.spilloverMonthlyUsd));
        assert.ok(close(result.spillFraction, ref.costOf(result.ptu).spillFraction));
        assert.ok(close(result.baselines.allPayg, ref.allPayg));
        assert.ok(close(result.baselines.peakPtu, ref.peakPtu));
      }),
      { numRuns: 150 },
    );
  });

  it("is never above either baseline", () => {
    fc.assert(
      fc.property(profile, (input) => {
        const r = sizePtu(input);
        assert.ok(r.monthlyUsd <= r.baselines.peakPtu + 1e-6);
        if (input.maxSpillFraction === undefined) {
          assert.ok(r.monthlyUsd <= r.baselines.allPayg + 1e-6);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("respects maxSpillFraction, and the size is 0 or on the minimum and step", () => {
    fc.assert(
      fc.property(profile, (input) => {
        const r = sizePtu(input);
        if (input.maxSpillFraction !== undefined) {
          assert.ok(r.spillFraction <= input.maxSpillFraction + 1e-9);
        }
        assert.ok(r.ptu === 0 || (r.ptu >= input.min && (r.ptu - input.min) % input.step === 0));
      }),
      { numRuns: 100 },
    );
  });

  const flat = (hours: number, inTpm: number, outTpm: number) =>
    Array.from({ length: hours }, () => ({ inputTokensPerMinute: inTpm, outputTokensPerMinute: outTpm }));
  const base: Omit<SizingInput, "hours"> = {
    min: 15,
    step: 5,
    inputTpmPerPtu: 4_750,
    outputWeight: 8,
    pricing: "hourly",
    ptuHourlyUsd: 1,
    ptuReservationMonthlyUsd: 260,
    paygInputPer1M: 1.25,
    paygOutputPer1M: 10,
  };

  it("buys PTUs for a flat load that costs more pay-as-you-go, and none for a light one", () => {
    // 100,000 input + 10,000 output TPM: weighted 180,000 TPM → 38 PTUs, so 40 (15 + 5n) serve it.
    const heavy = sizePtu({ ...base, hours: flat(24, 100_000, 10_000) });
    assert.equal(heavy.peakPtu, 40);
    // pay-as-you-go: 60 × (100k × 1.25 + 10k × 10) / 1e6 = $13.5 an hour → $9,855 a month; 40 PTUs: $29,200.
    assert.ok(close(heavy.baselines.allPayg, 9855));
    assert.ok(close(heavy.baselines.peakPtu, 29200));
    assert.equal(heavy.ptu, 0);
    // With a reservation at $60/PTU-month, 40 PTUs cost $2,400: cheaper than any spill.
    const reserved = sizePtu({
      ...base,
      pricing: "reservation",
      ptuReservationMonthlyUsd: 60,
      hours: flat(24, 100_000, 10_000),
    });
    assert.equal(reserved.ptu, 40);
    assert.equal(reserved.spillFraction, 0);
    assert.ok(close(reserved.monthlyUsd, 2400));
  });

  it("with maxSpillFraction 0, buys the peak even when pay-as-you-go is cheaper", () => {
    const r = sizePtu({ ...base, maxSpillFraction: 0, hours: flat(24, 100_000, 10_000) });
    assert.equal(r.ptu, 40);
    assert.equal(r.spillFraction, 0);
  });

  it("a demand profile of zeros needs no PTUs and costs nothing", () => {
    const r = sizePtu({ ...base, hours: flat(168, 0, 0) });
    assert.deepEqual(
      [r.ptu, r.monthlyUsd, r.spillFraction, r.baselines.allPayg, r.baselines.peakPtu],
      [0, 0, 0, 0, 0],
    );
  });

  it("sizes a year of hourly data in well under a second", () => {
    const year = Array.from({ length: 8760 }, (_, h) => ({
      inputTokensPerMinute: 50_000 + 45_000 * Math.sin((h / 24) * 2 * Math.PI) + (h % 168 < 120 ? 30_000 : 0),
      outputTokensPerMinute: 6_000 + 4_000 * Math.sin((h / 24) * 2 * Math.PI),
    }));
    const started = process.hrtime.bigint();
    const r = sizePtu({ ...base, inputTpmPerPtu: 230, hours: year });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(r.candidates.length > 100, "many sizes were considered");
    assert.ok(ms < 250, `took ${ms.toFixed(1)} ms`);
  });
});
