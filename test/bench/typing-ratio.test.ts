/**
 * The typing benchmark's ratio lines (scripts/bench/typing.ts): baseline over current, per
 * profile, set and plan, from the lines both trees printed.
 */
import { ratios } from "../../scripts/bench/typing";

test("one ratio line per combination measured on both trees; none for a combination only one tree ran", () => {
  const now = [
    "typing-minute profile=web sets=1.6 blocks=60 trips=68 getOoxml=4 text_getOoxml=0 kib=955 word_ms=10582 settle_ms=1200",
    "typing-minute profile=web sets=1.3 blocks=3 trips=84 getOoxml=0 text_getOoxml=0 kib=709 word_ms=12884 settle_ms=0",
    "typing-minute profile=mac sets=1.6 blocks=3 trips=50 getOoxml=4 text_getOoxml=0 kib=149 word_ms=3045 settle_ms=0",
    "some other line",
  ];
  const before = [
    "baseline profile=web sets=1.6 blocks=60 trips=92 getOoxml=36 text_getOoxml=24 kib=11350 word_ms=18340 settle_ms=0",
    "baseline profile=web sets=1.3 blocks=3 trips=92 getOoxml=30 text_getOoxml=21 kib=1351 word_ms=14340 settle_ms=0",
  ];
  expect(ratios(now, before)).toEqual([
    "typing-ratio profile=web sets=1.6 blocks=60 kib=11.9x getOoxml=9.0x trips=1.4x",
    "typing-ratio profile=web sets=1.3 blocks=3 kib=1.9x getOoxml=inf trips=1.1x",
  ]);
});
