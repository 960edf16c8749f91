/**
 * The inference API the gateway exposes, as an OpenAPI 3.0 document built in the program (nothing
 * is downloaded at deploy time). Only request shapes Microsoft Learn documents for Azure OpenAI in
 * Foundry Models:
 *
 * - model calls, routed by model to the model's pool: chat completions and embeddings in the Azure
 *   OpenAI style, the deployment in the path (`POST /deployments/{deployment-id}/chat/completions`,
 *   `/embeddings`, with an optional `api-version`), and in the v1 style, the model in the body
 *   (`POST /v1/chat/completions`, `/v1/embeddings`);
 * - the Responses API, v1 only (`POST /v1/responses`, `GET|DELETE /v1/responses/{response_id}`,
 *   `GET /v1/responses/{response_id}/input_items`, `POST /v1/responses/{response_id}/cancel`;
 *   https://learn.microsoft.com/azure/ai-foundry/openai/how-to/responses). Responses are stored in
 *   the account that made them, so every Responses call goes to one account;
 * - the batch API for Global Batch deployments: files (`POST|GET /v1/files`,
 *   `GET|DELETE /v1/files/{file_id}`, `GET /v1/files/{file_id}/content`) and batches
 *   (`POST|GET /v1/batches`, `GET /v1/batches/{batch_id}`, `POST /v1/batches/{batch_id}/cancel`;
 *   https://learn.microsoft.com/azure/ai-foundry/openai/how-to/batch), sent to the account that
 *   holds the batch deployments (a batch and its files live there).
 *
 * Under the API path (default `openai`) this is the URL shape the OpenAI and Azure OpenAI SDKs use,
 * so a client only swaps its endpoint for the gateway URL and its key for a subscription key.
 */

/** How the gateway handles an operation. */
export type InferenceOperationKind = "model" | "responses-create" | "responses-item" | "batch";

/** One operation of the inference API. */
export interface InferenceOperation {
  readonly id: string;
  readonly method: "GET" | "POST" | "DELETE";
  /** Path under the API path, with `{parameters}`. */
  readonly path: string;
  readonly kind: InferenceOperationKind;
  readonly summary: string;
}

const deploymentOp = (id: string, path: string, summary: string): InferenceOperation => ({
  id: `deployment-${id}`,
  method: "POST",
  path: `/deployments/{deployment-id}/${path}`,
  kind: "model",
  summary: `${summary} The deployment (or model) is named in the path.`,
});

/** Every operation of the inference API. */
export const inferenceOperations: readonly InferenceOperation[] = [
  deploymentOp("chat-completions", "chat/completions", "Creates a chat completion."),
  deploymentOp("embeddings", "embeddings", "Creates embeddings of the input."),
  {
    id: "v1-chat-completions",
    method: "POST",
    path: "/v1/chat/completions",
    kind: "model",
    summary: "Creates a chat completion; the model is named in the body.",
  },
  {
    id: "v1-embeddings",
    method: "POST",
    path: "/v1/embeddings",
    kind: "model",
    summary: "Creates embeddings; the model is named in the body.",
  },
  {
    id: "v1-responses-create",
    method: "POST",
    path: "/v1/responses",
    kind: "responses-create",
    summary: "Creates a model response (Responses API); the model is named in the body.",
  },
  {
    id: "v1-responses-get",
    method: "GET",
    path: "/v1/responses/{response_id}",
    kind: "responses-item",
    summary: "Retrieves a stored response.",
  },
  {
    id: "v1-responses-delete",
    method: "DELETE",
    path: "/v1/responses/{response_id}",
    kind: "responses-item",
    summary: "Deletes a stored response.",
  },
  {
    id: "v1-responses-input-items",
    method: "GET",
    path: "/v1/responses/{response_id}/input_items",
    kind: "responses-item",
    summary: "Lists the input items of a response.",
  },
  {
    id: "v1-responses-cancel",
    method: "POST",
    path: "/v1/responses/{response_id}/cancel",
    kind: "responses-item",
    summary: "Cancels a background response.",
  },
  {
    id: "v1-files-create",
    method: "POST",
    path: "/v1/files",
    kind: "batch",
    summary: "Uploads a batch input file.",
  },
  { id: "v1-files-list", method: "GET", path: "/v1/files", kind: "batch", summary: "Lists files." },
  {
    id: "v1-files-get",
    method: "GET",
    path: "/v1/files/{file_id}",
    kind: "batch",
    summary: "Retrieves a file's status.",
  },
  {
    id: "v1-files-delete",
    method: "DELETE",
    path: "/v1/files/{file_id}",
    kind: "batch",
    summary: "Deletes a file.",
  },
  {
    id: "v1-files-content",
    method: "GET",
    path: "/v1/files/{file_id}/content",
    kind: "batch",
    summary: "Downloads a file (a batch's output).",
  },
  {
    id: "v1-batches-create",
    method: "POST",
    path: "/v1/batches",
    kind: "batch",
    summary: "Creates a batch job.",
  },
  { id: "v1-batches-list", method: "GET", path: "/v1/batches", kind: "batch", summary: "Lists batch jobs." },
  {
    id: "v1-batches-get",
    method: "GET",
    path: "/v1/batches/{batch_id}",
    kind: "batch",
    summary: "Retrieves a batch job.",
  },
  {
    id: "v1-batches-cancel",
    method: "POST",
    path: "/v1/batches/{batch_id}/cancel",
    kind: "batch",
    summary: "Cancels a batch job.",
  },
];

/** The ids of the operations of some kinds. */
export function operationIds(...kinds: InferenceOperationKind[]): string[] {
  return inferenceOperations.filter((o) => kinds.includes(o.kind)).map((o) => o.id);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const jsonBody: Json = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        description: "The request as the OpenAI / Azure OpenAI API defines it; the gateway passes it on.",
        additionalProperties: true,
      },
    },
  },
};

const fileBody: Json = {
  required: true,
  content: { "multipart/form-data": { schema: { type: "object", additionalProperties: true } } },
};

const responses: Json = {
  "200": {
    description: "The service's answer.",
    content: { "application/json": { schema: { type: "object", additionalProperties: true } } },
  },
  "400": { description: "Unknown model: the requested model or deployment is not served by the gateway." },
  "403": { description: "The team may not call this model, or its token quota is used up." },
  "429": { description: "The team's tokens-per-minute limit is reached; retry after `Retry-After` seconds." },
  "503": { description: "Every deployment of the model is busy or unavailable." },
};

function parameters(op: InferenceOperation): Json[] {
  const params: Json[] = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    description:
      m[1] === "deployment-id"
        ? "The model or deployment name, for example gpt-5."
        : `The ${m[1].replace("_", " ")}.`,
    schema: { type: "string" },
  }));
  if (op.kind === "model" && op.path.startsWith("/deployments/")) {
    params.push({
      name: "api-version",
      in: "query",
      required: false,
      description: "Azure OpenAI API version; the gateway supplies one when it is missing.",
      schema: { type: "string" },
    });
  }
  return params;
}

/** The OpenAPI document of the inference API; batch operations only when the gateway fronts a batch deployment. */
export function inferenceApiDefinition(
  title = "AI gateway inference API",
  options: { readonly batch?: boolean } = {},
): Record<string, Json> {
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of inferenceOperations) {
    if (op.kind === "batch" && !options.batch) {
      continue;
    }
    const entry: Record<string, Json> = {
      operationId: op.id,
      summary: op.summary,
      parameters: parameters(op),
      responses,
    };
    if (op.method === "POST" && op.kind !== "responses-item" && op.id !== "v1-batches-cancel") {
      entry.requestBody = op.id === "v1-files-create" ? fileBody : jsonBody;
    }
    paths[op.path] = { ...paths[op.path], [op.method.toLowerCase()]: entry };
  }
  return {
    openapi: "3.0.1",
    info: {
      title,
      version: "1.0",
      description:
        "OpenAI-compatible inference through the platform's AI gateway: routing by model, team token budgets and model allow-lists, managed-identity access to the models.",
    },
    paths,
  };
}
