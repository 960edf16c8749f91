/**
 * The prod plan is reachable: every gateway backend reaches its private-only account through a
 * private endpoint in the gateway's network, resolved through a linked private DNS zone. Taking
 * one endpoint, or one zone link, out of the plan makes `check` fail.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PlanDoc, checkJson, sharedPlanJson } from "../helpers/cli";

const rule = "network-apim-backend-reachable";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fp-network-"));

/** The plan without the resources whose URN ends with one of `suffixes`, written where `check` reads it. */
function without(doc: PlanDoc, name: string, ...suffixes: string[]): string {
  const resources = doc.resources.filter((r) => !suffixes.some((s) => r.urn.endsWith(`::${s}`)));
  assert.equal(
    resources.length,
    doc.resources.length - suffixes.length,
    `not all of ${suffixes.join(", ")} found`,
  );
  const file = path.join(tmp, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...doc, resources }));
  return file;
}

describe("prod network path (plan, then check with a piece taken out)", () => {
  let plan: PlanDoc;
  before(async function () {
    this.timeout(120_000);
    const { result, doc } = await sharedPlanJson(["--stack", "prod"]);
    assert.equal(result.code, 0, result.stderr);
    plan = doc;
  });

  it("plans prod reachable: the gateway joins the network, every account has an endpoint, the rule is mandatory and passes", () => {
    assert.equal(plan.summary.passed, true);
    assert.equal(plan.violations.filter((v) => v.policy === rule).length, 0);
    const service = plan.resources.find((r) => r.type === "azure-native:apimanagement:ApiManagementService");
    assert.equal(service?.inputs.virtualNetworkType, "External");
    const endpoints = plan.resources.filter((r) => r.type === "azure-native:network:PrivateEndpoint");
    assert.equal(endpoints.length, 2);
  });

  it("fails check when the main account's private endpoint is removed", async () => {
    const file = without(plan, "no-endpoint", "platform-main-pep-0", "platform-main-pep-0-dns");
    const { result, doc } = await checkJson(file, "prod");
    assert.equal(result.code, 1, result.stderr);
    const found = doc.violations.filter((v) => v.policy === rule);
    assert.ok(found.length > 0 && found.every((v) => v.enforcementLevel === "mandatory"));
    assert.ok(
      found.every((v) =>
        /account 'aif-contoso-prod-sdc-main', which has no private endpoint/.test(v.message),
      ),
    );
  });

  it("fails check when a private DNS zone's link to the gateway's network is removed", async () => {
    const file = without(plan, "no-link", "platform-network-dns-cognitiveservices-link");
    const { result, doc } = await checkJson(file, "prod");
    assert.equal(result.code, 1, result.stderr);
    const found = doc.violations.filter((v) => v.policy === rule);
    // Every backend of both accounts resolves through the cognitiveservices zone.
    assert.ok(found.length >= 2);
    assert.ok(found.every((v) => /privatelink\.cognitiveservices\.azure\.com is not linked/.test(v.message)));
  });
});
