import { strict as assert } from "node:assert";
import * as grpc from "@grpc/grpc-js";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerClient, stackRequest } from "../../cli/analyzer/client";
import { PlannedResource } from "../../cli/model";

/** `count` resources with parents, dependencies and nested properties, as a plan captures them. */
function resources(count: number): PlannedResource[] {
  return Array.from({ length: count }, (_, i): PlannedResource => {
    const parent = i > 0 ? `urn:pulumi:s::p::test:index:Thing::thing-${i - 1}` : undefined;
    const inputs = {
      name: `thing-${i}`,
      size: i,
      enabled: i % 2 === 0,
      tags: { team: "ai" },
      list: [i, "x", null],
    };
    return {
      urn: `urn:pulumi:s::p::test:index:Thing::thing-${i}`,
      type: "test:index:Thing",
      name: `thing-${i}`,
      custom: true,
      parent,
      inputs,
      outputs: { ...inputs, id: `id-${i}` },
      options: { protect: i % 3 === 0, retainOnDelete: false, dependsOn: parent ? [parent] : [] },
      propertyDependencies: parent ? { name: [parent] } : ({} as Record<string, string[]>),
    };
  });
}

/** An analyzer service that records what it receives and finds one violation per resource. */
async function fakePack(): Promise<{
  address: string;
  peers: Set<string>;
  stack: () => analyzerproto.AnalyzeStackRequest | undefined;
  stop: () => void;
}> {
  const server = new grpc.Server();
  const peers = new Set<string>();
  let stack: analyzerproto.AnalyzeStackRequest | undefined;
  const violation = (urn: string, policy: string) => {
    const d = new analyzerproto.AnalyzeDiagnostic();
    d.setPolicyname(policy);
    d.setUrn(urn);
    d.setMessage(`finding on ${urn}`);
    d.setEnforcementlevel(analyzerproto.EnforcementLevel.MANDATORY);
    return d;
  };
  const unimplemented = (_call: unknown, cb: grpc.sendUnaryData<never>) =>
    cb({ code: grpc.status.UNIMPLEMENTED } as grpc.ServiceError, null);
  server.addService(analyzerrpc.AnalyzerService, {
    analyze: (
      call: grpc.ServerUnaryCall<analyzerproto.AnalyzeRequest, analyzerproto.AnalyzeResponse>,
      cb: grpc.sendUnaryData<analyzerproto.AnalyzeResponse>,
    ) => {
      peers.add(call.getPeer());
      const resp = new analyzerproto.AnalyzeResponse();
      resp.setDiagnosticsList([violation(call.request.getUrn(), "each")]);
      cb(null, resp);
    },
    analyzeStack: (
      call: grpc.ServerUnaryCall<analyzerproto.AnalyzeStackRequest, analyzerproto.AnalyzeResponse>,
      cb: grpc.sendUnaryData<analyzerproto.AnalyzeResponse>,
    ) => {
      stack = call.request;
      const resp = new analyzerproto.AnalyzeResponse();
      resp.setDiagnosticsList(call.request.getResourcesList().map((r) => violation(r.getUrn(), "stack")));
      cb(null, resp);
    },
    remediate: unimplemented,
    getAnalyzerInfo: unimplemented,
    getPluginInfo: unimplemented,
    configure: unimplemented,
    handshake: unimplemented,
    configureStack: unimplemented,
    cancel: unimplemented,
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return { address: `127.0.0.1:${port}`, peers, stack: () => stack, stop: () => server.forceShutdown() };
}

describe("analyzer client", () => {
  it("sends AnalyzeStack encoded in slices that join into exactly the whole request", async () => {
    const pack = await fakePack();
    const client = new AnalyzerClient(pack.address);
    try {
      const rs = resources(1_000);
      const found = await client.analyzeStack(rs);
      const received = pack.stack();
      assert.ok(received);
      assert.deepEqual(
        Buffer.from(received.serializeBinary()),
        Buffer.from(stackRequest(rs).serializeBinary()),
      );
      assert.equal(received.getResourcesList().length, 1_000);
      assert.equal(received.getResourcesList()[999].getParent(), rs[998].urn);
      assert.deepEqual(
        found.map((v) => v.urn),
        rs.map((r) => r.urn),
      );
    } finally {
      client.close();
      pack.stop();
    }
  });

  it("spreads Analyze calls over several connections and keeps every result in resource order", async () => {
    const pack = await fakePack();
    const client = new AnalyzerClient(pack.address);
    try {
      const rs = resources(300);
      const found = await client.analyzeEach(rs);
      assert.deepEqual(
        found.map((v) => [v.policy, v.urn]),
        rs.map((r) => ["each", r.urn]),
      );
      assert.ok(pack.peers.size > 1, `all calls came over ${pack.peers.size} connection(s)`);
    } finally {
      client.close();
      pack.stop();
    }
  });
});
