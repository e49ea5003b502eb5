/**
 * The typing benchmark of issue 17 (`npm run bench`, or only this part: `npm run bench --
 * typing`): a minute of typing in the real pane over the Word double, under the web, Windows
 * and Mac profiles with WordApi 1.3 and 1.6, on the 3- and 60-block plans. The scenario and the
 * figures are described in scripts/bench/typing-scenario.ts and docs/design.md ("What Word
 * costs").
 *
 * It prints the `typing-minute` lines for this tree's src/, then the `baseline` lines: the same
 * scenario, with the same (current) double, run on the source of BASELINE_COMMIT - main when
 * issue 17 started - checked out into a temporary `git worktree add --detach` (node_modules
 * symlinked to this tree's); then a `typing-ratio` line for each (baseline / current: KiB,
 * getOoxml calls, round trips). To reproduce a baseline by hand:
 *
 *   git worktree add --detach /tmp/base 751cd6ab6b8cb8edf117d9bfb869eaff9effbdad
 *   ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   (cd /tmp/base && npx tsx "$OLDPWD/scripts/bench/typing-scenario.ts" baseline .)
 *   git worktree remove --force /tmp/base
 *
 * Needs `npm run fixtures` (sv-blank.docx). TYPING_ONLY=web:1.6:60 runs one combination;
 * TYPING_TREES=current or =baseline runs one of the two trees.
 * Each tree runs in a process of its own (the scenario installs jsdom and fake timers globally).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

/** main when issue 17 started (`git rev-parse main`): the code before event-driven statuses. */
export const BASELINE_COMMIT = "751cd6ab6b8cb8edf117d9bfb869eaff9effbdad";

const ROOT = path.resolve(__dirname, "../..");
const SCENARIO = path.join(__dirname, "typing-scenario.ts");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Runs the scenario on `sourceRoot`, printing its lines as they come; resolves with them. */
function scenario(label: string, sourceRoot: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Run from the source root: tsx compiles TSX with the tsconfig of its working directory.
    const child = spawn(TSX, [SCENARIO, label, sourceRoot], {
      cwd: sourceRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    let buffered = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const line of parts) {
        console.log(line);
        lines.push(line);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (buffered) {
        console.log(buffered);
        lines.push(buffered);
      }
      if (code === 0) resolve(lines);
      else reject(new Error(`typing scenario (${label}) exited with ${code}`));
    });
  });
}

/** Checks BASELINE_COMMIT out into a temporary worktree, runs `measure` on it, removes it. */
async function withBaseline<T>(measure: (dir: string) => Promise<T>): Promise<T> {
  const parent = mkdtempSync(path.join(tmpdir(), "planstod-baseline-"));
  const dir = path.join(parent, "tree");
  const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const added = git("worktree", "add", "--detach", dir, BASELINE_COMMIT);
  if (added.status !== 0) throw new Error(`git worktree add: ${added.stderr.trim()}`);
  try {
    symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    return await measure(dir);
  } finally {
    git("worktree", "remove", "--force", dir);
    rmSync(parent, { recursive: true, force: true });
  }
}

/** The typing-minute lines for this tree, then the baseline lines. */
export async function typingBench(): Promise<void> {
  if (!existsSync(path.join(ROOT, "test/fixtures/generated/sv-blank.docx"))) {
    console.log("typing-minute: skipped (no test/fixtures/generated/sv-blank.docx: npm run fixtures)");
    return;
  }
  console.log(
    "\na minute of typing in the pane over the Word double (simulated time; see scripts/bench/typing.ts)",
  );
  const trees = (process.env.TYPING_TREES ?? "current,baseline").split(",");
  const now = trees.includes("current") ? await scenario("typing-minute", ROOT) : [];
  const before = trees.includes("baseline") ? await withBaseline((dir) => scenario("baseline", dir)) : [];
  for (const line of ratios(now, before)) console.log(line);
}

/** The fields of a typing-minute or baseline line, by name. */
function fieldsOf(line: string): Map<string, string> {
  return new Map(
    line
      .split(" ")
      .slice(1)
      .map((pair) => pair.split("=") as [string, string]),
  );
}

/**
 * One `typing-ratio` line per profile, set and plan measured on both trees: how many times fewer
 * KiB, getOoxml calls and round trips the current tree needs than the baseline.
 */
export function ratios(now: readonly string[], before: readonly string[]): string[] {
  const key = (f: Map<string, string>) =>
    `profile=${f.get("profile")} sets=${f.get("sets")} blocks=${f.get("blocks")}`;
  const base = new Map(
    before.filter((l) => l.startsWith("baseline ")).map((l) => [key(fieldsOf(l)), fieldsOf(l)]),
  );
  const out: string[] = [];
  for (const line of now.filter((l) => l.startsWith("typing-minute "))) {
    const f = fieldsOf(line);
    const b = base.get(key(f));
    if (!b) continue;
    const times = (name: string) => {
      const x = Number(f.get(name));
      const y = Number(b.get(name));
      return x > 0 ? `${(y / x).toFixed(1)}x` : y > 0 ? "inf" : "1.0x";
    };
    out.push(
      `typing-ratio ${key(f)} kib=${times("kib")} getOoxml=${times("getOoxml")} trips=${times("trips")}`,
    );
  }
  return out;
}

if (require.main === module) {
  typingBench().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
