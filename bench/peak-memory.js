// Preloaded (NODE_OPTIONS=--require) into the tool and the policy pack it starts by bench/fleet.ts:
// appends this process's peak resident memory and CPU time to FOUNDRY_BENCH_MEMORY_FILE when it
// ends, also when it ends by SIGTERM (how the tool stops the pack).
"use strict";
const fs = require("node:fs");

const file = process.env.FOUNDRY_BENCH_MEMORY_FILE;
if (file) {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    const role = process.argv.some((a) => a.includes("pack")) ? "pack" : "tool";
    // resourceUsage().maxRSS is in kilobytes.
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    fs.appendFileSync(file, `${JSON.stringify({ role, maxRssKb: usage.maxRSS, cpuMs })}\n`);
  };
  process.on("exit", write);
  process.on("SIGTERM", () => {
    write();
    process.exit(143);
  });
}
