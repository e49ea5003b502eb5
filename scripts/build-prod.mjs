#!/usr/bin/env node
// Builds the files an organisation publishes: `npm run build:prod`.
//
//   PLANSTOD_URL=https://planstod.kommun.se/ [PLANSTOD_ID=<guid>] [PLANSTOD_SUPPORT=<e-mail or URL>] \
//     node scripts/build-prod.mjs [--out DIR]
//
// Writes DIR (default dist/) afresh with exactly what is to be published: every page webpack emits
// (taskpane.html, support.html, privacy.html, anvandarguide.html and any other entry's page) with
// its scripts, styles and icons, and manifest.xml made for PLANSTOD_URL (scripts/publish.cjs). The
// CLI's dist/node is not published, so it is removed from DIR; `npm run build:cli` brings it back.
// Then it checks the manifest: valid against the offline schemas (scripts/validate-manifest.mjs),
// no localhost, every URL on PLANSTOD_URL and naming a file in DIR.
// Exit codes: 0 built, 1 the build or a check failed, 2 a setting is missing or wrong.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const publish = require("./publish.cjs");
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function fail(message, code) {
  console.error(`build:prod: ${message}`);
  process.exit(code);
}

const args = process.argv.slice(2);
let out = join(ROOT, "dist");
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--out" && args[i + 1]) out = resolve(args[++i]);
  else if (args[i] === "-h" || args[i] === "--help") {
    console.log(
      "Användning: PLANSTOD_URL=https://… [PLANSTOD_ID=…] [PLANSTOD_SUPPORT=…] npm run build:prod [-- --out MAPP]",
    );
    process.exit(0);
  } else fail(`okänt argument: ${args[i]}`, 2);
}

let baseUrl;
let id;
let contact;
try {
  baseUrl = publish.publishUrl(process.env.PLANSTOD_URL);
  id = publish.publishId(process.env.PLANSTOD_ID);
  contact = publish.supportContact(process.env.PLANSTOD_SUPPORT);
} catch (error) {
  if (error instanceof publish.PublishError) fail(error.message, 2);
  throw error;
}
const version = publish.packageVersion();
// The folder is emptied first: never the project itself or a folder holding it, nor one of its
// folders (inside the project only dist/).
const fromOut = relative(out, ROOT);
const inProject = relative(ROOT, out);
if (!fromOut.startsWith("..") && !isAbsolute(fromOut)) fail(`--out får inte innehålla projektet: ${out}`, 2);
if (!inProject.startsWith("..") && !isAbsolute(inProject) && inProject !== "dist") {
  fail(`--out inne i projektet får bara vara dist/: ${out}`, 2);
}

console.log(`Planstöd ${version} för ${baseUrl} (Id ${id}) -> ${out}`);
if (!contact) {
  console.log(
    "Obs: PLANSTOD_SUPPORT är inte satt; hjälpsidan hänvisar då till organisationens it-support.\n" +
      "     Sätt den till en e-postadress eller webbadress för frågor om Planstöd.",
  );
}

const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const built = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--env", `publish=${out}`], {
  cwd: ROOT,
  stdio: "inherit",
  // No source maps in what is published (PLANSTOD_SOURCE_MAP is for local profiling).
  env: { ...process.env, PLANSTOD_URL: baseUrl, PLANSTOD_ID: id, PLANSTOD_SOURCE_MAP: "" },
});
if (built.status !== 0) fail("webpack misslyckades (se ovan)", 1);

const manifestPath = join(out, "manifest.xml");
const validated = spawnSync(
  process.execPath,
  [join(ROOT, "scripts", "validate-manifest.mjs"), manifestPath],
  {
    stdio: "inherit",
  },
);
if (validated.status !== 0) fail(`${manifestPath} validerar inte mot schemana`, 1);

const manifest = readFileSync(manifestPath, "utf8");
const problems = [];
if (/localhost/i.test(manifest)) problems.push("manifestet nämner localhost");
for (const url of publish.manifestUrls(manifest)) {
  if (!url.startsWith(baseUrl)) problems.push(`adressen ligger inte under ${baseUrl}: ${url}`);
  else if (!existsSync(join(out, decodeURI(url.slice(baseUrl.length)))))
    problems.push(`filen saknas i ${out}: ${url}`);
}
if (!manifest.includes(`<Id>${id}</Id>`)) problems.push(`manifestets <Id> är inte ${id}`);
if (!manifest.includes(`<SupportUrl DefaultValue="${baseUrl}support.html"/>`))
  problems.push("SupportUrl saknas");
if (problems.length > 0) fail(`manifestet stämmer inte:\n  ${problems.join("\n  ")}`, 1);

console.log(
  `Klart. Publicera hela innehållet i ${out} på ${baseUrl} och ladda upp ${manifestPath} i ` +
    "Microsoft 365 administrationscenter (se docs/driftsattning.md).",
);
