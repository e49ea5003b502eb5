#!/usr/bin/env node
// Validates an Office add-in XML manifest against Microsoft's offline XSD schemas with xmllint.
//
//   node scripts/validate-manifest.mjs [manifest.xml]
//
// The schemas are looked up in $PLANSTOD_SCHEMAS, or else in ../shared/schemas/office-addin-manifest
// relative to the repository root. xmllint runs with --nonet, so no network is needed.
// Exit codes: 0 valid, 1 invalid (xmllint's reason is printed), 2 usage or environment error.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCHEMA_FILE = "OfficeAppManifestV1_1.xsd";

function fail(message, code) {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.includes("-h") || args.includes("--help") || args.length > 1) {
  fail("Användning: node scripts/validate-manifest.mjs [manifest.xml]", args.length > 1 ? 2 : 0);
}

const manifestPath = resolve(args[0] ?? join(repoRoot, "manifest.xml"));
if (!existsSync(manifestPath)) fail(`Hittar inte manifestfilen: ${manifestPath}`, 2);

const schemaDir = process.env.PLANSTOD_SCHEMAS
  ? resolve(process.env.PLANSTOD_SCHEMAS)
  : resolve(repoRoot, "..", "shared", "schemas", "office-addin-manifest");
const schemaPath = join(schemaDir, SCHEMA_FILE);
if (!existsSync(schemaPath)) {
  fail(
    `Hittar inte manifestschemat ${schemaPath}.\n` +
      "Sätt PLANSTOD_SCHEMAS till mappen med Office-tilläggets XSD-filer (OfficeAppManifestV1_1.xsd m.fl.).",
    2,
  );
}

const result = spawnSync("xmllint", ["--nonet", "--noout", "--schema", schemaPath, manifestPath], {
  encoding: "utf8",
});

if (result.error) {
  if (result.error.code === "ENOENT") {
    fail(
      "xmllint saknas. Installera libxml2-utils (Debian/Ubuntu: apt-get install -y libxml2-utils; " +
        "macOS: xmllint följer med systemet; Windows: använd WSL).",
      2,
    );
  }
  fail(`Kunde inte köra xmllint: ${result.error.message}`, 2);
}

const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
const name = basename(manifestPath);
if (result.status === 0) {
  console.log(`${name} validates`);
  process.exit(0);
}

// xmllint already names the file, the line and the reason ("... fails to validate").
console.error(output || `${name}: xmllint avslutades med kod ${result.status}`);
process.exit(1);
