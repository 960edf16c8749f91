import { strict as assert } from "node:assert";
import { loadPlatformConfig } from "../../stacks/config/load";
import { ConfigError } from "../../stacks/config/problems";

const on = new Date("2026-09-01T00:00:00Z");

function problems(deployments: unknown[], teams?: unknown[]): string[] {
  const values: Record<string, string> = {
    "foundry-platform:environment": "prod",
    "foundry-platform:owner": "o@contoso.com",
    "foundry-platform:costCenter": "CC",
    "foundry-platform:workload": "contoso",
    "foundry-platform:location": "swedencentral",
    "foundry-platform:accounts": JSON.stringify([{ name: "main", deployments }]),
    ...(teams
      ? { "foundry-platform:gateway": JSON.stringify({ publisherEmail: "o@contoso.com", teams }) }
      : {}),
  };
  try {
    loadPlatformConfig(values, [], "Pulumi.prod.yaml", on);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems.map(
      (p) => `${p.key}${p.value === undefined ? "" : ` (got ${p.value})`}: ${p.message}`,
    );
  }
}

const gpt5 = { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 10 };
const team = { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5"] };

describe("config: expected traffic and PTU pricing", () => {
  it("accepts traffic per deployment and per team, and a reservation on a provisioned deployment", () => {
    assert.deepEqual(
      problems(
        [
          {
            ...gpt5,
            expectedTraffic: { requestsPerMinute: 5, inputTokens: 1000, outputTokens: 200, cachedShare: 0.5 },
          },
          {
            ...gpt5,
            name: "ptu",
            type: "GlobalProvisionedManaged",
            capacity: 15,
            spillover: "gpt-5",
            pricing: "reservation",
          },
        ],
        [
          {
            ...team,
            expectedTraffic: [{ model: "gpt-5", requestsPerMinute: 1, inputTokens: 10, outputTokens: 1 }],
          },
        ],
      ),
      [],
    );
  });

  it("names the full key of every bad value, with what is allowed", () => {
    const found = problems(
      [
        {
          ...gpt5,
          pricing: "monthly",
          expectedTraffic: { requestsPerMinute: -1, inputTokens: 1, outputTokens: 1, cachedShare: 1.5 },
        },
      ],
      [
        {
          ...team,
          expectedTraffic: [{ model: "gpt-5-mini", requestsPerMinute: 1, inputTokens: 1, outputTokens: 1 }],
        },
      ],
    );
    const has = (pattern: RegExp) =>
      assert.ok(
        found.some((p) => pattern.test(p)),
        `${pattern} in:\n${found.join("\n")}`,
      );
    has(
      /^foundry-platform:accounts\[0\]\.deployments\[0\]\.pricing \(got "monthly"\): not allowed; allowed: hourly \| reservation/,
    );
    has(/^foundry-platform:accounts\[0\]\.deployments\[0\]\.expectedTraffic\.requestsPerMinute \(got -1\)/);
    has(/^foundry-platform:accounts\[0\]\.deployments\[0\]\.expectedTraffic\.cachedShare \(got 1\.5\)/);
    // Checks against the catalog run once the shape is right.
    assert.match(
      problems([gpt5, { ...gpt5, name: "other", pricing: "hourly" }]).join("\n"),
      /^foundry-platform:accounts\[0\]\.deployments\[1\]\.pricing \(got "hourly"\): only provisioned deployments have a PTU pricing/m,
    );
    has(
      /^foundry-platform:gateway\.teams\[0\]\.expectedTraffic\[0\]\.model \(got "gpt-5-mini"\): not in the team's allowedModels/,
    );
  });
});
