/** The options of `foundry-platform eval`, checked: every mistake names the flag, the value and what is allowed. */
import { parseArgs } from "node:util";
import { DeploymentType, deploymentTypes, isDeploymentType } from "../../components/catalog/deployment-types";
import { findModel, modelNames } from "../../components/catalog/lookup";
import { InputError } from "../errors";
import { AuthMode } from "./client";

export const evalUsage = `usage:
  foundry-platform eval --dataset FILE.jsonl --endpoint URL --deployment NAME
                        [--api-version v1|YYYY-MM-DD] [--auth entra|key] [--evaluators FILE]
                        [--concurrency N] [--max-retries N] [--timeout SECONDS] [--out report.json]
                        [--model NAME --model-version V] [--deployment-type TYPE]
                        [--baseline report.json] [--thresholds FILE]

  --endpoint     the account (https://<name>.cognitiveservices.azure.com) or the AI gateway
                 (https://<apim>.azure-api.net); --auth key reads the key (account key or the
                 gateway's subscription key) from AZURE_OPENAI_API_KEY
  --model, --model-version   what the deployment serves: recorded in the report (the promotion gate
                 checks them) and used for catalog prices
  --baseline     compare with an earlier report; exit 1 on a regression beyond --thresholds
exit codes: 0 done (no regression); 1 regression, or no request succeeded; 2 bad input; 130 interrupted`;

export interface EvalOptions {
  readonly dataset: string;
  readonly endpoint: string;
  readonly deployment: string;
  readonly apiVersion: string;
  readonly auth: AuthMode;
  readonly evaluators?: string;
  readonly concurrency: number;
  readonly maxRetries: number;
  readonly timeoutMs: number;
  readonly out: string;
  readonly model: string | null;
  readonly modelVersion: string | null;
  readonly deploymentType: DeploymentType;
  readonly baseline?: string;
  readonly thresholds?: string;
}

function integer(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) {
    return fallback;
  }
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new InputError(`--${flag} ${raw}: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** The endpoint's origin, refusing anything but https (plain http only on the loopback, for tests). */
export function normalizeEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(
      `--endpoint ${raw}: not a URL; give https://<account>.cognitiveservices.azure.com or https://<apim>.azure-api.net`,
    );
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new InputError(`--endpoint ${raw}: must be https (keys and prompts never travel in clear text)`);
  }
  if (url.username || url.password || url.search) {
    throw new InputError(`--endpoint ${raw}: give the origin only, without credentials or a query`);
  }
  // Accept the gateway's documented URL (`…/openai`) and the v1 base URL too.
  const path = url.pathname.replace(/\/+$/, "").replace(/\/openai(\/v1)?$/, "");
  return `${url.origin}${path}`;
}

export function parseEvalArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): EvalOptions & { readonly apiKey?: string } {
  const { values } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      dataset: { type: "string" },
      endpoint: { type: "string" },
      deployment: { type: "string" },
      "api-version": { type: "string" },
      auth: { type: "string" },
      evaluators: { type: "string" },
      concurrency: { type: "string" },
      "max-retries": { type: "string" },
      timeout: { type: "string" },
      out: { type: "string" },
      model: { type: "string" },
      "model-version": { type: "string" },
      "deployment-type": { type: "string" },
      baseline: { type: "string" },
      thresholds: { type: "string" },
      debug: { type: "boolean" },
    },
  });
  for (const flag of ["dataset", "endpoint", "deployment"] as const) {
    if (!values[flag]) {
      throw new InputError(`eval needs --${flag}\n${evalUsage}`);
    }
  }
  const auth = values.auth ?? "entra";
  if (auth !== "entra" && auth !== "key") {
    throw new InputError(`--auth ${auth}: allowed: entra (Microsoft Entra ID, the default) | key`);
  }
  const apiKey = auth === "key" ? env.AZURE_OPENAI_API_KEY : undefined;
  if (auth === "key" && !apiKey) {
    throw new InputError(
      "--auth key reads the key from the AZURE_OPENAI_API_KEY environment variable, which is not set; set it to the account key or the gateway subscription key (never pass keys on the command line)",
    );
  }
  const apiVersion = values["api-version"] ?? "v1";
  if (apiVersion !== "v1" && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) {
    throw new InputError(
      `--api-version ${apiVersion}: allowed: v1 (the default) or a dated version such as 2024-10-21`,
    );
  }
  const deploymentType = values["deployment-type"] ?? "GlobalStandard";
  if (!isDeploymentType(deploymentType)) {
    throw new InputError(`--deployment-type ${deploymentType}: allowed: ${deploymentTypes.join(" | ")}`);
  }
  const model = values.model ?? null;
  const modelVersion = values["model-version"] ?? null;
  if (model !== null && !findModel(model)) {
    throw new InputError(`--model ${model}: not in the model catalog; known: ${modelNames().join(", ")}`);
  }
  if (modelVersion !== null) {
    if (model === null) {
      throw new InputError(`--model-version ${modelVersion}: give --model too`);
    }
    const known = findModel(model)?.versions.map((v) => v.version) ?? [];
    if (!known.includes(modelVersion)) {
      throw new InputError(
        `--model-version ${modelVersion}: not a catalog version of ${model}; known: ${known.join(", ")}`,
      );
    }
  }
  if (values.thresholds && !values.baseline) {
    throw new InputError("--thresholds applies to a baseline comparison; give --baseline report.json too");
  }
  return {
    dataset: values.dataset as string,
    endpoint: normalizeEndpoint(values.endpoint as string),
    deployment: values.deployment as string,
    apiVersion,
    auth,
    apiKey,
    evaluators: values.evaluators,
    concurrency: integer("concurrency", values.concurrency, 4, 1, 64),
    maxRetries: integer("max-retries", values["max-retries"], 5, 0, 20),
    timeoutMs: integer("timeout", values.timeout, 120, 1, 3600) * 1000,
    out: values.out ?? "eval-report.json",
    model,
    modelVersion,
    deploymentType,
    baseline: values.baseline,
    thresholds: values.thresholds,
  };
}
