#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../dist/node/cli/main.js");
} catch {
  process.stderr.write("planstod: kommandot är inte byggt. Kör först: npm run build\n");
  process.exit(2);
}
cli.main();
