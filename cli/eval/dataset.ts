/**
 * Evaluation datasets: JSON Lines, one item per line —
 * `{ "id", "messages": [{ "role", "content" }], "expected"?, "schema"?, "metadata"? }`.
 * Blank lines are skipped. Every bad line is reported with its line number, all at once.
 */
import * as fs from "node:fs";
import Ajv from "ajv";
import { z } from "zod";
import { sha256Hex as sha256 } from "../../components/evaluation/digest";
import { InputError } from "../errors";
import { display } from "../paths";

const message = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant", "tool"]),
    content: z.union([z.string(), z.array(z.record(z.string(), z.unknown()))]),
  })
  .loose();

const itemSchema = z.strictObject({
  id: z.union([z.string().min(1), z.number().int()]).transform(String),
  messages: z.array(message).min(1),
  expected: z.string().optional(),
  schema: z.record(z.string(), z.unknown()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** One dataset item. */
export type DatasetItem = z.infer<typeof itemSchema> & {
  /** 1-based line in the file. */
  readonly line: number;
};

export interface Dataset {
  readonly file: string;
  /** SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly items: readonly DatasetItem[];
}

/** At most this many problems are listed; the count of the rest follows. */
const maxListed = 20;

/** Parses a dataset's text; `file` names it in messages. Throws {@link InputError} listing every bad line. */
export function parseDataset(text: string, file: string, digest: string = sha256(text)): Dataset {
  const items: DatasetItem[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  const ajv = new Ajv({ strict: false });
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") {
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push(`line ${line}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    const parsed = itemSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path.map(String).join(".") || "(line)";
        problems.push(`line ${line}: ${key}: ${issue.message}`);
      }
      return;
    }
    const item = parsed.data;
    const seen = firstLine.get(item.id);
    if (seen !== undefined) {
      problems.push(`line ${line}: id: "${item.id}" is already used on line ${seen}; ids must be unique`);
      return;
    }
    firstLine.set(item.id, line);
    if (item.schema !== undefined) {
      try {
        ajv.compile(item.schema);
      } catch (err) {
        problems.push(
          `line ${line}: schema: not a valid JSON schema (${err instanceof Error ? err.message : String(err)})`,
        );
        return;
      }
    }
    items.push({ ...item, line });
  });
  if (problems.length > 0) {
    const more = problems.length > maxListed ? [`… and ${problems.length - maxListed} more`] : [];
    throw new InputError(
      `${file}: ${problems.length} bad dataset line${problems.length === 1 ? "" : "s"}:\n${[
        ...problems.slice(0, maxListed),
        ...more,
      ].join(
        "\n",
      )}\nfix: each line is one JSON object {"id", "messages": [{"role", "content"}], "expected"?, "schema"?, "metadata"?}`,
    );
  }
  if (items.length === 0) {
    throw new InputError(`${file}: the dataset has no items; write one JSON object per line`);
  }
  return { file, sha256: digest, items };
}

/** Reads and parses a dataset file. */
export function readDataset(file: string): Dataset {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new InputError(`--dataset ${display(file)}: cannot read the file`);
  }
  return parseDataset(bytes.toString("utf8"), display(file), sha256(bytes));
}
