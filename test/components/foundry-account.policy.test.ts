import { strict as assert } from "node:assert";
import { runPolicies } from "../../cli/analyzer/analyze";
import { PackProcess, startPolicyPack } from "../../cli/analyzer/pack-process";
import { isBlocking } from "../../cli/model";
import { policyConfigPath, policyPackDir, projectName } from "../../cli/paths";
import { engineChecks } from "../../cli/plan/engine-checks";
import { FoundryAccount } from "../../components/foundry/account";
import { capture } from "../helpers/mocks";

describe("FoundryAccount with zero options, through the policy pack", function () {
  let pack: PackProcess | undefined;

  after(() => pack?.stop());

  it("passes every mandatory rule in dev, staging and prod, and nothing the engine would reject", async () => {
    pack = await startPolicyPack(policyPackDir);
    const resources = await capture(
      () =>
        new FoundryAccount("main", {
          resourceGroupName: "rg-contoso-prod-sdc",
          location: "swedencentral",
          accountName: "aif-contoso-prod-sdc-main",
        }),
    );
    assert.deepEqual(engineChecks(resources), []);
    for (const env of ["dev", "staging", "prod"]) {
      const run = await runPolicies(pack, resources, {
        stack: env,
        project: projectName,
        policyConfigFile: policyConfigPath(env),
      });
      assert.ok(run.pack.policies >= 1);
      assert.deepEqual(run.violations.filter(isBlocking), [], `${env}: ${JSON.stringify(run.violations)}`);
    }
    // The same path does catch a broken account: the check above is not vacuous.
    const keys = await capture(
      () =>
        new FoundryAccount("main", {
          resourceGroupName: "rg-contoso-prod-sdc",
          location: "swedencentral",
          accountName: "aif-contoso-prod-sdc-main",
          allowLocalAuth: true,
        }),
    );
    const broken = await runPolicies(pack, keys, {
      stack: "prod",
      project: projectName,
      policyConfigFile: policyConfigPath("prod"),
    });
    assert.ok(broken.violations.some(isBlocking));
  });
});
