/** Writes `stacks/config.schema.json` from the zod schema (`npm run schema`). */
import * as fs from "node:fs";
import * as path from "node:path";
import { stackFileJsonSchemaText } from "./json-schema";

const file = path.resolve(__dirname, "..", "config.schema.json");
fs.writeFileSync(file, stackFileJsonSchemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
