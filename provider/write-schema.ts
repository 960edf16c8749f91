/** Writes `provider/schema.json` and the hash of its inputs (`npm run schema:package`). */
import * as fs from "node:fs";
import * as path from "node:path";
import { currentSchemaText, schemaFile, schemaHashFile, schemaInputsHash } from "./package-schema";

async function main(): Promise<void> {
  const inputsHash = schemaInputsHash();
  fs.writeFileSync(schemaFile, await currentSchemaText(inputsHash));
  fs.writeFileSync(schemaHashFile, `${inputsHash}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), schemaFile)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
