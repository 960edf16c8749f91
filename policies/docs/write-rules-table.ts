/** Refreshes the rules table in README.md (`npm run docs`). */
import * as fs from "node:fs";
import * as path from "node:path";
import { rulesTable, withRulesTable } from "./rules-table";

const readme = path.resolve(__dirname, "..", "..", "README.md");
fs.writeFileSync(readme, withRulesTable(fs.readFileSync(readme, "utf8"), rulesTable()));
process.stdout.write("updated the rules table in README.md\n");
