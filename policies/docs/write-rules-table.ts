/** Refreshes the rules table in docs/policy-pack.md (`npm run docs`). */
import * as fs from "node:fs";
import * as path from "node:path";
import { coverageEnd, coverageStart, coverageTable } from "./coverage-table";
import { rulesTable, withRulesTable } from "./rules-table";

const page = path.resolve(__dirname, "..", "..", "docs", "policy-pack.md");
const withRules = withRulesTable(fs.readFileSync(page, "utf8"), rulesTable());
fs.writeFileSync(page, withRulesTable(withRules, coverageTable(), coverageStart, coverageEnd));
process.stdout.write("updated the rules and coverage tables in docs/policy-pack.md\n");
