/** Runs every benchmark and prints the ratios measured in this one run (`npm run bench`). */
import { planSpeed } from "./plan-speed";
import { describeFleet, fleetPlan, fleetSizes } from "./fleet";
import { describeThroughput, policyThroughput } from "./policy-throughput";

async function main(): Promise<void> {
  const speed = planSpeed();
  process.stdout.write(
    `plan-speed: dev plan ${speed.planMs.toFixed(0)} ms vs SDK load ${speed.baselineMs.toFixed(0)} ms (median of 7) -> ratio ${speed.ratio.toFixed(2)}x (target < 2x)\n`,
  );
  process.stdout.write(describeThroughput(await policyThroughput()));
  process.stdout.write(describeFleet(fleetSizes.map((size) => fleetPlan(size))));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
