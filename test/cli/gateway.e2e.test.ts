import { strict as assert } from "node:assert";
import { e2eTimeoutMs, sharedPlanJson } from "../helpers/cli";
import { baseProblems, find, parsePolicy, referenceProblems } from "../helpers/policy-xml";

describe("plan --stack prod (AI gateway)", function () {
  this.timeout(e2eTimeoutMs);

  it("includes the gateway, routes every deployed model, and exits 0", async () => {
    const { result, doc } = await sharedPlanJson(["--stack", "prod"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(doc.summary.passed, true);
    assert.deepEqual(doc.errors, []);
    const byType = (type: string): typeof doc.resources => doc.resources.filter((r) => r.type === type);

    assert.equal(byType("foundry-platform:index:AiGateway").length, 1);
    const [service] = byType("azure-native:apimanagement:ApiManagementService");
    assert.equal(service.inputs.serviceName, "apim-contoso-prod-sdc");
    assert.deepEqual((service.inputs.sku as { name: string }).name, "StandardV2");

    // Every deployed model that can take requests is routable through the gateway; a Model Router
    // with routing settings is a generic ARM resource (a newer API version than the typed one).
    const routerDeployments = byType("azure-native:resources:Resource").filter(
      (r) =>
        r.inputs.resourceProviderNamespace === "Microsoft.CognitiveServices" &&
        r.inputs.resourceType === "deployments",
    );
    assert.equal(routerDeployments.length, 1);
    const deployed = [...byType("azure-native:cognitiveservices:Deployment"), ...routerDeployments]
      .filter((d) => !/Batch$/.test((d.inputs.sku as { name: string }).name))
      .map((d) => (d.inputs.properties as { model: { name: string } }).model.name);
    const [apiPolicy] = byType("azure-native:apimanagement:ApiPolicy");
    const policy = parsePolicy(apiPolicy.inputs.value as string);
    assert.deepEqual(referenceProblems(policy), []);
    assert.deepEqual(baseProblems(policy), []);
    const routed = find(policy, "set-variable")
      .filter((v) => v.attrs.name === "routedModel")
      .map((v) => v.attrs.value);
    assert.deepEqual([...new Set(routed)].sort(), [...new Set(deployed)].sort());

    // The gateway's telemetry and token metrics go to the platform's Application Insights, and its
    // logs to the platform's workspace.
    const [appInsights] = byType("azure-native:applicationinsights:Component");
    const logger = byType("azure-native:apimanagement:Logger").find(
      (l) => l.inputs.loggerId === "appinsights",
    );
    assert.ok(logger && appInsights);
    assert.match(
      String(logger.inputs.resourceId),
      new RegExp(`/components/${String(appInsights.inputs.resourceName)}$`),
    );
    assert.equal((logger.inputs.credentials as Record<string, unknown>).connectionString, "[secret]");
    const gatewayDiag = byType("azure-native:monitor:DiagnosticSetting").filter((d) =>
      String(d.inputs.resourceUri).endsWith("/service/apim-contoso-prod-sdc"),
    );
    assert.equal(gatewayDiag.length, 1);

    // One role assignment per fronted account, and one product with a token limit per team.
    const accounts = byType("azure-native:cognitiveservices:Account").map((a) => a.inputs.accountName);
    const scopes = byType("azure-native:authorization:RoleAssignment")
      .filter((r) => String(r.inputs.description).startsWith("AI gateway"))
      .map((r) => String(r.inputs.scope).split("/").pop());
    assert.deepEqual(scopes.sort(), [...accounts].sort());
    const products = byType("azure-native:apimanagement:Product").map((p) => p.inputs.productId);
    assert.deepEqual(products.sort(), ["team-assistants", "team-search"]);
    for (const p of byType("azure-native:apimanagement:ProductPolicy")) {
      assert.equal(find(parsePolicy(p.inputs.value as string), "llm-token-limit").length, 1);
    }
  });
});
