/**
 * The fuzzer's fixed-seed sample for CI: mutated fixtures (scripts/fuzz/mutate.ts) must keep
 * every promise of scripts/fuzz/harness.ts. Times are not asserted here (`npm run fuzz` bounds
 * them); a long run is `npm run fuzz -- --seed N --count 10000` (README).
 */
import { readFileSync } from "node:fs";
import { VARIANTS, fixturePath } from "../../scripts/fixtures/variants";
import { runCase } from "../../scripts/fuzz/harness";
import { MUTATORS, Rng, mutate } from "../../scripts/fuzz/mutate";

const SEED = 20261201;
const CASES = 40;

const sources = VARIANTS.map((v) => ({
  name: v.name,
  template: v.template,
  bytes: readFileSync(fixturePath(v)),
}));

test(`${CASES} mutated fixtures (seed ${SEED}) keep every promise`, async () => {
  const rng = new Rng(SEED);
  const failures: string[] = [];
  const kinds = new Set<string>();
  const codes = new Set<number>();
  let refused = 0;
  for (let i = 0; i < CASES; i++) {
    const source = rng.pick(sources.filter((s) => s.template !== null));
    const m = await mutate(rng, source.bytes);
    m.kinds.forEach((k) => kinds.add(k));
    if (m.refused) refused++;
    const outcome = await runCase(m.bytes, { preserving: m.preserving === true, refused: m.refused });
    codes.add(outcome.checkCode);
    if (outcome.problems.length > 0)
      failures.push(`${i} ${source.name} (${m.label}): ${outcome.problems.join("; ")}`);
  }
  expect(failures).toEqual([]);
  // The sample is not vacuous: most kinds of mutation, answers of every kind.
  expect(kinds.size).toBeGreaterThan(MUTATORS.length / 2);
  expect([...codes].sort()).toEqual([0, 1, 2]);
  // Documents that are not well-formed XML are in the sample, and were refused.
  expect(kinds.has("not-well-formed")).toBe(true);
  expect(refused).toBeGreaterThan(0);
}, 240_000);

test("every well-formedness fault, at random places in every kind of template fixture, is refused as damaged", async () => {
  const rng = new Rng(SEED + 2);
  const malformed = MUTATORS.find((m) => m.name === "not-well-formed")!;
  const failures: string[] = [];
  let refused = 0;
  for (const source of sources.filter((s) => s.template !== null && !s.name.endsWith("libreoffice"))) {
    const mutated = await malformed.run(rng, source.bytes);
    if (mutated.refused) refused++;
    const outcome = await runCase(mutated.bytes, { refused: mutated.refused });
    if (outcome.problems.length > 0)
      failures.push(`${source.name} (${mutated.label}): ${outcome.problems.join("; ")}`);
    // Nothing else is wrong with these inputs: the reason is that the part is damaged.
    else if (
      mutated.refused &&
      !/filen är skadad: word\/document\.xml går inte att läsa\.\n$/.test(outcome.checkErr)
    )
      failures.push(`${source.name} (${mutated.label}): refused for another reason: ${outcome.checkErr}`);
  }
  expect(failures).toEqual([]);
  expect(refused).toBeGreaterThan(20);
}, 240_000);

test("each kind of mutation, once, on a template fixture", async () => {
  const rng = new Rng(SEED + 1);
  const bytes = readFileSync(fixturePath(VARIANTS.find((v) => v.name === "sv-partial")!));
  const failures: string[] = [];
  for (const m of MUTATORS) {
    const mutated = await m.run(rng, bytes);
    const outcome = await runCase(mutated.bytes, {
      preserving: mutated.preserving === true,
      refused: mutated.refused,
    });
    if (outcome.problems.length > 0)
      failures.push(`${m.name} (${mutated.label}): ${outcome.problems.join("; ")}`);
  }
  expect(failures).toEqual([]);
}, 240_000);

test("the oracle reads an empty text element written either way", async () => {
  const { runTexts } = await import("../../scripts/fuzz/harness");
  expect(
    runTexts('<w:t xml:space="preserve"></w:t><w:tab/><w:t/><w:tag w:val="x"/><w:t>a&amp;b</w:t>'),
  ).toEqual(["", "", "a&b"]);
});

test("every template fixture, unmutated: add of its first block keeps the user's text (one-line refusal where it has none)", async () => {
  const failures: string[] = [];
  for (const source of sources.filter((s) => s.template !== null)) {
    const outcome = await runCase(source.bytes, { preserving: true });
    if (outcome.problems.length > 0) failures.push(`${source.name}: ${outcome.problems.join("; ")}`);
  }
  expect(failures).toEqual([]);
}, 240_000);
