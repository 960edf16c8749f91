/**
 * A client of the analyzer gRPC service (`pulumirpc.Analyzer`), speaking to a policy pack the way
 * the Pulumi engine does: GetAnalyzerInfo, ConfigureStack, Configure, Analyze per resource and
 * AnalyzeStack over all resources.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { splitException } from "./exception-line";
import { EnforcementLevel, PlannedResource, Severity, Violation, WireProperties } from "../model";

/** What a pack says about one of its policies. */
export interface PolicyInfo {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  readonly remediationSteps: string;
  /** JSON Schema of the policy's config properties (without enforcementLevel). */
  readonly configSchema?: { properties: Record<string, unknown>; required?: string[] };
}

/** What a pack says about itself. */
export interface AnalyzerInfo {
  readonly name: string;
  readonly version: string;
  readonly policies: readonly PolicyInfo[];
}

/** Config of one policy as sent by Configure. */
export interface PolicyConfigEntry {
  readonly enforcementLevel: EnforcementLevel;
  readonly properties: Record<string, unknown>;
}

const levelFromProto: Record<number, EnforcementLevel> = {
  [analyzerproto.EnforcementLevel.ADVISORY]: "advisory",
  [analyzerproto.EnforcementLevel.MANDATORY]: "mandatory",
  [analyzerproto.EnforcementLevel.DISABLED]: "disabled",
  [analyzerproto.EnforcementLevel.REMEDIATE]: "remediate",
};
const levelToProto: Record<EnforcementLevel, analyzerproto.EnforcementLevel> = {
  advisory: analyzerproto.EnforcementLevel.ADVISORY,
  mandatory: analyzerproto.EnforcementLevel.MANDATORY,
  disabled: analyzerproto.EnforcementLevel.DISABLED,
  remediate: analyzerproto.EnforcementLevel.REMEDIATE,
};
const severityFromProto: Record<number, Severity> = {
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "",
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [analyzerproto.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/**
 * Most Analyze calls the client keeps in flight at once, over all its connections (32 each; in
 * `npm run bench` rounds 128 did about 10% better than 64, 256 no better than 128).
 */
const maxInFlight = 128;

/**
 * Connections the client opens to the pack. The pack answers a batch of Analyze calls all at once
 * (the policy SDK interleaves every call it holds, policy by policy), so on a single connection the
 * client and the pack take turns waiting for each other; with a few connections one batch is
 * answered while the next is on its way. `npm run bench` measured four connections at about 1.2x
 * the throughput of one. Each is an HTTP/2 connection to the same analyzer service: the pack's
 * configuration is process-wide, and every call is one the engine makes too.
 */
const connections = 4;

/** Resources of the AnalyzeStack request encoded between two turns of the event loop. */
const stackSlice = 250;

function struct(props: WireProperties): Struct {
  return Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]);
}

function options(r: PlannedResource): analyzerproto.AnalyzerResourceOptions {
  const o = new analyzerproto.AnalyzerResourceOptions();
  o.setProtect(r.options.protect);
  if (r.parent) {
    o.setParent(r.parent);
  }
  return o;
}

function diagnostics(resp: analyzerproto.AnalyzeResponse, fallbackUrn: string): Violation[] {
  return resp.getDiagnosticsList().map((d) => {
    const description = d.getDescription();
    const full = d.getMessage();
    // The policy SDK prefixes the specific message with the policy's description.
    const text =
      description && full.startsWith(`${description}\n`) ? full.slice(description.length + 1) : full;
    const { exception, message } = splitException(text.trim());
    return {
      policy: d.getPolicyname(),
      enforcementLevel: levelFromProto[d.getEnforcementlevel()] ?? "advisory",
      severity: severityFromProto[d.getSeverity()] ?? "",
      message: message.trim(),
      urn: d.getUrn() || fallbackUrn,
      ...(exception ? { exception } : {}),
    };
  });
}

export class AnalyzerClient {
  /** The first carries every call but Analyze; Analyze calls spread over all of them. */
  private readonly channels: readonly analyzerrpc.AnalyzerClient[];
  private readonly client: analyzerrpc.AnalyzerClient;

  constructor(address: string) {
    this.channels = Array.from(
      { length: connections },
      () =>
        new analyzerrpc.AnalyzerClient(address, grpc.credentials.createInsecure(), {
          "grpc.max_receive_message_length": 400 * 1024 * 1024,
          "grpc.max_send_message_length": 400 * 1024 * 1024,
          // Its own connection: clients with the same address and options would share one.
          "grpc.use_local_subchannel_pool": 1,
        }),
    );
    this.client = this.channels[0];
  }

  close(): void {
    this.channels.forEach((c) => c.close());
  }

  private call<Req, Resp>(
    method: (req: Req, cb: (err: grpc.ServiceError | null, resp: Resp) => void) => grpc.ClientUnaryCall,
    req: Req,
    channel: analyzerrpc.AnalyzerClient = this.client,
  ): Promise<Resp> {
    return new Promise((resolve, reject) =>
      method.call(channel, req, (err, resp) => (err ? reject(err) : resolve(resp))),
    );
  }

  async getAnalyzerInfo(): Promise<AnalyzerInfo> {
    const info = await this.call<Empty, analyzerproto.AnalyzerInfo>(this.client.getAnalyzerInfo, new Empty());
    return {
      name: info.getName(),
      version: info.getVersion(),
      policies: info.getPoliciesList().map((p) => {
        const schema = p.getConfigschema();
        return {
          name: p.getName(),
          description: p.getDescription(),
          enforcementLevel: levelFromProto[p.getEnforcementlevel()] ?? "advisory",
          severity: severityFromProto[p.getSeverity()] ?? "",
          remediationSteps: p.getRemediationSteps(),
          configSchema: schema
            ? {
                properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown>,
                required: schema.getRequiredList(),
              }
            : undefined,
        };
      }),
    };
  }

  /** Tells the pack which stack it judges (the engine sends this before Configure). */
  async configureStack(stack: string, project: string, dryRun: boolean): Promise<void> {
    const req = new analyzerproto.AnalyzerStackConfigureRequest();
    req.setStack(stack);
    req.setProject(project);
    req.setDryRun(dryRun);
    await this.call(this.client.configureStack, req);
  }

  async configure(config: Readonly<Record<string, PolicyConfigEntry>>): Promise<void> {
    const req = new analyzerproto.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const name of Object.keys(config).sort()) {
      const entry = config[name];
      const pc = new analyzerproto.PolicyConfig();
      pc.setEnforcementlevel(levelToProto[entry.enforcementLevel]);
      pc.setProperties(struct(entry.properties as WireProperties));
      map.set(name, pc);
    }
    await this.call(this.client.configure, req);
  }

  /** Analyze for each resource (its inputs), at most {@link maxInFlight} calls at a time. */
  async analyzeEach(resources: readonly PlannedResource[]): Promise<Violation[]> {
    const results: Violation[][] = new Array(resources.length);
    let next = 0;
    let started = 0;
    const worker = async () => {
      const channel = this.channels[started++ % this.channels.length];
      while (next < resources.length) {
        const i = next++;
        const r = resources[i];
        const req = new analyzerproto.AnalyzeRequest();
        req.setType(r.type);
        req.setName(r.name);
        req.setUrn(r.urn);
        req.setProperties(struct(r.inputs));
        req.setOptions(options(r));
        results[i] = diagnostics(await this.call(channel.analyze, req, channel), r.urn);
      }
    };
    await Promise.all(Array.from({ length: Math.min(maxInFlight, resources.length) }, worker));
    return results.flat();
  }

  /**
   * AnalyzeStack over every resource (outputs, parents, dependencies). The request is the largest
   * message of a run (8 MB for 10,000 resources), so it is encoded a slice at a time, yielding to
   * the event loop in between: Analyze calls running alongside keep the pack busy meanwhile (and
   * slices encode about 1.3x faster than one huge message).
   * Protobuf encodes a repeated field as its elements one after another, so the slices' encodings
   * joined are the encoding of the whole request.
   */
  async analyzeStack(resources: readonly PlannedResource[]): Promise<Violation[]> {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < resources.length; i += stackSlice) {
      if (i > 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      parts.push(stackRequest(resources.slice(i, i + stackSlice)).serializeBinary());
    }
    const method = analyzerrpc.AnalyzerService.analyzeStack;
    const resp = await new Promise<analyzerproto.AnalyzeResponse>((resolve, reject) =>
      this.client.makeUnaryRequest(
        method.path,
        (encoded: Buffer) => encoded,
        method.responseDeserialize,
        Buffer.concat(parts),
        (err, r) =>
          err ? reject(err) : r ? resolve(r) : reject(new Error("AnalyzeStack returned no response")),
      ),
    );
    return diagnostics(resp, "");
  }
}

/** The AnalyzeStack request over `resources`, as the engine sends it. */
export function stackRequest(resources: readonly PlannedResource[]): analyzerproto.AnalyzeStackRequest {
  const req = new analyzerproto.AnalyzeStackRequest();
  req.setResourcesList(
    resources.map((r) => {
      const ar = new analyzerproto.AnalyzerResource();
      ar.setType(r.type);
      ar.setName(r.name);
      ar.setUrn(r.urn);
      ar.setProperties(struct(r.outputs));
      ar.setOptions(options(r));
      if (r.parent) {
        ar.setParent(r.parent);
      }
      ar.setDependenciesList([...r.options.dependsOn]);
      const deps = ar.getPropertydependenciesMap();
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const pd = new analyzerproto.AnalyzerPropertyDependencies();
        pd.setUrnsList([...urns]);
        deps.set(key, pd);
      }
      return ar;
    }),
  );
  return req;
}
