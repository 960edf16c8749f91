/**
 * The `--evaluators FILE` (YAML or JSON): which evaluators score the answers.
 *
 *   evaluators:
 *     - type: exact-match            # name defaults to the type
 *     - type: json-schema            # the item's `schema`, or `schema:` here
 *     - { type: length, max: 400, unit: words }
 *     - { type: custom, name: tone, module: ./tone.js }          # (item, output) => { score, reason }
 *     - { type: llm-judge, name: groundedness, rubric: groundedness, deployment: gpt-5-mini }
 *
 * Without the file: exact match (items with `expected`) and JSON-schema conformance (items with
 * `schema`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv";
import YAML from "yaml";
import { z } from "zod";
import { InputError } from "../errors";
import { display } from "../paths";
import { ChatFn } from "./client";
import {
  checkScore,
  contains,
  EvaluateFn,
  Evaluator,
  exactMatch,
  jsonSchema,
  jsonValid,
  lengthBounds,
  lift,
  regex,
} from "./evaluators";
import { JudgeUsage, llmJudge } from "./judge";

const base = {
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
      message: "must be 1 to 64 letters, digits, '_', '.' or '-'",
    })
    .optional(),
  passScore: z.number().min(0).max(1).optional(),
};

const evaluatorSpec = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("exact-match"),
    ...base,
    ignoreCase: z.boolean().optional(),
    trim: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal("contains"),
    ...base,
    values: z.array(z.string().min(1)).min(1).optional(),
    all: z.boolean().optional(),
    ignoreCase: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal("regex"),
    ...base,
    pattern: z.string().min(1),
    flags: z
      .string()
      .regex(/^[imsu]*$/)
      .optional(),
  }),
  z.strictObject({ type: z.literal("json-valid"), ...base }),
  z.strictObject({
    type: z.literal("json-schema"),
    ...base,
    schema: z.record(z.string(), z.unknown()).optional(),
  }),
  z.strictObject({
    type: z.literal("length"),
    ...base,
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    unit: z.enum(["characters", "words"]).optional(),
  }),
  z.strictObject({
    type: z.literal("custom"),
    ...base,
    module: z.string().min(1),
    export: z.string().min(1).optional(),
  }),
  z.strictObject({
    type: z.literal("llm-judge"),
    ...base,
    rubric: z.string().min(1),
    deployment: z.string().min(1),
  }),
]);

const evaluatorsFile = z.strictObject({ evaluators: z.array(evaluatorSpec).min(1) });

export type EvaluatorSpec = z.infer<typeof evaluatorSpec>;

/** What building judge evaluators needs. */
export interface JudgeContext {
  readonly chat: ChatFn;
  readonly usage: JudgeUsage;
}

/** The evaluators used when no file is given. */
export const defaultEvaluatorSpecs: readonly EvaluatorSpec[] = [
  { type: "exact-match" },
  { type: "json-schema" },
];

/** Parses an evaluators file's text; `file` names it in messages. */
export function parseEvaluatorSpecs(text: string, file: string): EvaluatorSpec[] {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (err) {
    throw new InputError(
      `--evaluators ${file}: not valid YAML or JSON (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`,
    );
  }
  const parsed = evaluatorsFile.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) =>
        `  ${
          i.path
            .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
            .join("")
            .replace(/^\./, "") || "(file)"
        }: ${i.message}`,
    );
    throw new InputError(
      `--evaluators ${file}: ${lines.length} problem${lines.length === 1 ? "" : "s"}:\n${lines.join("\n")}\nallowed types: exact-match, contains, regex, json-valid, json-schema, length, custom, llm-judge`,
    );
  }
  const specs = parsed.data.evaluators;
  const names = new Map<string, number>();
  specs.forEach((s, i) => {
    const name = s.name ?? s.type;
    const first = names.get(name);
    if (first !== undefined) {
      throw new InputError(
        `--evaluators ${file}: evaluators[${i}].name: '${name}' is also the name of evaluators[${first}]; give each evaluator its own name`,
      );
    }
    names.set(name, i);
    if (s.type === "length" && s.min !== undefined && s.max !== undefined && s.min > s.max) {
      throw new InputError(`--evaluators ${file}: evaluators[${i}]: min ${s.min} is more than max ${s.max}`);
    }
    if (s.type === "regex") {
      try {
        new RegExp(s.pattern, s.flags);
      } catch (err) {
        throw new InputError(
          `--evaluators ${file}: evaluators[${i}].pattern: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    if (s.type === "json-schema" && s.schema) {
      try {
        new Ajv({ strict: false }).compile(s.schema);
      } catch (err) {
        throw new InputError(
          `--evaluators ${file}: evaluators[${i}].schema: not a valid JSON schema (${err instanceof Error ? err.message : String(err)})`,
        );
      }
    }
  });
  return specs;
}

/** Loads a custom evaluator module (CommonJS, ES module or TypeScript) and returns its function. */
async function loadCustom(
  modulePath: string,
  exportName: string | undefined,
  where: string,
): Promise<(item: unknown, output: string) => unknown> {
  if (!fs.existsSync(modulePath)) {
    throw new InputError(
      `${where}.module: ${display(modulePath)} does not exist (paths are relative to the evaluators file)`,
    );
  }
  let mod: Record<string, unknown>;
  try {
    if (modulePath.endsWith(".ts")) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require("esbuild-register/dist/node") as typeof import("esbuild-register/dist/node")).register({
        target: "node20",
      });
    }
    // A real dynamic import (not rewritten by a bundler), so ES modules load too.
    const dynamicImport = new Function("u", "return import(u)") as (
      u: string,
    ) => Promise<Record<string, unknown>>;
    mod = modulePath.endsWith(".ts")
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require(modulePath) as Record<string, unknown>)
      : await dynamicImport(pathToFileURL(modulePath).href);
  } catch (err) {
    throw new InputError(
      `${where}.module: cannot load ${display(modulePath)}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const inner = (mod.default as Record<string, unknown> | undefined) ?? {};
  const fn = exportName
    ? (mod[exportName] ?? inner[exportName])
    : typeof mod.default === "function"
      ? mod.default
      : (inner.default ?? mod.evaluate);
  if (typeof fn !== "function") {
    throw new InputError(
      `${where}: ${display(modulePath)} exports no function${exportName ? ` named '${exportName}'` : " as default"}; export (item, output) => ({ score, reason })`,
    );
  }
  return fn as (item: unknown, output: string) => unknown;
}

/** Builds the evaluators; custom module paths are relative to `baseDir`. */
export async function buildEvaluators(
  specs: readonly EvaluatorSpec[],
  baseDir: string,
  judge: JudgeContext | undefined,
): Promise<Evaluator[]> {
  const out: Evaluator[] = [];
  for (const [i, s] of specs.entries()) {
    const where = `--evaluators evaluators[${i}]`;
    let evaluate: EvaluateFn;
    switch (s.type) {
      case "exact-match":
        evaluate = lift(exactMatch(s));
        break;
      case "contains":
        evaluate = lift(contains(s));
        break;
      case "regex":
        evaluate = lift(regex(new RegExp(s.pattern, s.flags)));
        break;
      case "json-valid":
        evaluate = lift(jsonValid());
        break;
      case "json-schema":
        evaluate = lift(jsonSchema(s.schema));
        break;
      case "length":
        evaluate = lift(lengthBounds(s));
        break;
      case "custom": {
        const fn = await loadCustom(path.resolve(baseDir, s.module), s.export, where);
        evaluate = async (item, output) => checkScore(await fn(item, output));
        break;
      }
      case "llm-judge": {
        if (!judge) {
          throw new InputError(`${where}: an llm-judge needs the run's endpoint and auth`);
        }
        const grade = llmJudge(judge.chat, s.deployment, s.rubric, judge.usage);
        evaluate = (item, output, signal) => grade(item, output, signal);
        break;
      }
    }
    // A judge grades on a scale: by default 4/5 or better passes. The rest score 0 or 1.
    const passScore = s.passScore ?? (s.type === "llm-judge" ? 0.75 : s.type === "custom" ? 0.5 : 1);
    out.push({
      name: s.name ?? s.type,
      type: s.type,
      passScore,
      evaluate,
      ...(s.type === "llm-judge" ? { judgeDeployment: s.deployment } : {}),
    });
  }
  return out;
}

/** Reads `--evaluators FILE`, or the defaults. */
export async function loadEvaluators(
  file: string | undefined,
  judge: JudgeContext | undefined,
): Promise<Evaluator[]> {
  if (file === undefined) {
    return buildEvaluators(defaultEvaluatorSpecs, process.cwd(), judge);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`--evaluators ${display(file)}: cannot read the file`);
  }
  return buildEvaluators(parseEvaluatorSpecs(text, display(file)), path.dirname(path.resolve(file)), judge);
}
