import { strict as assert } from "node:assert";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import { outputTokenWeightOf, ptuSizing } from "../../components/catalog";
import { costTagsOf, deploymentProblems } from "../../components/foundry/deployments";
import { allocateTraffic, TrafficDeployment } from "../../components/gateway/traffic";
import { AiPlatform } from "../../components/platform";
import { capture, ofType, prop, typeToken } from "../helpers/mocks";

const d = (
  account: string,
  deployment: string,
  type: TrafficDeployment["type"],
  extra: Partial<TrafficDeployment> = {},
): TrafficDeployment => ({
  account,
  location: account === "main" ? "swedencentral" : "eastus2",
  deployment,
  model: "gpt-5",
  type,
  capacity: type.includes("Provisioned") ? 15 : 100,
  ...extra,
});
const team = (rpm: number) => [
  {
    name: "apps",
    expectedTraffic: [{ model: "gpt-5", requestsPerMinute: rpm, inputTokens: 2000, outputTokens: 500 }],
  },
];

/** Requests per minute 15 PTUs of gpt-5 serve with 2,000 input and 500 output tokens each. */
const ptuRpm =
  (15 * ptuSizing("gpt-5", "GlobalProvisionedManaged")!.inputTpmPerPtu!) /
  (2000 + outputTokenWeightOf("gpt-5")! * 500);

describe("traffic: where expected traffic lands", () => {
  it("sends a team's traffic to the pool's first priority and leaves the other region standing by", () => {
    const t = allocateTraffic(
      [d("main", "gpt-5", "GlobalStandard"), d("second", "gpt-5", "GlobalStandard")],
      team(10),
      "swedencentral",
      true,
    );
    assert.equal(t.get("main/gpt-5")?.traffic.requestsPerMinute, 10);
    assert.deepEqual(t.get("main/gpt-5")?.sources, ["team apps"]);
    assert.equal(t.get("second/gpt-5")?.traffic.requestsPerMinute, 0);
    assert.match(t.get("second/gpt-5")!.sources[0], /standby in pool gpt-5 \(priority 2\)/);
  });

  it("fills provisioned capacity first and overflows the rest to its spillover deployment", () => {
    const deployments = [
      d("main", "gpt-5", "GlobalStandard"),
      d("main", "ptu", "GlobalProvisionedManaged", { spillover: "gpt-5" }),
    ];
    const rpm = 2 * ptuRpm;
    const t = allocateTraffic(deployments, team(rpm), "swedencentral", true);
    assert.ok(Math.abs(t.get("main/ptu")!.traffic.requestsPerMinute - rpm) < 1e-9, "the PTUs see all of it");
    assert.ok(
      Math.abs(t.get("main/gpt-5")!.traffic.requestsPerMinute - (rpm - ptuRpm)) < 1e-9,
      "the half above capacity spills",
    );
    assert.deepEqual(t.get("main/gpt-5")?.sources, ["overflow of ptu"]);
    // Below capacity nothing spills: the spillover deployment stands by.
    const light = allocateTraffic(deployments, team(ptuRpm / 2), "swedencentral", true);
    assert.equal(light.get("main/gpt-5")?.traffic.requestsPerMinute, 0);
  });

  it("overflows declared traffic of a provisioned deployment to its spillover, with no gateway too", () => {
    const t = allocateTraffic(
      [
        d("main", "gpt-5", "GlobalStandard"),
        d("main", "ptu", "GlobalProvisionedManaged", {
          spillover: "gpt-5",
          expectedTraffic: { requestsPerMinute: 3 * ptuRpm, inputTokens: 2000, outputTokens: 500 },
        }),
      ],
      team(1000),
      "swedencentral",
      false,
    );
    assert.ok(Math.abs(t.get("main/gpt-5")!.traffic.requestsPerMinute - 2 * ptuRpm) < 1e-9);
    assert.deepEqual(
      t.get("main/ptu")?.sources,
      ["declared"],
      "team traffic reaches nothing without a gateway",
    );
  });

  it("splits a priority group by weight: a canary takes its share", () => {
    const t = allocateTraffic(
      [
        d("main", "gpt-5", "GlobalStandard"),
        d("main", "gpt-5-canary", "GlobalStandard", { canary: { stable: "gpt-5", weightPercent: 10 } }),
      ],
      team(20),
      "swedencentral",
      true,
    );
    assert.ok(Math.abs(t.get("main/gpt-5")!.traffic.requestsPerMinute - 18) < 1e-9);
    assert.ok(Math.abs(t.get("main/gpt-5-canary")!.traffic.requestsPerMinute - 2) < 1e-9);
  });

  it("tags deployments with their traffic and PTU pricing; refuses pricing on a pay-per-token type", () => {
    assert.deepEqual(
      costTagsOf({
        model: "gpt-5",
        type: "GlobalProvisionedManaged",
        capacity: 15,
        pricing: "reservation",
        expectedTraffic: { requestsPerMinute: 1, inputTokens: 10, outputTokens: 2 },
      }),
      { expectedTraffic: "rpm=1;in=10;out=2;cached=0;from=declared", ptuPricing: "reservation" },
    );
    assert.deepEqual(costTagsOf({ model: "gpt-5", type: "GlobalStandard", capacity: 1 }), {});
    const problems = deploymentProblems(
      [
        {
          model: "gpt-5",
          version: "2025-08-07",
          type: "GlobalStandard",
          capacity: 1,
          pricing: "hourly",
          expectedTraffic: { requestsPerMinute: -1, inputTokens: 1, outputTokens: 1, cachedShare: 2 },
        },
      ],
      new Date("2026-09-01T00:00:00Z"),
    );
    assert.deepEqual(
      problems.map((p) => p.path.join(".")),
      ["pricing", "expectedTraffic.requestsPerMinute", "expectedTraffic.cachedShare"],
    );
  });

  it("AiPlatform records each deployment's traffic from its teams in the deployment's tags", async () => {
    const resources = await capture(
      () =>
        new AiPlatform("p", {
          environment: "prod",
          owner: "o@contoso.com",
          costCenter: "CC",
          workload: "contoso",
          location: "swedencentral",
          catalogDate: "2026-09-01",
          accounts: [
            {
              name: "main",
              deployments: [
                { model: "gpt-5", version: "2025-08-07", type: "GlobalStandard", capacity: 100 },
                {
                  name: "ptu",
                  model: "gpt-5",
                  version: "2025-08-07",
                  type: "GlobalProvisionedManaged",
                  capacity: 15,
                  spillover: "gpt-5",
                  pricing: "reservation",
                },
              ],
            },
          ],
          gateway: {
            publisherEmail: "o@contoso.com",
            teams: [
              {
                name: "apps",
                tokensPerMinute: 1000,
                monthlyTokenQuota: 100000,
                allowedModels: ["gpt-5"],
                expectedTraffic: team(2 * ptuRpm)[0].expectedTraffic,
              },
            ],
          },
        }),
    );
    const tags = (name: string) =>
      prop(
        ofType(resources, typeToken(cognitiveservices.Deployment)).find(
          (r) => r.inputs.deploymentName === name,
        )?.inputs,
        "tags",
      ) as Record<string, string>;
    assert.match(tags("ptu").expectedTraffic, /^rpm=[\d.]+;in=2000;out=500;cached=0;from=team apps$/);
    assert.equal(tags("ptu").ptuPricing, "reservation");
    assert.match(tags("gpt-5").expectedTraffic, /from=overflow of ptu$/);
    assert.equal(tags("gpt-5").environment, "prod", "the cost tags join the required ones");
  });
});
