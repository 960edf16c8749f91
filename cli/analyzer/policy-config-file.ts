/**
 * Reads a `--policy-config` file (the format of `pulumi preview --policy-pack-config`). Light on
 * purpose: the tool reads it before it starts the policy pack, so a missing or malformed file is
 * reported at once.
 */
import * as fs from "node:fs";
import { InputError } from "../errors";

/** Reads a policy config file as JSON; a missing or malformed file is bad input. */
export function readPolicyConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new InputError(`${file}: cannot read the policy config file`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(`${file}: expected a JSON object of policy names to settings`);
  }
  return doc as Record<string, unknown>;
}
