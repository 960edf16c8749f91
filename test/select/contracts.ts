/** Contracts, days and environment limits the selector tests share. */
import * as fs from "node:fs";
import * as path from "node:path";
import { WorkloadContract } from "../../components/select/contract";
import { EnvironmentLimits } from "../../components/select/requirements";
import { limitsFromPolicyConfig } from "../../stacks/selection-limits";

/** The day the selector tests judge on (every stack model serves; gpt-5 retires in 68 days). */
export const day = new Date("2026-12-03T00:00:00Z");

/** The limits of a committed policy config (`policies/config/<env>.json`). */
export function limitsOf(env: "dev" | "staging" | "prod"): EnvironmentLimits {
  const file = path.join(__dirname, "..", "..", "policies", "config", `${env}.json`);
  return limitsFromPolicyConfig(
    JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>,
    `policies/config/${env}.json`,
  );
}

/** A chat contract with small, flat traffic; override what a test varies. */
export function contract(over: Partial<WorkloadContract> = {}): WorkloadContract {
  return {
    name: "w",
    task: "chat",
    latency: "interactive",
    safety: "strict",
    dataResidency: "global",
    traffic: { requestsPerMinute: 10, avgInputTokens: 500, avgOutputTokens: 100 },
    ...over,
  };
}
