/**
 * The JSON Schema of a stack config file (`stacks/Pulumi.<stack>.yaml`), generated from the zod
 * schema. Editors validate and complete the stack files with it
 * (`# yaml-language-server: $schema=./config.schema.json`).
 */
import { z } from "zod";
import { configNamespace, platformConfig } from "./schema";

/** A value written by `pulumi config set --secret`. */
const secureValue = {
  type: "object",
  description: "An encrypted value written by `pulumi config set --secret`.",
  properties: { secure: { type: "string" } },
  required: ["secure"],
  additionalProperties: false,
};

export function stackFileJsonSchema(): Record<string, unknown> {
  const root = z.toJSONSchema(platformConfig, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const keys: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(root.properties)) {
    keys[`${configNamespace}:${key}`] = { anyOf: [schema, { $ref: "#/$defs/secure" }] };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "foundry-platform stack configuration (stacks/Pulumi.<stack>.yaml)",
    $defs: { secure: secureValue },
    type: "object",
    properties: {
      config: {
        type: "object",
        properties: keys,
        required: (root.required ?? []).map((k) => `${configNamespace}:${k}`),
        // Keys of other namespaces belong to providers (for example azure-native:location).
        patternProperties: { [`^(?!${configNamespace}:)[^:]+:.+$`]: {} },
        additionalProperties: false,
      },
      secretsprovider: { type: "string" },
      encryptedkey: { type: "string" },
      encryptionsalt: { type: "string" },
      environment: {},
    },
    additionalProperties: false,
  };
}

/** The committed file's exact text. */
export function stackFileJsonSchemaText(): string {
  return `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`;
}
