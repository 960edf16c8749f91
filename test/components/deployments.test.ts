import { strict as assert } from "node:assert";
import {
  deployedModelOf,
  deploymentProblems,
  formatDeploymentProblem,
  ModelDeploymentSpec,
  spilloverProblems,
  spilloverTypeFor,
} from "../../components/foundry/deployments";

const on = new Date("2026-09-01T00:00:00Z");
const v = "2025-08-07";

const standard = (
  name: string,
  type: ModelDeploymentSpec["type"] = "GlobalStandard",
): ModelDeploymentSpec => ({
  name,
  model: "gpt-5",
  version: v,
  type,
  capacity: 10,
});
const ptu = (
  spillover: string | undefined,
  type: ModelDeploymentSpec["type"] = "GlobalProvisionedManaged",
): ModelDeploymentSpec => ({
  name: "ptu",
  model: "gpt-5",
  version: v,
  type,
  capacity: type === "ProvisionedManaged" ? 50 : 15,
  spillover,
});

interface Case {
  readonly what: string;
  readonly specs: readonly ModelDeploymentSpec[];
  readonly expect?: RegExp;
}

const cases: Case[] = [
  { what: "Global provisioned to Global Standard", specs: [standard("std"), ptu("std")] },
  {
    what: "Data Zone provisioned to Data Zone Standard",
    specs: [standard("std", "DataZoneStandard"), ptu("std", "DataZoneProvisionedManaged")],
  },
  {
    what: "scope mismatch: Global provisioned to Data Zone Standard",
    specs: [standard("std", "DataZoneStandard"), ptu("std")],
    expect:
      /^'std' is DataZoneStandard, but GlobalProvisionedManaged spills over only to GlobalStandard \(the same data-processing scope\)/,
  },
  {
    what: "scope mismatch: Data Zone provisioned to Global Standard",
    specs: [standard("std"), ptu("std", "DataZoneProvisionedManaged")],
    expect: /^'std' is GlobalStandard, but DataZoneProvisionedManaged spills over only to DataZoneStandard/,
  },
  {
    what: "target is not standard (batch)",
    specs: [standard("batch", "GlobalBatch"), ptu("batch")],
    expect: /^'batch' is GlobalBatch, but GlobalProvisionedManaged spills over only to GlobalStandard/,
  },
  {
    what: "target missing (for example in another account)",
    specs: [ptu("elsewhere")],
    expect:
      /^'elsewhere' is not a deployment of this account; spillover goes to a GlobalStandard deployment of the same account/,
  },
  {
    what: "spillover from a standard deployment",
    specs: [standard("a"), { ...standard("b"), spillover: "a" }],
    expect: /^only provisioned deployments spill over, and GlobalStandard is not provisioned/,
  },
  {
    what: "spillover to itself",
    specs: [ptu("ptu")],
    expect: /^a deployment cannot spill over to itself/,
  },
  {
    what: "target declared after the provisioned deployment",
    specs: [ptu("std"), standard("std")],
    expect: /^declare 'std' before this deployment: deployments are created in declaration order/,
  },
];

describe("spillover rules", () => {
  for (const c of cases) {
    it(c.expect ? `rejects ${c.what}` : `accepts ${c.what}`, () => {
      const problems = spilloverProblems(c.specs);
      if (!c.expect) {
        assert.deepEqual(problems, []);
        return;
      }
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.deepEqual(problems[0].path, ["spillover"]);
      assert.match(problems[0].message, c.expect);
      assert.equal(problems[0].severity, "error");
    });
  }

  it("maps each provisioned type to the standard type of its data scope", () => {
    assert.equal(spilloverTypeFor("GlobalProvisionedManaged"), "GlobalStandard");
    assert.equal(spilloverTypeFor("DataZoneProvisionedManaged"), "DataZoneStandard");
    assert.equal(spilloverTypeFor("ProvisionedManaged"), "Standard");
    assert.equal(spilloverTypeFor("GlobalStandard"), undefined);
  });

  it("marks a missing target so that the config can say which account has it", () => {
    const [p] = spilloverProblems([ptu("elsewhere")]);
    assert.equal(p.code, "spillover-target-missing");
  });
});

describe("deploymentProblems", () => {
  it("combines catalog and spillover problems, each tied to its deployment", () => {
    const specs: ModelDeploymentSpec[] = [
      { name: "old", model: "gpt-4.1", version: "2024-01-01", type: "GlobalStandard", capacity: 10 },
      { ...ptu("missing"), capacity: 17 },
    ];
    const problems = deploymentProblems(specs, on);
    assert.deepEqual(
      problems.map((p) => [p.index, p.path.join(".")]),
      [
        [0, "version"],
        [1, "capacity"],
        [1, "spillover"],
      ],
    );
    assert.equal(
      formatDeploymentProblem(specs, problems[0]),
      `deployment 'old' version (got "2024-01-01"): not a known version of gpt-4.1; known: 2025-04-14`,
    );
  });

  it("describes a deployment as plain data with its defaults applied", () => {
    assert.deepEqual(deployedModelOf({ ...ptu("std"), name: undefined }, "strict"), {
      name: "gpt-5",
      model: "gpt-5",
      format: "OpenAI",
      version: v,
      type: "GlobalProvisionedManaged",
      capacity: 15,
      versionUpgradeOption: "OnceCurrentVersionExpired",
      spillover: "std",
      raiPolicyName: "strict",
    });
    assert.deepEqual(
      deployedModelOf(
        {
          model: "model-router",
          version: "2025-11-18",
          type: "GlobalStandard",
          capacity: 10,
          routing: { models: [{ model: "Deepseek-V3.1", version: "1" }] },
        },
        "strict",
      ).routing,
      { mode: "balanced", models: [{ format: "DeepSeek", model: "Deepseek-V3.1", version: "1" }] },
    );
  });
});
