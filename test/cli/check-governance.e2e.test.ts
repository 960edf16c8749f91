import { strict as assert } from "node:assert";
import * as path from "node:path";
import { checkJson, e2eTimeoutMs, root } from "../helpers/cli";

/** A `pulumi stack export` (outputs without path inputs, as azure-native stores them) breaking rules 1–13. */
const fixture = path.join(root, "test", "fixtures", "states", "governance-export.json");

/** Rules 1–13 of issue 7; other rules of the pack may also fire on the fixture and are not asserted here. */
const judged = new Set([
  "ai-account-disable-local-auth",
  "ai-account-restrict-network-access",
  "ai-account-managed-identity",
  "ai-account-custom-subdomain",
  "governance-resource-allowed-regions",
  "governance-resource-diagnostic-logs",
  "ai-deployment-approved-model",
  "ai-deployment-controlled-version-upgrade",
  "ai-deployment-content-filter",
  "ai-deployment-data-residency",
  "apim-service-managed-identity",
  "apim-service-disable-legacy-tls",
  "apim-api-https-only",
  "apim-backend-https-url",
]);

describe("check of a stack export against the governance rules (end to end)", function () {
  this.timeout(e2eTimeoutMs);

  it("finds every broken rule on the right resource, joins stack rules through the export, and nothing on the compliant ones", async () => {
    const { result: r, doc } = await checkJson(fixture, "prod");
    assert.equal(r.code, 1, r.stderr);
    const found = doc.violations
      .filter((v) => judged.has(v.policy))
      .map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn.slice(v.urn.lastIndexOf("::") + 2)}`)
      .sort();
    assert.deepEqual(found, [
      "mandatory ai-account-custom-subdomain open",
      "mandatory ai-account-disable-local-auth open",
      "mandatory ai-account-managed-identity open",
      "mandatory ai-account-restrict-network-access open",
      "mandatory ai-deployment-approved-model secure-gpt-4o",
      "mandatory ai-deployment-content-filter secure-gpt-4o",
      "mandatory ai-deployment-controlled-version-upgrade secure-gpt-4o",
      "mandatory apim-api-https-only inference",
      "mandatory apim-backend-https-url aoai",
      "mandatory apim-service-disable-legacy-tls gw",
      "mandatory apim-service-managed-identity gw",
      "mandatory governance-resource-allowed-regions open",
      "mandatory governance-resource-diagnostic-logs gw",
      "mandatory governance-resource-diagnostic-logs open",
    ]);
    const filter = doc.violations.find((v) => v.policy === "ai-deployment-content-filter");
    assert.match(
      filter?.message ?? "",
      /policy 'lenient', which is too weak: Jailbreak \(Prompt Shields\) is off/,
    );
  });
});
