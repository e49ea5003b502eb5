/** Where the tests find the repository, the generated fixtures, the golden files and the built CLI. */
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
/** The .docx files `npm run fixtures` writes (scripts/fixtures/generate.ts). */
export const FIXTURES = path.join(ROOT, "test", "fixtures", "generated");
/** Golden reports: the expected `check --json` and text output of every fixture. */
export const GOLDEN = path.join(ROOT, "test", "golden");
/** Screenshots and other artefacts of the browser tests. */
export const RESULTS = path.join(ROOT, "test-results");
/** The command as a user runs it (bin/planstod.js over dist/node). */
export const CLI_BIN = path.join(ROOT, "bin", "planstod.js");
