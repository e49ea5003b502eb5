/**
 * What Word costs, per client: the requirement sets a client reports, the time of a round trip
 * (context.sync) and of each KiB it hands back, the delay before its events arrive, and its
 * known faults. The figures and their sources are in docs/design.md, "What Word costs" (one
 * place); this file holds the numbers the double charges.
 */

import type { EventFaults } from "./events";
import type { PlatformName } from "./office";

export type ProfileName = "web" | "windows" | "mac";

/** The WordApi level a profile reports (1.3: Word 2016/2019 and Office 2021 LTSC volume; 1.6/1.7: Microsoft 365). */
export type WordApiLevel = "1.3" | "1.4" | "1.6" | "1.7";

export interface CostModel {
  /** Simulated milliseconds per context.sync() (a round trip to Word). */
  syncMs: number;
  /** Simulated milliseconds per KiB loaded from Word (property values and ClientResults). */
  msPerKiB: number;
  /** Simulated milliseconds between a user's edit and its events reaching the add-in. */
  eventDelayMs: number;
}

/** Edits Word on the web refuses with NotAllowed ("The action isn't supported by Word in a browser."). */
export interface NotAllowedFaults {
  /** Comments (insertComment, getComments) answer NotAllowed, as in some web sessions (office-js #6746). */
  comments?: boolean;
  /** Inserting with "Replace" answers NotAllowed while the document holds a date picker (office-js #6865). */
  replaceWithDatePicker?: boolean;
}

export interface Profile {
  name: ProfileName;
  platform: PlatformName;
  costs: CostModel;
  faults: EventFaults;
  notAllowed: NotAllowedFaults;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  web: {
    name: "web",
    platform: "OfficeOnline",
    costs: { syncMs: 150, msPerKiB: 0.4, eventDelayMs: 300 },
    faults: { noUndoEvents: true, missFastEditsWithinMs: 50, contentControlDataChanged: "typing" },
    notAllowed: { replaceWithDatePicker: true },
  },
  windows: {
    name: "windows",
    platform: "PC",
    costs: { syncMs: 15, msPerKiB: 0.1, eventDelayMs: 30 },
    faults: { missFastEditsWithinMs: 50, contentControlDataChanged: "exit" },
    notAllowed: {},
  },
  mac: {
    name: "mac",
    platform: "Mac",
    costs: { syncMs: 60, msPerKiB: 0.3, eventDelayMs: 60 },
    faults: { missFastEditsWithinMs: 50, noDeleteEventsPastPages: 250, contentControlDataChanged: "exit" },
    notAllowed: {},
  },
};

/** The requirement sets a client with WordApi `level` reports. */
export function requirementSetsFor(level: WordApiLevel): Record<string, string> {
  return { WordApi: level, DocumentEvents: "1.1" };
}

/** A free Word: what the double charged before profiles (no latency, no events delay). */
export const FREE: CostModel = { syncMs: 0, msPerKiB: 0, eventDelayMs: 0 };

/** What the add-in has cost Word so far. */
export interface WordCosts {
  /** context.sync() calls (round trips), Word.run's final flush included. */
  roundTrips: number;
  /** getOoxml() calls (Body, Paragraph, Range, ContentControl). */
  getOoxml: number;
  /** KiB loaded from Word, by kind: OOXML (getOoxml), text (`text` properties), other. */
  kib: { ooxml: number; text: number; other: number };
  /** Simulated time Word spent answering: syncMs per round trip plus msPerKiB per KiB loaded. */
  wordMs: number;
}

export type LoadKind = keyof WordCosts["kib"];

export function noCosts(): WordCosts {
  return { roundTrips: 0, getOoxml: 0, kib: { ooxml: 0, text: 0, other: 0 }, wordMs: 0 };
}

/** UTF-8 bytes of a loaded value as Word sends it (JSON); no Node API, the harness runs it in a browser. */
export function payloadBytes(value: unknown): number {
  const json = typeof value === "string" ? value : (JSON.stringify(value ?? null) ?? "");
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
