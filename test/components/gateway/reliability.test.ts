/**
 * Reliability semantics of the gateway at runtime: which responses are retried and where, how long
 * the gateway waits, how a provisioned deployment's spillover shapes the pools, and which circuit
 * breaker each backend gets. The policy's C# conditions are evaluated on scenarios by translating
 * the few context members they read.
 */
import { strict as assert } from "node:assert";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import {
  AiGateway,
  defaultCircuitBreakerRule,
  defaultProvisionedCircuitBreakerRule,
  planPools,
  routeTable,
} from "../../../components/gateway";
import {
  retryBackendCode,
  retryConditionCode,
  retryWaitCode,
} from "../../../components/gateway/xml/documents";
import { modelTarget } from "../../helpers/gateway-targets";
import { capture, ofType, prop, typeToken } from "../../helpers/mocks";

interface Scenario {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly fallback?: string;
  /** Set by the operation's branch: false for files, batches and stored responses. */
  readonly retryable?: boolean;
}

/** Evaluates a policy C# expression on a scenario (only the members the retry expressions read). */
function evaluate(code: string, s: Scenario): unknown {
  const headers = Object.fromEntries(Object.entries(s.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const js = code
    .replace(/context\.Response\.StatusCode/g, "status")
    .replace(
      /context\.Response\.Headers\.ContainsKey\("([^"]+)"\)/g,
      (_m, h: string) => `has(${JSON.stringify(h)})`,
    )
    .replace(
      /context\.Response\.Headers\.GetValueOrDefault\("([^"]+)", "([^"]*)"\)/g,
      (_m, h: string, d: string) => `get(${JSON.stringify(h)}, ${JSON.stringify(d)})`,
    )
    .replace(/\(string\)context\.Variables\["([^"]+)"\]/g, (_m, v: string) => `vars[${JSON.stringify(v)}]`)
    .replace(/int seconds;/, "let seconds;")
    .replace(/Math\.Min/g, "Math.min")
    .replace(/Math\.Max/g, "Math.max")
    .replace(
      /int\.TryParse\(given, out seconds\)/,
      "(/^\\d+$/.test(given) && ((seconds = Number(given)), true))",
    );
  const body = js.includes("return ") ? js : `return (${js});`;
  const fn = new Function("status", "has", "get", "vars", body) as (...a: unknown[]) => unknown;
  return fn(
    s.status,
    (h: string) => h.toLowerCase() in headers,
    (h: string, d: string) => headers[h.toLowerCase()] ?? d,
    {
      backendId: "pool-gpt-5",
      fallbackBackendId: s.fallback ?? "",
      retryable: s.retryable === false ? "false" : "true",
    },
  );
}

describe("gateway retries (runtime semantics)", () => {
  const retried = (s: Scenario) => evaluate(retryConditionCode, s) as boolean;

  it("retries a throttled or failing deployment on another member of the pool", () => {
    for (const status of [429, 500, 502, 504]) {
      assert.equal(retried({ status }), true, String(status));
    }
  });

  it("never repeats a file upload, a batch creation or a stored-response call", () => {
    for (const status of [429, 500]) {
      assert.equal(retried({ status, retryable: false }), false, String(status));
    }
  });

  it("never retries API Management's own 503 (every backend tripped) nor a client error", () => {
    for (const status of [503, 400, 401, 403, 404]) {
      assert.equal(retried({ status }), false, String(status));
    }
  });

  it("after a failed spillover, retries only where a fallback pool exists, and sends the retry there", () => {
    const spilled = { "x-ms-spillover-error": "429" };
    assert.equal(retried({ status: 429, headers: spilled }), false);
    assert.equal(retried({ status: 429, headers: spilled, fallback: "pool-gpt-5-fallback" }), true);
    assert.equal(
      evaluate(retryBackendCode, { status: 429, headers: spilled, fallback: "pool-gpt-5-fallback" }),
      "pool-gpt-5-fallback",
    );
    assert.equal(evaluate(retryBackendCode, { status: 429, fallback: "pool-gpt-5-fallback" }), "pool-gpt-5");
  });

  it("waits the backend's Retry-After between attempts, capped, and 1 second without one", () => {
    const wait = (headers?: Record<string, string>) => evaluate(retryWaitCode(5), { status: 429, headers });
    assert.equal(wait({ "Retry-After": "3" }), 3);
    assert.equal(wait({ "retry-after": "86400" }), 5);
    assert.equal(wait({ "Retry-After": "0" }), 1);
    assert.equal(wait(), 1);
    assert.equal(wait({ "Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT" }), 1);
  });
});

/** prod's shape: a PTU deployment that spills over to a standard one, and another region. */
const targets = [
  modelTarget("main", "gpt-5", { spilloverOf: "gpt-5-ptu" }),
  modelTarget("main", "gpt-5-ptu", { type: "GlobalProvisionedManaged" }),
  modelTarget("second", "gpt-5"),
];

describe("gateway pools with spillover", () => {
  it("keeps the spillover deployment in the pool, and leaves it and its PTU out of the fallback", () => {
    const [pool] = planPools(targets, "swedencentral");
    assert.deepEqual(
      pool.members.map((m) => [m.backendId, m.priority]),
      [
        ["main-gpt-5-ptu", 1],
        ["main-gpt-5", 2],
        ["second-gpt-5", 3],
      ],
    );
    assert.deepEqual(
      pool.fallback?.members.map((m) => [m.backendId, m.priority]),
      [["second-gpt-5", 1]],
    );
    assert.ok(routeTable([pool]).every((r) => r.fallbackBackendId === "pool-gpt-5-fallback"));
  });

  it("has no fallback without a declared spillover, or with nothing else to fall back to", () => {
    assert.equal(planPools([targets[1], targets[2]], "swedencentral")[0].fallback, undefined);
    assert.equal(planPools([targets[0], targets[1]], "swedencentral")[0].fallback, undefined);
  });
});

describe("gateway circuit breakers", () => {
  it("takes a PTU backend out only for its Retry-After or 10 seconds; a standard one for a minute", async () => {
    const rs = await capture(
      () =>
        new AiGateway("gw", {
          resourceGroupName: "rg",
          location: "swedencentral",
          serviceName: "apim-test",
          publisherEmail: "p@contoso.com",
          targets,
          teams: [
            { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5"] },
          ],
          diagnosticSettings: [],
          tags: { environment: "prod", owner: "o", costCenter: "c" },
        }),
    );
    const backends = ofType(rs, typeToken(apimanagement.Backend));
    const rule = (id: string) =>
      prop(backends.find((b) => b.inputs.backendId === id)?.inputs, "circuitBreaker", "rules", "0");
    assert.equal(
      prop(rule("main-gpt-5-ptu"), "tripDuration"),
      defaultProvisionedCircuitBreakerRule.tripDuration,
    );
    assert.equal(defaultProvisionedCircuitBreakerRule.tripDuration, "PT10S");
    assert.equal(prop(rule("main-gpt-5-ptu"), "acceptRetryAfter"), true);
    assert.equal(prop(rule("main-gpt-5"), "tripDuration"), defaultCircuitBreakerRule.tripDuration);
    const fallback = backends.find((b) => b.inputs.backendId === "pool-gpt-5-fallback");
    assert.deepEqual(
      (prop(fallback?.inputs, "pool", "services") as { id: string }[]).map((s) => s.id.split("/").pop()),
      ["second-gpt-5"],
    );
  });
});
