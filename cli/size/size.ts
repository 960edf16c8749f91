/**
 * `size --profile FILE [--json] [--svg FILE]`: the cost-optimal number of PTUs for an hourly demand
 * profile, with the rest spilling over to pay-as-you-go (the model in components/cost/planner.ts),
 * against two baselines: everything pay-as-you-go, and PTUs for the peak.
 */
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { sizePtu, SizingResult } from "../../components/cost/planner";
import { cents, usd } from "../../components/cost/units";
import { InputError } from "../errors";
import { svgChart, textChart } from "./chart";
import { Profile, readProfile, resolveProfile } from "./profile";

/** The `--json` document: exactly the fields the issue names. */
export function sizingJson(r: SizingResult) {
  return {
    ptu: r.ptu,
    monthlyUsd: cents(r.monthlyUsd),
    ptuMonthlyUsd: cents(r.ptuMonthlyUsd),
    spilloverMonthlyUsd: cents(r.spilloverMonthlyUsd),
    spillFraction: Number(r.spillFraction.toFixed(6)),
    baselines: { allPayg: cents(r.baselines.allPayg), peakPtu: cents(r.baselines.peakPtu) },
  };
}

function table(profile: Profile, r: SizingResult): string[] {
  const pct = (f: number) => `${(f * 100).toFixed(1)}%`;
  const rows: [string, string, string, string][] = [
    ["", "PTU", "monthly", "spilled"],
    [`best (${profile.pricing})`, String(r.ptu), usd(r.monthlyUsd), pct(r.spillFraction)],
    ["  of which PTUs", "", usd(r.ptuMonthlyUsd), ""],
    ["  of which spillover", "", usd(r.spilloverMonthlyUsd), ""],
    ["all pay-as-you-go", "0", usd(r.baselines.allPayg), pct(r.candidates[0].spillFraction)],
    ["PTUs for the peak", String(r.peakPtu), usd(r.baselines.peakPtu), "0.0%"],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   "),
  );
}

/** Runs the command; returns what it prints. */
export function runSize(args: readonly string[]): string {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      profile: { type: "string" },
      json: { type: "boolean" },
      svg: { type: "string" },
      debug: { type: "boolean" },
    },
  });
  if (!values.profile) {
    throw new InputError("size needs --profile FILE (a JSON or YAML demand profile; see docs/cost.md)");
  }
  const profile = readProfile(values.profile);
  const input = resolveProfile(profile, values.profile);
  const result = sizePtu(input);
  if (values.svg) {
    const title = `${profile.model} ${profile.deploymentType}: ${result.ptu} PTU (${profile.pricing}), ${usd(result.monthlyUsd)}/month, ${(result.spillFraction * 100).toFixed(1)}% spilled`;
    try {
      fs.writeFileSync(values.svg, svgChart(input, result.ptu, title));
    } catch (err) {
      throw new InputError(`--svg ${values.svg}: cannot write the file (${(err as Error).message})`);
    }
  }
  if (values.json) {
    return `${JSON.stringify(sizingJson(result), null, 2)}\n`;
  }
  const limit =
    input.maxSpillFraction !== undefined
      ? `, at most ${(input.maxSpillFraction * 100).toFixed(1)}% spilled`
      : "";
  return [
    `Capacity plan for ${profile.model} on ${profile.deploymentType} (${profile.hours.length} hours of demand, scaled to a 730-hour month${limit}):`,
    "",
    ...table(profile, result),
    "",
    ...textChart(input, result.ptu),
    ...(values.svg ? ["", `chart written to ${values.svg}`] : []),
    "",
  ].join("\n");
}
