/** Rewrites the worked examples of docs/select.md with the tool's output (`npm run docs`). */
import * as fs from "node:fs";
import * as path from "node:path";
import { withFreshExamples } from "./docs-examples";

const file = path.resolve(__dirname, "..", "..", "docs", "select.md");
fs.writeFileSync(file, withFreshExamples(fs.readFileSync(file, "utf8")));
process.stdout.write(`updated the worked examples in ${path.relative(process.cwd(), file)}\n`);
