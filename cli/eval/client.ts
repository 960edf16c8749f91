/**
 * The chat client of the eval runner, on the `openai` package:
 * - `--api-version v1` (the default): the `OpenAI` client on `<endpoint>/openai/v1`, the deployment
 *   in the body's `model` — Learn lists v1 as the data plane's latest GA API
 *   (https://learn.microsoft.com/azure/ai-foundry/openai/reference,
 *   https://learn.microsoft.com/azure/ai-foundry/openai/api-version-lifecycle);
 * - a dated version (`2024-10-21`): the `AzureOpenAI` client on `<endpoint>/openai/deployments/<name>`.
 * Both work against an account endpoint and against the AI gateway, which serves the same paths
 * under `/openai` (components/gateway/api-definition.ts).
 *
 * Auth: `entra` uses `DefaultAzureCredential` with `getBearerTokenProvider` for the
 * `https://cognitiveservices.azure.com/.default` scope (Learn, "Configure Azure OpenAI with
 * Microsoft Entra ID authentication": https://learn.microsoft.com/azure/ai-services/openai/how-to/managed-identity#chat-completions);
 * `key` sends the key in the `api-key` header, which accounts accept and which is the gateway's
 * subscription-key header (`subscriptionKeyParameterNames.header` in components/gateway/gateway.ts).
 *
 * The SDK's own retries are off (`maxRetries: 0`): it would retry 429s silently (honouring
 * `retry-after-ms` / `retry-after`, openai `src/client.ts` retryRequest), so the runner could not
 * count them; the runner retries instead (retry.ts).
 */
import type { TokenCredential } from "@azure/identity";
import OpenAI, { AzureOpenAI } from "openai";
import { InputError } from "../errors";

export type AuthMode = "entra" | "key";

/** A chat message as the dataset holds it. */
export interface ChatMessage {
  readonly role: string;
  readonly content: unknown;
}

export interface ChatUsage {
  readonly input: number;
  readonly cachedInput: number;
  readonly output: number;
}

export interface ChatResult {
  /** The answer's text (the first choice's message content). */
  readonly text: string;
  /** The `model` field of the answer, when present. */
  readonly model?: string;
  readonly usage: ChatUsage;
}

/** Sends one chat completion to a deployment. */
export type ChatFn = (
  deployment: string,
  messages: readonly ChatMessage[],
  signal: AbortSignal,
) => Promise<ChatResult>;

export interface ClientOptions {
  /** Endpoint origin, `https://<account>.cognitiveservices.azure.com` or `https://<apim>.azure-api.net`. */
  readonly endpoint: string;
  /** `v1` or a dated API version. */
  readonly apiVersion: string;
  readonly auth: AuthMode;
  /** The key, for `key` auth. */
  readonly apiKey?: string;
  /** The credential, for `entra` auth. @default - `DefaultAzureCredential` */
  readonly credential?: TokenCredential;
  /** Per-request timeout in milliseconds. */
  readonly timeoutMs: number;
}

/** Scope of Azure OpenAI / Foundry data-plane tokens (Learn, managed-identity how-to). */
export const cognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

/** The token provider for `entra` auth (lazy: @azure/identity is loaded only when used). */
async function tokenProvider(credential: TokenCredential | undefined): Promise<() => Promise<string>> {
  const identity = await import("@azure/identity");
  return identity.getBearerTokenProvider(
    credential ?? new identity.DefaultAzureCredential(),
    cognitiveServicesScope,
  );
}

/** Builds the chat function for the given endpoint, API style and auth. */
export async function createChat(opts: ClientOptions): Promise<ChatFn> {
  const common = { maxRetries: 0, timeout: opts.timeoutMs };
  const entra = opts.auth === "entra" ? await tokenProvider(opts.credential) : undefined;
  if (entra) {
    // Fail fast, once, with what to do: without this every item would fail on its own.
    try {
      await entra();
    } catch (err) {
      const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new InputError(
        `--auth entra: no Microsoft Entra token for ${cognitiveServicesScope} (${reason}); sign in (az login, a managed identity, or AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_FEDERATED_TOKEN_FILE in CI), or use --auth key`,
      );
    }
  }
  const key = opts.auth === "key" ? opts.apiKey : undefined;
  let client: OpenAI;
  if (opts.apiVersion === "v1") {
    client = new OpenAI({
      ...common,
      baseURL: `${opts.endpoint}/openai/v1`,
      // Entra: a bearer token per request. Key: the `api-key` header only (no bearer header).
      apiKey: entra ?? "unused",
      defaultHeaders: key !== undefined ? { "api-key": key, Authorization: null } : undefined,
    });
  } else {
    client = new AzureOpenAI({
      ...common,
      endpoint: opts.endpoint,
      apiVersion: opts.apiVersion,
      ...(entra ? { azureADTokenProvider: entra } : { apiKey: key }),
    });
  }
  return async (deployment, messages, signal) => {
    const answer = await client.chat.completions.create(
      {
        model: deployment,
        messages: messages as OpenAI.Chat.ChatCompletionMessageParam[],
      },
      { signal },
    );
    const usage = answer.usage;
    return {
      text: answer.choices?.[0]?.message?.content ?? "",
      model: typeof answer.model === "string" && answer.model !== "" ? answer.model : undefined,
      usage: {
        input: usage?.prompt_tokens ?? 0,
        cachedInput: usage?.prompt_tokens_details?.cached_tokens ?? 0,
        output: usage?.completion_tokens ?? 0,
      },
    };
  };
}
