/**
 * How long the offline dev plan takes compared with merely loading the Pulumi SDK and azure-native
 * (`node -e "require('@pulumi/pulumi'); require('@pulumi/azure-native')"`), measured in one run,
 * alternating the two commands so both see the same machine state. Prints medians and the ratio.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { median } from "./median";

const root = path.resolve(__dirname, "..");

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    throw new Error(`${args.join(" ")} exited ${r.status}: ${String(r.stderr)}`);
  }
  return ms;
}

export function planSpeed(runs = 7): { baselineMs: number; planMs: number; ratio: number } {
  const baselineArgs = ["-e", "require('@pulumi/pulumi'); require('@pulumi/azure-native')"];
  const planArgs = [path.join(root, "bin", "foundry-platform.js"), "plan", "--stack", "dev"];
  time(baselineArgs); // warm the file cache
  time(planArgs);
  const baseline: number[] = [];
  const plan: number[] = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(time(baselineArgs));
    plan.push(time(planArgs));
  }
  const baselineMs = median(baseline);
  const planMs = median(plan);
  return { baselineMs, planMs, ratio: planMs / baselineMs };
}

if (require.main === module) {
  const r = planSpeed();
  process.stdout.write(
    `plan-speed: dev plan ${r.planMs.toFixed(0)} ms vs SDK load ${r.baselineMs.toFixed(0)} ms (median of 7) -> ratio ${r.ratio.toFixed(2)}x\n`,
  );
}
