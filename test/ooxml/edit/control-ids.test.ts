import { IdSequence } from "../../../src/ooxml/edit/control-ids";

const take = (ids: IdSequence, n: number) => Array.from({ length: n }, () => ids.next());

describe("content-control ids", () => {
  test("the same seed gives the same signed 32-bit ids, all different", () => {
    const a = take(IdSequence.fromText("trs-verksamhetsplan"), 500);
    expect(take(IdSequence.fromText("trs-verksamhetsplan"), 500)).toEqual(a);
    expect(new Set(a).size).toBe(500);
    for (const id of a) {
      const n = Number(id);
      expect(Number.isInteger(n) && n !== 0 && n >= -(2 ** 31) && n < 2 ** 31).toBe(true);
    }
    expect(take(IdSequence.fromText("utbildningsinsats"), 500)).not.toEqual(a);
  });

  test("an id already in the document is never handed out", () => {
    const free = take(new IdSequence(7), 20);
    const used = free.filter((_, i) => i % 2 === 0);
    const ids = take(new IdSequence(7, used), 10);
    expect(ids.some((id) => used.includes(id))).toBe(false);
    expect(ids).toEqual(free.filter((_, i) => i % 2 === 1));
  });
});
