// Preloaded into a `planstod` child process by the fuzzer: writes the peak resident memory (KiB)
// and the CPU time used (ms) to the file named by PLANSTOD_PEAK_FILE when the process exits.
"use strict";
const fs = require("node:fs");
process.on("exit", () => {
  const file = process.env.PLANSTOD_PEAK_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(file, `${usage.maxRSS} ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}`);
});
