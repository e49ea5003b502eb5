/**
 * The installable CLI: `npm pack` makes a package holding only what runs (the bundled CLI and its
 * worker, bin/, README, LICENSE, package.json), with no runtime dependencies; it installs into a
 * temporary prefix with `npm install -g --offline` (no network, nothing from the registry), and
 * the installed `planstod` prints its version and checks a fixture exactly as the repository's does.
 *
 * Packs with --ignore-scripts: the CLI is already built by `npm test`'s pretest (build:cli), and
 * `prepack`, which builds it for a real `npm pack`, must not rewrite dist/node under the other tests.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_BIN, FIXTURES, ROOT } from "../support/paths";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  license: string;
  private?: boolean;
  files: string[];
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies?: Record<string, string>;
  scripts: Record<string, string>;
};

let work: string;
let tarball: string;
let packed: string[];
let installed: string;

function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    // npm_config_* of the jest run (npm test) must not steer the npm run here; a cache of its own.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
      npm_config_cache: join(work, "cache"),
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false",
      ...env,
    },
  });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "node", "planstod.js")))
    throw new Error("the CLI is not built: npm run build:cli");
  work = mkdtempSync(join(tmpdir(), "planstod-pack-"));
  const pack = run(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info.filename);
  packed = info.files.map((file) => file.path).sort();

  // Installed from a folder outside the repository, so nothing resolves into its node_modules.
  const prefix = join(work, "prefix");
  const install = run(NPM, ["install", "-g", "--offline", "--prefix", prefix, tarball], work);
  if (install.status !== 0) throw new Error(`npm install -g --offline failed:\n${install.stderr}`);
  installed = join(prefix, "bin", "planstod");
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("package.json is ready for a registry: name, licence, engines, files, a prepack that builds the CLI", () => {
  expect(pkg.name).toBe("planstod");
  expect(pkg.private).toBeUndefined();
  expect(pkg.license).toBe("MIT");
  expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License/);
  expect(pkg.engines.node).toMatch(/^>=20/);
  expect(pkg.bin).toEqual({ planstod: "bin/planstod.js" });
  expect(pkg.scripts.prepack).toBe("npm run build:cli");
  // Everything the CLI and the pane use is bundled (esbuild, webpack): nothing to install at run time.
  expect(pkg.dependencies).toBeUndefined();
  expect(tarball.endsWith(`planstod-${pkg.version}.tgz`)).toBe(true);
});

test("the package holds only what runs", () => {
  expect(packed).toEqual([
    "LICENSE",
    "README.md",
    "bin/planstod.js",
    "dist/node/planstod.js",
    "dist/node/worker.js",
    "package.json",
  ]);
});

test("the bundles need nothing but Node's own modules", () => {
  for (const bundle of ["planstod.js", "worker.js"]) {
    const code = readFileSync(join(ROOT, "dist", "node", bundle), "utf8");
    const required = Array.from(code.matchAll(/\brequire\("([^"]+)"\)/g), (m) => m[1]);
    const builtin = new Set(builtinModules);
    expect([bundle, required.filter((name) => !builtin.has(name.replace(/^node:/, "")))]).toEqual([
      bundle,
      [],
    ]);
  }
});

test("the installed planstod prints its version", () => {
  const result = run(installed, ["--version"], work);
  expect(result.stderr).toBe("");
  expect(result.stdout.trim()).toBe(pkg.version);
  expect(result.status).toBe(0);
});

test("the installed planstod checks a fixture as the repository's CLI does", () => {
  const fixture = join(FIXTURES, "sv-partial.docx");
  expect(existsSync(fixture)).toBe(true);
  const mine = run(installed, ["check", fixture, "--json"], work);
  const repo = run(process.execPath, [CLI_BIN, "check", fixture, "--json"], work);
  expect(mine.stderr).toBe("");
  // sv-partial is half filled in: incomplete, exit 1, and a report naming its template.
  expect(mine.status).toBe(1);
  expect(JSON.parse(mine.stdout)).toMatchObject({ template: "skolverket-atgardsplan", complete: false });
  expect([mine.status, mine.stdout]).toEqual([repo.status, repo.stdout]);
});

test("the installed planstod checks a folder with its worker threads as the repository's CLI does", () => {
  const env = { PLANSTOD_WORKERS: "2" };
  const mine = run(installed, ["check", FIXTURES, "--json"], work, env);
  const repo = run(process.execPath, [CLI_BIN, "check", FIXTURES, "--json"], work, env);
  expect(mine.stderr).toBe(repo.stderr);
  expect([mine.status, mine.stdout]).toEqual([repo.status, repo.stdout]);
  expect(mine.stdout.length).toBeGreaterThan(1000);
});
