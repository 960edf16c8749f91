/**
 * A fake OpenAI-compatible chat endpoint on 127.0.0.1 for the eval tests: it serves the v1 path
 * (`/openai/v1/chat/completions`, deployment in the body) and the Azure path
 * (`/openai/deployments/<name>/chat/completions?api-version=`), records every request, counts how
 * many are in flight at once, and answers what the test's `respond` says: a completion, an error
 * status with headers (429 with Retry-After), after a delay.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly deployment: string;
  readonly body: { model?: string; messages: { role: string; content: string }[] };
  /** The last user message's text. */
  readonly prompt: string;
  /** How many requests with this prompt came before this one. */
  readonly repeat: number;
}

export interface FakeReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** A JSON body; for 200 use {@link completion}. */
  readonly body?: unknown;
  readonly delayMs?: number;
}

/** A chat completion body with the given answer and usage. */
export function completion(
  content: string,
  opts: { model?: string; input?: number; output?: number; cached?: number } = {},
): unknown {
  const input = opts.input ?? 10;
  const output = opts.output ?? 5;
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 0,
    model: opts.model ?? "gpt-5-mini-2025-08-07",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
    usage: {
      prompt_tokens: input,
      completion_tokens: output,
      total_tokens: input + output,
      prompt_tokens_details: { cached_tokens: opts.cached ?? 0 },
    },
  };
}

export class FakeOpenAI {
  readonly requests: FakeRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly server: http.Server;
  private readonly seen = new Map<string, number>();

  constructor(private respond: (req: FakeRequest) => FakeReply) {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  /** Replaces the responder (between runs of one test file). */
  setResponder(respond: (req: FakeRequest) => FakeReply): void {
    this.respond = respond;
    this.requests.length = 0;
    this.seen.clear();
    this.maxInFlight = 0;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const azure = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(url.pathname);
      if (!azure && url.pathname !== "/openai/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${url.pathname}` } }));
        return;
      }
      const body = JSON.parse(raw) as FakeRequest["body"];
      const prompt = [...body.messages].reverse().find((m) => m.role === "user")?.content ?? "";
      const repeat = this.seen.get(prompt) ?? 0;
      this.seen.set(prompt, repeat + 1);
      const request: FakeRequest = {
        path: `${url.pathname}${url.search}`,
        headers: req.headers,
        deployment: azure ? decodeURIComponent(azure[1]) : (body.model ?? ""),
        body,
        prompt: typeof prompt === "string" ? prompt : JSON.stringify(prompt),
        repeat,
      };
      this.requests.push(request);
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      const reply = this.respond(request);
      const send = () => {
        this.inFlight -= 1;
        if (res.destroyed) {
          return;
        }
        res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...(reply.headers ?? {}) });
        res.end(JSON.stringify(reply.body ?? {}));
      };
      if (reply.delayMs) {
        setTimeout(send, reply.delayMs);
      } else {
        send();
      }
    });
  }
}
