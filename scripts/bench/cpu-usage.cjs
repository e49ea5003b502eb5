// Preloaded (node -r) into every process the CLI benchmark starts: at exit, the process's own
// CPU time (user + system, all threads, from Node's start) in milliseconds, on file descriptor 3.
"use strict";
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  require("node:fs").writeSync(3, `${(user + system) / 1000}\n`);
});
