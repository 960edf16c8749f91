import { strict as assert } from "node:assert";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import * as authorization from "@pulumi/azure-native/authorization";
import * as redisenterprise from "@pulumi/azure-native/redisenterprise";
import * as resources from "@pulumi/azure-native/resources";
import { PlannedResource, WireValue } from "../../../cli/model";
import { isSecretValue } from "../../../cli/wire";
import {
  AiGateway,
  AiGatewayArgs,
  GatewayModelTarget,
  gatewayArgsProblems,
} from "../../../components/gateway";
import { builtInRoles } from "../../../components/common/roles";
import { capture, captureErrors, hasAncestor, ofType, prop, typeToken } from "../../helpers/mocks";
import { baseProblems, find, parsePolicy, referenceProblems } from "../../helpers/policy-xml";

const T = {
  component: "foundry-platform:index:AiGateway",
  service: typeToken(apimanagement.ApiManagementService),
  backend: typeToken(apimanagement.Backend),
  api: typeToken(apimanagement.Api),
  apiPolicy: typeToken(apimanagement.ApiPolicy),
  product: typeToken(apimanagement.Product),
  link: typeToken(apimanagement.ProductApiLink),
  productPolicy: typeToken(apimanagement.ProductPolicy),
  subscription: typeToken(apimanagement.Subscription),
  logger: typeToken(apimanagement.Logger),
  apiDiagnostic: typeToken(apimanagement.ApiDiagnostic),
  cache: typeToken(apimanagement.Cache),
  role: typeToken(authorization.RoleAssignment),
  redis: typeToken(redisenterprise.RedisEnterprise),
  redisDb: typeToken(redisenterprise.Database),
  generic: typeToken(resources.Resource),
};

const accountId = (a: string): string =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-test/providers/Microsoft.CognitiveServices/accounts/aif-${a}`;
function target(
  account: string,
  deployment: string,
  rest: Partial<GatewayModelTarget> = {},
): GatewayModelTarget {
  return {
    account,
    accountResourceId: accountId(account),
    endpoint: `https://aif-${account}.cognitiveservices.azure.com/`,
    location: "swedencentral",
    deployment,
    model: deployment,
    version: "2025-04-14",
    type: "GlobalStandard",
    ...rest,
  };
}

const base: AiGatewayArgs = {
  diagnosticSettings: [],
  resourceGroupName: "rg-test",
  location: "swedencentral",
  serviceName: "apim-test-dev-sdc",
  publisherEmail: "platform@contoso.com",
  targets: [
    target("main", "gpt-4.1"),
    target("main", "gpt-4.1-mini"),
    target("main", "text-embedding-3-small", { version: "1" }),
    target("second", "gpt-4.1", { location: "eastus2" }),
  ],
  teams: [
    {
      name: "search",
      tokensPerMinute: 10000,
      monthlyTokenQuota: 5000000,
      allowedModels: ["gpt-4.1-mini", "text-embedding-3-small"],
    },
    { name: "assistants", tokensPerMinute: 50000, monthlyTokenQuota: 90000000, allowedModels: ["gpt-4.1"] },
  ],
  tags: { environment: "dev", owner: "o", costCenter: "c" },
};

const named = (rs: PlannedResource[], type: string, name: string): PlannedResource => {
  const r = ofType(rs, type).find((x) => x.name === name);
  assert.ok(
    r,
    `no ${type} named ${name}; have ${ofType(rs, type)
      .map((x) => x.name)
      .join(", ")}`,
  );
  return r;
};

describe("AiGateway", () => {
  let rs: PlannedResource[];
  before(async () => {
    rs = await capture(() => new AiGateway("gw", base));
  });

  it("creates a StandardV2 service with a system-assigned identity and old protocols off, front and back", () => {
    const [service] = ofType(rs, T.service);
    assert.deepEqual(service.inputs.sku, { name: "StandardV2", capacity: 1 });
    assert.deepEqual(service.inputs.identity, { type: "SystemAssigned" });
    const props = service.inputs.customProperties as Record<string, string>;
    for (const side of ["", "Backend."]) {
      for (const p of ["Tls10", "Tls11", "Ssl30"]) {
        assert.equal(
          props[`Microsoft.WindowsAzure.ApiManagement.Gateway.Security.${side}Protocols.${p}`],
          "False",
        );
      }
    }
    assert.equal(
      props["Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168"],
      "False",
    );
    assert.deepEqual(service.inputs.tags, { environment: "dev", owner: "o", costCenter: "c" });
  });

  it("disables weak ciphers too on the classic Premium tier", async () => {
    const premium = await capture(() => new AiGateway("gw", { ...base, sku: "Premium", capacity: 2 }));
    const [service] = ofType(premium, T.service);
    assert.deepEqual(service.inputs.sku, { name: "Premium", capacity: 2 });
    const props = service.inputs.customProperties as Record<string, string>;
    assert.equal(
      props["Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TLS_RSA_WITH_AES_128_CBC_SHA"],
      "False",
    );
  });

  it("gives the gateway identity Cognitive Services OpenAI User on every fronted account, once each", () => {
    const [service] = ofType(rs, T.service);
    const principal = prop(service.outputs, "identity", "principalId");
    const roles = ofType(rs, T.role);
    assert.deepEqual(roles.map((r) => r.inputs.scope).sort(), [accountId("main"), accountId("second")]);
    for (const r of roles) {
      assert.equal(r.inputs.principalId, principal);
      assert.equal(r.inputs.principalType, "ServicePrincipal");
      assert.match(
        r.inputs.roleDefinitionId as string,
        new RegExp(`${builtInRoles["Cognitive Services OpenAI User"]}$`),
      );
    }
  });

  it("declares one https backend per deployment, each with exactly one circuit-breaker rule on 429 and 5xx", () => {
    // Deployment backends (the account's own v1 API backend serves the Responses API, see below).
    const singles = ofType(rs, T.backend).filter(
      (b) => b.inputs.type === "Single" && !String(b.inputs.backendId).startsWith("account-"),
    );
    assert.deepEqual(singles.map((b) => b.inputs.backendId).sort(), [
      "main-gpt-4-1",
      "main-gpt-4-1-mini",
      "main-text-embedding-3-small",
      "second-gpt-4-1",
    ]);
    for (const b of singles) {
      assert.match(
        b.inputs.url as string,
        /^https:\/\/aif-\w+\.cognitiveservices\.azure\.com\/openai\/deployments\/[\w.-]+$/,
      );
      const rules = prop(b.inputs, "circuitBreaker", "rules") as Record<string, unknown>[];
      assert.equal(rules.length, 1);
      assert.equal(rules[0].acceptRetryAfter, true);
      assert.deepEqual(prop(rules[0], "failureCondition", "statusCodeRanges"), [
        { min: 429, max: 429 },
        { min: 500, max: 599 },
      ]);
      assert.equal(prop(b.inputs, "credentials"), undefined, "no key toward the model");
    }
  });

  it("pools each model's backends by their ARM ids, primary region first", () => {
    const pool = named(rs, T.backend, "gw-pool-gpt-4-1");
    assert.equal(pool.inputs.type, "Pool");
    const services = prop(pool.inputs, "pool", "services") as {
      id: string;
      priority: number;
      weight: number;
    }[];
    assert.deepEqual(
      services.map((s) => [s.id.split("/").slice(-4).join("/"), s.priority, s.weight]),
      [
        ["service/apim-test-dev-sdc/backends/main-gpt-4-1", 1, 100],
        ["service/apim-test-dev-sdc/backends/second-gpt-4-1", 2, 100],
      ],
    );
    assert.equal(ofType(rs, T.backend).filter((b) => b.inputs.type === "Pool").length, 3);
  });

  it("defines an https-only, subscription-required inference API in the program, and its policy", () => {
    const [api] = ofType(rs, T.api);
    assert.deepEqual(api.inputs.protocols, ["https"]);
    assert.equal(api.inputs.subscriptionRequired, true);
    assert.equal(api.inputs.path, "openai");
    assert.equal(api.inputs.format, "openapi+json");
    const spec = JSON.parse(api.inputs.value as string) as { paths: Record<string, unknown> };
    // Only shapes Learn documents; no batch deployment here, so no files or batches.
    assert.deepEqual(Object.keys(spec.paths).sort(), [
      "/deployments/{deployment-id}/chat/completions",
      "/deployments/{deployment-id}/embeddings",
      "/v1/chat/completions",
      "/v1/embeddings",
      "/v1/responses",
      "/v1/responses/{response_id}",
      "/v1/responses/{response_id}/cancel",
      "/v1/responses/{response_id}/input_items",
    ]);
    const [policy] = ofType(rs, T.apiPolicy);
    assert.equal(policy.inputs.apiId, "inference");
    assert.equal(policy.inputs.format, "xml");
    const doc = parsePolicy(policy.inputs.value as string);
    assert.deepEqual(referenceProblems(doc), []);
    assert.deepEqual(baseProblems(doc), []);
  });

  it("routes every deployed model and deployment name, and emits token metrics by default", () => {
    const doc = parsePolicy(ofType(rs, T.apiPolicy)[0].inputs.value as string);
    // Both the model routing and the Responses routing name every model once.
    const routed = find(doc, "set-variable")
      .filter((v) => v.attrs.name === "routedModel")
      .map((v) => v.attrs.value);
    assert.deepEqual([...new Set(routed)].sort(), [...new Set(base.targets.map((t) => t.model))].sort());
    assert.equal(find(doc, "retry")[0].attrs.count, "1");
    assert.equal(find(doc, "llm-emit-token-metric")[0].attrs.namespace, "ai-gateway");
  });

  it("makes each team a subscription-required product with the API, its policy and one active subscription", () => {
    for (const team of base.teams) {
      const product = named(rs, T.product, `gw-team-${team.name}`);
      assert.equal(product.inputs.productId, `team-${team.name}`);
      assert.equal(product.inputs.subscriptionRequired, true);
      const link = named(rs, T.link, `gw-team-${team.name}-api`);
      assert.equal(link.inputs.productId, `team-${team.name}`);
      assert.match(link.inputs.apiId as string, /\/service\/apim-test-dev-sdc\/apis\/inference$/);
      const sub = named(rs, T.subscription, `gw-team-${team.name}-subscription`);
      assert.equal(sub.inputs.scope, `/products/team-${team.name}`);
      assert.equal(sub.inputs.state, "active");
      assert.equal(sub.inputs.allowTracing, false);
      const doc = parsePolicy(
        named(rs, T.productPolicy, `gw-team-${team.name}-policy`).inputs.value as string,
      );
      assert.deepEqual(referenceProblems(doc), []);
      const [limit] = find(doc, "llm-token-limit");
      assert.equal(limit.attrs["tokens-per-minute"], String(team.tokensPerMinute));
      assert.equal(limit.attrs["token-quota"], String(team.monthlyTokenQuota));
      assert.equal(limit.attrs["token-quota-period"], "Monthly");
      const allowed = find(doc, "set-body")[0].text;
      for (const m of team.allowedModels) {
        assert.ok(allowed.includes(`"${m}"`), `${team.name} allows ${m}`);
      }
    }
    assert.ok(
      ofType(rs, T.product).every((p) => !["starter", "unlimited"].includes(p.inputs.productId as string)),
    );
  });

  it("logs LLM requests without message bodies, and no Application Insights logger unless given", () => {
    assert.deepEqual(
      ofType(rs, T.logger).map((l) => l.inputs.loggerType),
      ["azureMonitor"],
    );
    const diag = named(rs, T.generic, "gw-llm-diagnostic");
    assert.equal(diag.inputs.resourceType, "diagnostics");
    assert.equal(diag.inputs.parentResourcePath, "service/apim-test-dev-sdc/apis/inference");
    assert.deepEqual(prop(diag.inputs, "properties", "largeLanguageModel"), { logs: "enabled" });
    assert.equal(ofType(rs, T.apiDiagnostic).length, 0);
  });

  it("parents every resource under the component and keeps child names stable", () => {
    const [component] = ofType(rs, T.component);
    assert.ok(rs.filter((r) => r !== component).every((r) => hasAncestor(rs, r, component.urn)));
    assert.deepEqual(
      rs
        .filter((r) => r !== component && !r.type.includes("RoleAssignment"))
        .map((r) => r.name)
        .sort()
        .slice(0, 6),
      [
        "gw-api",
        "gw-api-policy",
        "gw-apim",
        "gw-azuremonitor-logger",
        "gw-backend-account-main",
        "gw-backend-main-gpt-4-1",
      ],
    );
  });

  it("wires Application Insights: a logger with a secret credential and a metrics-enabled API diagnostic", async () => {
    const withAi = await capture(
      () =>
        new AiGateway("gw", {
          ...base,
          applicationInsights: {
            resourceId:
              "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/appi-test",
            connectionString: "InstrumentationKey=00000000-0000-0000-0000-000000000000",
          },
          llmLogging: { logMessages: true, maxMessageBytes: 16384 },
        }),
    );
    const logger = named(withAi, T.logger, "gw-appinsights-logger");
    assert.equal(logger.inputs.loggerType, "applicationInsights");
    assert.ok(
      isSecretValue(prop(logger.inputs, "credentials", "connectionString") as WireValue),
      "credential is secret",
    );
    const [diag] = ofType(withAi, T.apiDiagnostic);
    assert.equal(diag.inputs.metrics, true);
    assert.match(diag.inputs.loggerId as string, /\/loggers\/appinsights$/);
    assert.deepEqual(prop(diag.inputs, "frontend", "request", "body"), { bytes: 0 });
    const llm = named(withAi, T.generic, "gw-llm-diagnostic");
    assert.deepEqual(prop(llm.inputs, "properties", "largeLanguageModel"), {
      logs: "enabled",
      requests: { messages: "all", maxSizeInBytes: 16384 },
      responses: { messages: "all", maxSizeInBytes: 16384 },
    });
  });

  it("adds the semantic cache: Azure Managed Redis with RediSearch, the external cache and the embeddings backend", async () => {
    const cached = await capture(
      () =>
        new AiGateway("gw", {
          ...base,
          semanticCache: {
            embeddings: { account: "main", deployment: "text-embedding-3-small" },
            redis: { clusterName: "redis-test-dev-sdc" },
          },
        }),
    );
    const [cluster] = ofType(cached, T.redis);
    assert.equal(cluster.inputs.minimumTlsVersion, "1.2");
    assert.deepEqual(cluster.inputs.sku, { name: "Balanced_B0" });
    const [db] = ofType(cached, T.redisDb);
    assert.deepEqual(db.inputs.modules, [{ name: "RediSearch" }]);
    assert.equal(db.inputs.clusteringPolicy, "EnterpriseCluster");
    assert.equal(db.inputs.evictionPolicy, "NoEviction");
    const [cache] = ofType(cached, T.cache);
    assert.equal(cache.inputs.cacheId, "default");
    assert.ok(isSecretValue(cache.inputs.connectionString as WireValue), "connection string is secret");
    const embeddings = named(cached, T.backend, "gw-backend-embeddings");
    assert.match(
      embeddings.inputs.url as string,
      /\/openai\/deployments\/text-embedding-3-small\/embeddings$/,
    );
    const doc = parsePolicy(ofType(cached, T.apiPolicy)[0].inputs.value as string);
    assert.equal(
      find(doc, "llm-semantic-cache-lookup")[0].attrs["embeddings-backend-id"],
      embeddings.inputs.backendId,
    );
    assert.equal(find(doc, "llm-semantic-cache-store")[0].attrs.duration, "3600");
    assert.equal(ofType(rs, T.redis).length + ofType(rs, T.cache).length, 0, "off by default");
  });

  it("screens prompts with Content Safety through a managed-identity backend when configured", async () => {
    const csId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/cs-test";
    const screened = await capture(
      () =>
        new AiGateway("gw", {
          ...base,
          contentSafety: { endpoint: "https://cs-test.cognitiveservices.azure.com/", resourceId: csId },
        }),
    );
    const backend = named(screened, T.generic, "gw-backend-content-safety");
    assert.deepEqual(prop(backend.inputs, "properties", "credentials"), {
      managedIdentity: { resource: "https://cognitiveservices.azure.com" },
    });
    const role = ofType(screened, T.role).find((r) => r.inputs.scope === csId);
    assert.ok(role);
    assert.match(
      role.inputs.roleDefinitionId as string,
      new RegExp(`${builtInRoles["Cognitive Services User"]}$`),
    );
    const doc = parsePolicy(ofType(screened, T.apiPolicy)[0].inputs.value as string);
    // Screened wherever a prompt is sent: model calls and Responses creations.
    assert.equal(find(doc, "llm-content-safety").length, 2);
    assert.equal(find(doc, "category").length, 8);
  });

  it("uses an existing service by id, without creating one", async () => {
    const id =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.ApiManagement/service/apim-shared";
    const existing = await capture(
      () =>
        new AiGateway("gw", {
          ...base,
          serviceName: undefined,
          publisherEmail: undefined,
          existingServiceId: id,
        }),
    );
    assert.equal(ofType(existing, T.service).length, 0);
    const [api] = ofType(existing, T.api);
    assert.equal(api.inputs.serviceName, "apim-shared");
    assert.equal(api.inputs.resourceGroupName, "rg-shared");
    assert.ok(
      ofType(existing, T.role).every(
        (r) => typeof r.inputs.principalId === "string" && r.inputs.principalId !== "",
      ),
    );
  });

  it("reports every problem at once before registering anything", async () => {
    const errors = await captureErrors(
      () =>
        new AiGateway("gw", {
          ...base,
          serviceName: "1-bad",
          teams: [{ name: "search", tokensPerMinute: 0, monthlyTokenQuota: 1, allowedModels: ["gpt-5"] }],
          circuitBreakerRules: [{}, {}],
        }),
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /AiGateway 'gw': /);
    assert.match(errors[0], /'1-bad' is not a valid API Management service name/);
    assert.match(errors[0], /tokensPerMinute 0/);
    assert.match(errors[0], /allows model 'gpt-5', which the gateway does not serve/);
    assert.match(errors[0], /2 circuit-breaker rules/);
  });

  it("validates mutually exclusive and missing options", () => {
    const problems = gatewayArgsProblems({
      ...base,
      existingServiceId: "not-an-id",
      applicationInsights: { resourceId: "x" },
      semanticCache: {
        embeddings: { account: "main", deployment: "gpt-4.1" },
        redis: { clusterName: "bad--name" },
      },
    });
    assert.ok(
      problems.some((p) => /existingServiceId 'not-an-id' is not an API Management service id/.test(p)),
    );
    assert.ok(problems.some((p) => /serviceName configures a new service/.test(p)));
    assert.ok(problems.some((p) => /exactly one of connectionString or instrumentationKey/.test(p)));
    assert.ok(problems.some((p) => /serves 'gpt-4.1', not an embeddings model/.test(p)));
    assert.ok(problems.some((p) => /clusterName 'bad--name'/.test(p)));
    assert.ok(
      gatewayArgsProblems({ ...base, publisherEmail: undefined }).some((p) =>
        /publisherEmail is required/.test(p),
      ),
    );
  });
});
