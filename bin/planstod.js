#!/usr/bin/env node
"use strict";
let cli;
try {
  // One bundled file (esbuild, `npm run build:cli`): start-up reads one module, not a hundred.
  cli = require("../dist/node/planstod.js");
} catch {
  process.stderr.write("planstod: kommandot är inte byggt. Kör först: npm run build\n");
  process.exit(2);
}
cli.main();
