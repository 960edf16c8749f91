// Preloaded into the tool and every process it starts (NODE_OPTIONS=--require) by tests that check
// which processes a run started: appends this process's script to FOUNDRY_TEST_PROCESS_LOG.
"use strict";
const file = process.env.FOUNDRY_TEST_PROCESS_LOG;
if (file) {
  require("node:fs").appendFileSync(file, `${process.argv.slice(1).join(" ")}\n`);
}
