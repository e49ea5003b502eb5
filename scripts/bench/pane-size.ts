/**
 * The pane's first-load JavaScript (`npm run bench`; docs/design.md, "The pane's first load"):
 * a production build (with source maps, into a temporary folder), then gzip -9 of every script
 * that taskpane.html loads (office.js from Microsoft's CDN excepted), against Microsoft's React
 * task-pane template (Office-Addin-TaskPane-React) rebuilt and measured the same way: 165,188 B.
 * The stylesheet and the lazy chunks are reported beside it; the contributors come from the
 * source maps (each package's share of the minified code, gzipped on its own).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer, type RawSourceMap } from "source-map";

const ROOT = path.resolve(__dirname, "../..");
export const TEMPLATE_BYTES = 165188;
export const GOAL = 0.8;

const gz = (text: string) => gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;
const code = (file: string) => readFileSync(file, "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "");

/** PANE_SIZE_DETAIL=1: one line per package and per source file instead of per folder. */
const DETAIL = process.env.PANE_SIZE_DETAIL === "1";

/** Which part of the pane a source file belongs to. */
function contributor(source: string | null): string {
  if (!source) return "(webpack runtime)";
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (DETAIL) return pkg ?? /\/(src\/.+)$/.exec(source)?.[1] ?? "(webpack runtime)";
  if (pkg) return pkg.startsWith("@fluentui/") ? "@fluentui/* (components, tokens)" : pkg;
  const own = /\/(src\/[^/]+)\//.exec(source)?.[1];
  return own ?? "(webpack runtime)";
}

/** Bytes (minified, gzip -9 alone) per contributor of one script. */
function contributors(file: string): Map<string, number> {
  const text = code(file);
  const lines = text.split("\n");
  const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, "utf8")) as RawSourceMap);
  const segments: { line: number; column: number; source: string | null }[] = [];
  map.eachMapping(
    (m) => segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }),
    null,
    SourceMapConsumer.GENERATED_ORDER,
  );
  const parts = new Map<string, string[]>();
  segments.forEach((s, i) => {
    const next = segments[i + 1];
    const line = lines[s.line - 1] ?? "";
    const end = next && next.line === s.line ? next.column : line.length;
    const key = contributor(s.source);
    const list = parts.get(key) ?? [];
    list.push(line.slice(s.column, end));
    parts.set(key, list);
  });
  return new Map([...parts].map(([k, v]) => [k, gz(v.join(""))]));
}

export interface PaneSize {
  firstLoad: number;
  ratio: number;
  files: { name: string; bytes: number }[];
  css: number;
  lazy: { name: string; bytes: number }[];
  contributors: [string, number][];
}

export function paneSize(): PaneSize {
  const out = mkdtempSync(path.join(tmpdir(), "planstod-pane-build-"));
  try {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      { cwd: ROOT, env: { ...process.env, PLANSTOD_SOURCE_MAP: "1" }, stdio: "ignore" },
    );
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const local = (re: RegExp) =>
      [...html.matchAll(re)].map((m) => m[1]).filter((src) => !/^[a-z]+:\/\//i.test(src));
    const scripts = local(/<script[^>]*\ssrc=["']?([^"' >]+)/g);
    const styles = local(/<link[^>]*\shref=["']?([^"' >]+\.css)/g);
    const files = scripts.map((name) => ({ name, bytes: gz(code(path.join(out, name))) }));
    const firstLoad = files.reduce((sum, f) => sum + f.bytes, 0);
    const css = styles.reduce((sum, name) => sum + gz(code(path.join(out, name))), 0);
    const lazy = readdirSync(out)
      // granska.html's scripts are built beside the pane but are another page's (webpack.granska.js).
      .filter((name) => name.endsWith(".js") && !scripts.includes(name) && !name.startsWith("granska"))
      .map((name) => ({ name, bytes: gz(code(path.join(out, name))) }));
    const totals = new Map<string, number>();
    for (const name of scripts)
      for (const [k, v] of contributors(path.join(out, name))) totals.set(k, (totals.get(k) ?? 0) + v);
    return {
      firstLoad,
      ratio: firstLoad / TEMPLATE_BYTES,
      files,
      css,
      lazy,
      contributors: [...totals].sort((a, b) => b[1] - a[1]),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The pane size as printable lines. */
export function paneSizeReport(size: PaneSize): string[] {
  const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
  const lines = [
    `pane first-load JavaScript (gzip -9): ${size.firstLoad} B = ${kb(size.firstLoad)} ` +
      `(${size.files.map((f) => `${f.name} ${f.bytes} B`).join(", ")})`,
    `  ratio to Microsoft's React task-pane template (${TEMPLATE_BYTES} B): ${size.ratio.toFixed(3)} (goal ≤ ${GOAL})`,
    `  stylesheet (Griffel, extracted; loaded at first paint too): ${size.css} B`,
    `  lazy chunks (not before the outline): ${size.lazy.map((f) => `${f.name} ${f.bytes} B`).join(", ") || "none"}`,
    "  contributors (each gzipped alone, so they add up to a little more than the whole):",
  ];
  for (const [name, bytes] of size.contributors.filter(([, b]) => b >= 300))
    lines.push(`    ${name.padEnd(36)} ${String(bytes).padStart(7)} B`);
  return lines;
}
