/** Refreshes the rules table in docs/policy-pack.md (`npm run docs`). */
import * as fs from "node:fs";
import * as path from "node:path";
import { rulesTable, withRulesTable } from "./rules-table";

const page = path.resolve(__dirname, "..", "..", "docs", "policy-pack.md");
fs.writeFileSync(page, withRulesTable(fs.readFileSync(page, "utf8"), rulesTable()));
process.stdout.write("updated the rules table in docs/policy-pack.md\n");
