/**
 * The inference API the gateway exposes, as an OpenAPI 3.0 document built in the program (nothing
 * is downloaded at deploy time). It is OpenAI-compatible in both Azure shapes:
 *
 * - Azure OpenAI style, the deployment in the path: `POST /deployments/{deployment-id}/chat/completions`,
 *   `/embeddings`, `/responses` (with an optional `api-version` query parameter);
 * - OpenAI v1 style, the model in the body: `POST /v1/chat/completions`, `/v1/embeddings`, `/v1/responses`.
 *
 * Under the API path (default `openai`) this is the URL shape the OpenAI and Azure OpenAI SDKs use,
 * so a client only swaps its endpoint for the gateway URL and its key for a subscription key.
 */

/** The operations of the inference API. */
export const inferenceOperations = [
  { id: "chat-completions", path: "chat/completions", summary: "Creates a chat completion." },
  { id: "embeddings", path: "embeddings", summary: "Creates embeddings of the input." },
  { id: "responses", path: "responses", summary: "Creates a model response (Responses API)." },
] as const;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const body: Json = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        description:
          "The request as the OpenAI / Azure OpenAI API defines it; the gateway passes it on unchanged.",
        additionalProperties: true,
      },
    },
  },
};

const responses: Json = {
  "200": {
    description: "The model's answer.",
    content: { "application/json": { schema: { type: "object", additionalProperties: true } } },
  },
  "400": { description: "Unknown model: the requested model or deployment is not served by the gateway." },
  "403": { description: "The team may not call this model, or its token quota is used up." },
  "429": { description: "The team's tokens-per-minute limit is reached; retry after `Retry-After` seconds." },
  "503": { description: "Every deployment of the model is busy or unavailable." },
};

/** The OpenAPI document of the inference API. */
export function inferenceApiDefinition(title = "AI gateway inference API"): Record<string, Json> {
  const paths: Record<string, Json> = {};
  for (const op of inferenceOperations) {
    paths[`/deployments/{deployment-id}/${op.path}`] = {
      post: {
        operationId: `deployment-${op.id}`,
        summary: `${op.summary} The deployment (or model) is named in the path.`,
        parameters: [
          {
            name: "deployment-id",
            in: "path",
            required: true,
            description: "The model or deployment name, for example gpt-4.1.",
            schema: { type: "string" },
          },
          {
            name: "api-version",
            in: "query",
            required: false,
            description: "Azure OpenAI API version; the gateway supplies one when it is missing.",
            schema: { type: "string" },
          },
        ],
        requestBody: body,
        responses,
      },
    };
    paths[`/v1/${op.path}`] = {
      post: {
        operationId: `v1-${op.id}`,
        summary: `${op.summary} The model is named in the body's \`model\` field.`,
        requestBody: body,
        responses,
      },
    };
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
