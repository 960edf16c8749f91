/**
 * Scale: a fleet planned through the components against the same resources registered raw, in one
 * run. Per size, `plan --program bench/fleet` runs twice as a user runs it (the tool and the policy
 * pack it starts, each a process): once through `AiPlatform` (accounts × deployments, with
 * everything the platform adds), once with the custom resources that plan captured registered
 * directly as azure-native resources (same names, inputs, parents and options; no component). It
 * reports wall time and peak memory (the tool's plus the pack's peak resident memory) of each (the
 * median of three runs, the two sides alternating), their ratios (components / raw), and the cost
 * per resource as the fleet grows.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.resolve(__dirname, "..");
const program = path.join(__dirname, "fleet");
const bin = path.join(root, "bin", "foundry-platform.js");

export interface FleetSize {
  readonly accounts: number;
  readonly deploymentsPerAccount: number;
}

export interface PlanCost {
  readonly resources: number;
  readonly wallMs: number;
  /** CPU time of the tool and the pack together (steadier than wall time on a shared machine). */
  readonly cpuMs: number;
  readonly toolMb: number;
  readonly packMb: number;
  /** The tool's and the pack's peak resident memory together. */
  readonly peakMb: number;
}

export interface FleetResult {
  readonly size: FleetSize;
  readonly components: PlanCost;
  readonly raw: PlanCost;
}

interface PlanDoc {
  resources: { type: string }[];
  errors: unknown[];
}

function stackFile(dir: string, name: string, config: Record<string, string | number>): string {
  const file = path.join(dir, `Pulumi.${name}.yaml`);
  const lines = Object.entries(config).map(([k, v]) => `  fleet-bench:${k}: ${JSON.stringify(v)}`);
  fs.writeFileSync(file, `config:\n${lines.join("\n")}\n`);
  return file;
}

/** Plans the fleet program with `configFile`; writes the JSON document to `out`. */
function measure(configFile: string, out: string): PlanCost {
  const memoryFile = `${out}.memory`;
  fs.rmSync(memoryFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      bin,
      "plan",
      "--program",
      program,
      "--stack",
      "fleet",
      "--config",
      configFile,
      "--json",
      "--as-of",
      "2026-12-03",
    ],
    {
      cwd: root,
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ["ignore", fs.openSync(out, "w"), "pipe"],
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "peak-memory.js")}`,
        FOUNDRY_BENCH_MEMORY_FILE: memoryFile,
      },
    },
  );
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const doc = JSON.parse(fs.readFileSync(out, "utf8")) as PlanDoc;
  if (r.status === 2 || doc.errors.length > 0) {
    throw new Error(`plan of ${configFile} failed (exit ${r.status}): ${String(r.stderr)}`);
  }
  const peaks = fs
    .readFileSync(memoryFile, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { role: string; maxRssKb: number; cpuMs: number });
  const mb = (role: string) =>
    Math.max(0, ...peaks.filter((p) => p.role === role).map((p) => p.maxRssKb)) / 1024;
  return {
    resources: doc.resources.length,
    wallMs,
    cpuMs: peaks.reduce((sum, p) => sum + p.cpuMs, 0),
    toolMb: mb("tool"),
    packMb: mb("pack"),
    peakMb: mb("tool") + mb("pack"),
  };
}

/** The run of median wall time among `costs`. */
function median(costs: readonly PlanCost[]): PlanCost {
  return [...costs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(costs.length / 2)];
}

/**
 * Plans the fleet of `size` through the components and raw, `runs` times each, alternating the two
 * so that both see the same machine; each side reports its median run.
 */
export function fleetPlan(size: FleetSize, runs = 3): FleetResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fp-fleet-"));
  try {
    const planned = path.join(dir, "components.json");
    const componentsConfig = stackFile(dir, "components", { mode: "components", ...size });
    const rawConfig = stackFile(dir, "raw", { mode: "raw", resources: planned });
    const components: PlanCost[] = [];
    const raw: PlanCost[] = [];
    for (let i = 0; i < runs; i++) {
      components.push(measure(componentsConfig, planned));
      raw.push(measure(rawConfig, path.join(dir, "raw.json")));
    }
    const customOf = (file: string) =>
      (JSON.parse(fs.readFileSync(file, "utf8")) as PlanDoc).resources.filter(
        (r) => !r.type.startsWith("foundry-platform:"),
      ).length;
    if (customOf(planned) !== customOf(path.join(dir, "raw.json"))) {
      throw new Error("the raw program registered a different number of resources");
    }
    return { size, components: median(components), raw: median(raw) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

export function describeFleet(results: readonly FleetResult[]): string {
  const lines = results.map(({ size, components: c, raw: r }) => {
    const deployments = size.accounts * size.deploymentsPerAccount;
    return (
      `fleet: ${size.accounts} accounts × ${size.deploymentsPerAccount} deployments (${deployments}): ` +
      `components ${c.resources} resources in ${fmt(c.wallMs / 1000, 1)} s, ${fmt(c.peakMb)} MB (tool ${fmt(c.toolMb)} + pack ${fmt(c.packMb)}); ` +
      `raw ${r.resources} in ${fmt(r.wallMs / 1000, 1)} s, ${fmt(r.peakMb)} MB -> ` +
      `time ${fmt(c.wallMs / r.wallMs, 2)}x (CPU ${fmt(c.cpuMs / r.cpuMs, 2)}x), memory ${fmt(c.peakMb / r.peakMb, 2)}x (target <= 1.1); ` +
      `${fmt(c.wallMs / c.resources, 2)} ms (CPU ${fmt(c.cpuMs / c.resources, 2)} ms) and ${fmt((c.peakMb * 1024) / c.resources)} KB per resource`
    );
  });
  if (results.length >= 2) {
    const [small, large] = [results[0].components, results[results.length - 1].components];
    lines.push(
      `fleet growth ${small.resources} -> ${large.resources} resources: per-resource time ${fmt(large.wallMs / large.resources / (small.wallMs / small.resources), 2)}x ` +
        `(CPU ${fmt(large.cpuMs / large.resources / (small.cpuMs / small.resources), 2)}x), ` +
        `per-resource memory ${fmt(large.peakMb / large.resources / (small.peakMb / small.resources), 2)}x (flat: <= 1.1)`,
    );
  }
  return `${lines.join("\n")}\nload ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores\n`;
}

/** The two fleets of the scale target: 50 × 20 = 1,000 and 250 × 20 = 5,000 deployments. */
export const fleetSizes: readonly FleetSize[] = [
  { accounts: 50, deploymentsPerAccount: 20 },
  { accounts: 250, deploymentsPerAccount: 20 },
];

if (require.main === module) {
  // `--small`: one quick fleet (10 × 20) run once, to try the benchmark itself.
  const small = process.argv.includes("--small");
  const sizes = small ? [{ accounts: 10, deploymentsPerAccount: 20 }] : fleetSizes;
  process.stdout.write(describeFleet(sizes.map((size) => fleetPlan(size, small ? 1 : 3))));
}
