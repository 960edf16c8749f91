/**
 * Every route of the inference API, one test each: the OpenAPI document declares it, and the API
 * policy sends it where Learn documents that call — model calls to the model's pool, the Responses
 * API and the batch API to one account's v1 API at the documented path.
 */
import { strict as assert } from "node:assert";
import * as apimanagement from "@pulumi/azure-native/apimanagement";
import { PlannedResource } from "../../../cli/model";
import { AiGateway, inferenceOperations } from "../../../components/gateway";
import { backendPathCode, v1PathCode } from "../../../components/gateway/xml/documents";
import { modelTarget } from "../../helpers/gateway-targets";
import { capture, ofType, typeToken } from "../../helpers/mocks";
import { find, parsePolicy, PolicyNode, section } from "../../helpers/policy-xml";

/** The part of the request path the backend receives after its base URL, for a v1 call. */
function v1Rest(requestPath: string): string {
  assert.equal(
    v1PathCode,
    'context.Request.OriginalUrl.Path.Substring(context.Request.OriginalUrl.Path.IndexOf("/v1/") + 3)',
  );
  return requestPath.substring(requestPath.indexOf("/v1/") + 3);
}

describe("inference API routes (one per operation)", () => {
  let rs: PlannedResource[];
  let spec: { paths: Record<string, Record<string, { operationId: string }>> };
  let branches: PolicyNode[];
  before(async () => {
    rs = await capture(
      () =>
        new AiGateway("gw", {
          resourceGroupName: "rg",
          location: "swedencentral",
          serviceName: "apim-test",
          publisherEmail: "p@contoso.com",
          targets: [
            modelTarget("main", "gpt-5-ptu", { type: "GlobalProvisionedManaged" }),
            modelTarget("main", "gpt-5", { spilloverOf: "gpt-5-ptu" }),
            modelTarget("main", "gpt-5-batch", { type: "GlobalBatch" }),
            modelTarget("second", "gpt-5"),
          ],
          teams: [
            { name: "apps", tokensPerMinute: 1000, monthlyTokenQuota: 100000, allowedModels: ["gpt-5"] },
          ],
          diagnosticSettings: [],
          tags: { environment: "prod", owner: "o", costCenter: "c" },
        }),
    );
    spec = JSON.parse(ofType(rs, typeToken(apimanagement.Api))[0].inputs.value as string);
    const inbound = section(
      parsePolicy(ofType(rs, typeToken(apimanagement.ApiPolicy))[0].inputs.value as string),
      "inbound",
    );
    // The operation choose: its branches test context.Operation.Id.
    const ops = inbound.children.find(
      (c) =>
        c.name === "choose" && c.children.some((w) => /context\.Operation\.Id/.test(w.attrs.condition ?? "")),
    );
    assert.ok(ops);
    branches = ops.children.filter((c) => c.name === "when");
  });

  /** The one branch that handles an operation. */
  const branchOf = (id: string): PolicyNode => {
    const matching = branches.filter((w) => w.attrs.condition.includes(`"${id}"`));
    assert.equal(matching.length, 1, `operation ${id} is handled by ${matching.length} branches`);
    return matching[0];
  };
  const backendOf = (b: PolicyNode) =>
    b.children.find((c) => c.name === "set-backend-service")?.attrs["backend-id"];
  const accountUrl = () =>
    String(
      ofType(rs, typeToken(apimanagement.Backend)).find((b) => b.inputs.backendId === "account-main")?.inputs
        .url,
    );
  const rewriteOf = (b: PolicyNode) => b.children.find((c) => c.name === "rewrite-uri")?.attrs.template;

  for (const op of inferenceOperations) {
    it(`${op.method} ${op.path}`, () => {
      assert.equal(spec.paths[op.path]?.[op.method.toLowerCase()]?.operationId, op.id);
      const branch = branchOf(op.id);
      const sample = `/openai${op.path.replace(/\{([^}]+)\}/g, (_m, p: string) => (p === "deployment-id" ? "gpt-5" : `${p}-1`))}`;
      switch (op.kind) {
        case "model":
          // To the model's pool; the backend is `<endpoint>/openai/deployments/<deployment>` + the operation's tail.
          assert.equal(backendOf(branch), '@((string)context.Variables["backendId"])');
          assert.equal(rewriteOf(branch), `@(${backendPathCode})`);
          assert.ok(find(branch, "set-variable").some((v) => v.attrs.name === "routedModel"));
          break;
        case "responses-create":
          // One account (the primary region's), the model named as that account's deployment, POST /openai/v1/responses.
          assert.equal(backendOf(branch), "account-main");
          assert.equal(rewriteOf(branch), "/responses");
          assert.match(
            find(branch, "set-body")
              .map((b) => b.text)
              .join("\n"),
            /body\["model"\] = \(string\)context\.Variables\["responsesDeployment"\]/,
          );
          assert.deepEqual(
            find(branch, "set-variable")
              .filter((v) => v.attrs.name === "responsesDeployment")
              .map((v) => v.attrs.value),
            ["gpt-5-ptu"],
          );
          break;
        case "responses-item":
        case "batch":
          // Where the response or the batch and its files live: `<endpoint>/openai/v1` + the documented path.
          assert.equal(backendOf(branch), "account-main");
          assert.equal(rewriteOf(branch), `@(${v1PathCode})`);
          assert.equal(
            `${accountUrl()}${v1Rest(sample)}`,
            `https://aif-main.cognitiveservices.azure.com${sample}`,
          );
          assert.ok(
            find(branch, "set-variable").some(
              (v) => v.attrs.name === "retryable" && v.attrs.value === "false",
            ),
          );
          break;
      }
    });
  }

  it("gives the account-bound routes one backend, the account's v1 API", () => {
    const account = ofType(rs, typeToken(apimanagement.Backend)).filter((b) =>
      String(b.inputs.backendId).startsWith("account-"),
    );
    assert.deepEqual(
      account.map((b) => [b.inputs.backendId, b.inputs.url]),
      [["account-main", "https://aif-main.cognitiveservices.azure.com/openai/v1"]],
    );
  });
});
