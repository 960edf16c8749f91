import { strict as assert } from "node:assert";
import * as path from "node:path";
import { policies } from "../../policies/policies";
import { checkJson, e2eTimeoutMs, root } from "../helpers/cli";

const fixture = path.join(root, "test", "fixtures", "states", "ai-gateway-export.json");

/**
 * Rules 14-25 of issue 7, the ones this fixture exercises. The lifecycle rules judge on today's date
 * against the catalog, so their findings on this fixture change with time: unit tests cover them.
 */
const guardrails = new Set(
  policies.map((p) => p.name).filter((n) => /^(apim|rbac|governance|cost)-/.test(n)),
);

describe("check of a stack export that breaks many guardrails (end to end, offline)", function () {
  this.timeout(e2eTimeoutMs);

  it("finds every broken gateway, RBAC, tag and cost guardrail and exits 1", async () => {
    const { result: r, doc } = await checkJson(fixture, "prod");
    assert.equal(r.code, 1, r.stderr);
    assert.equal(doc.stack, "prod");
    assert.equal(doc.summary.passed, false);
    const found = doc.violations
      .filter((v) => guardrails.has(v.policy))
      .map(
        (v) =>
          `${v.enforcementLevel} ${v.policy} ${v.urn ? v.urn.slice(v.urn.lastIndexOf("::") + 2) : "(stack)"}`,
      )
      .sort();
    assert.deepEqual(found, [
      // Issue 15's parity rules on the same export.
      "advisory apim-api-defender chat",
      "advisory apim-api-description chat",
      "advisory apim-product-description starter",
      "mandatory apim-api-token-limit chat",
      "mandatory apim-backend-managed-identity aoai",
      "mandatory apim-backend-managed-identity aoai-key",
      "mandatory apim-backend-managed-identity chat",
      "mandatory apim-backend-managed-identity chat-policy",
      "mandatory apim-named-value-key-vault aoai-key",
      "mandatory apim-policy-base chat-policy",
      "mandatory apim-product-ai-limits starter",
      "mandatory apim-product-no-sample starter",
      "mandatory apim-product-subscription-required starter",
      "mandatory apim-service-min-api-version apim",
      "mandatory cost-deployment-ptu-protected aif-gpt-4.1-ptu",
      "mandatory cost-deployment-ptu-sizing aif-gpt-4.1-ptu",
      "mandatory cost-deployment-ptu-spillover aif-gpt-4.1-dz",
      "mandatory cost-deployment-ptu-spillover aif-gpt-4.1-ptu",
      "mandatory cost-deployment-standard-capacity aif-gpt-4.1-std",
      "mandatory cost-stack-budget (stack)",
      "mandatory cost-stack-ptu-total (stack)",
      // The export declares no diagnostic settings at all.
      "mandatory governance-resource-diagnostic-logs aif",
      "mandatory governance-resource-diagnostic-logs apim",
      "mandatory governance-resource-required-tags rg",
      "mandatory rbac-role-assignment-data-plane-principal alice-openai-user",
      // A person with a data-plane role calls the models around the gateway (gateway-only in prod).
      "mandatory rbac-role-assignment-gateway-only alice-openai-user",
      "mandatory rbac-role-assignment-no-privileged-role ops-owner",
    ]);
    const message = (policy: string) => doc.violations.find((v) => v.policy === policy)?.message ?? "";
    assert.match(
      message("cost-stack-ptu-total"),
      /total 117 PTUs \(gpt-4\.1-ptu 17, gpt-4\.1-dz 100\), more than .* 100/,
    );
    assert.match(message("apim-policy-base"), /<outbound> has no <base \/>/);
    assert.ok(!r.stdout.includes("KEYCIPHERTEXTNEVERPRINTED"), "a secret named value leaked");
  });
});
