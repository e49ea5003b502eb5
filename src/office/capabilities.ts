/**
 * What this Word client can do: the requirement sets the adapter relies on, checked in one place
 * (`supports`), and the capabilities the pane gets with a problem for each thing missing.
 *
 * Requirement sets (docs/word.md has the platform table): reading needs WordApi 1.3 (the manifest
 * asks for it, so a client with less never offers the add-in); cursor following needs
 * DocumentEvents 1.1; comments need WordApi 1.4 (Office 2021 LTSC volume has 1.3 only); the
 * tracking mode WordApi 1.4; every content-control type WordApi 1.5; paragraph events and
 * getParagraphByUniqueLocalId WordApi 1.6.
 */
import type { HostCapabilities, HostProblem } from "../taskpane/host";

export interface Requirement {
  set: string;
  version: string;
}

export const REQUIREMENTS = {
  read: { set: "WordApi", version: "1.3" },
  events: { set: "DocumentEvents", version: "1.1" },
  /** Range.insertComment, Body.getComments, Comment.delete/replies/resolved. */
  comments: { set: "WordApi", version: "1.4" },
  /** Document.changeTrackingMode. */
  tracking: { set: "WordApi", version: "1.4" },
  /** getContentControls() of every type; without it only rich-text controls are listed. */
  allControls: { set: "WordApi", version: "1.5" },
  /** onParagraphAdded/Changed/Deleted, Paragraph.uniqueLocalId, getParagraphByUniqueLocalId. */
  paragraphEvents: { set: "WordApi", version: "1.6" },
  /** ContentControl.checkboxContentControl.isChecked (ticking a checklist item, checkbox.ts). */
  checkbox: { set: "WordApi", version: "1.7" },
  /** Body.insertOoxml into an empty document (a new plan). */
  create: { set: "WordApi", version: "1.1" },
  /** Document.properties (the new plan's title). */
  properties: { set: "WordApi", version: "1.3" },
} as const satisfies Record<string, Requirement>;

/** Whether the client supports `set` at `version`; never throws. */
export function supports(office: typeof Office, set: string, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

/** supports() for one of REQUIREMENTS. */
export const has = (office: typeof Office, r: Requirement): boolean => supports(office, r.set, r.version);

/** Office.context.document.mode is ReadOnly (a document opened read-only); never throws. */
export function isReadOnly(office: typeof Office): boolean {
  try {
    const readOnly = office.DocumentMode?.ReadOnly ?? "readOnly";
    return String(office.context.document.mode) === String(readOnly);
  } catch {
    return false;
  }
}

export function capabilitiesOf(office: typeof Office): HostCapabilities {
  const core = has(office, REQUIREMENTS.read);
  const events = has(office, REQUIREMENTS.events);
  const readOnly = core && isReadOnly(office);
  const missing: HostProblem[] = [];
  if (!core) missing.push({ code: "needs-wordapi-13" });
  if (core && !events) missing.push({ code: "no-selection-events" });
  if (readOnly) missing.push({ code: "read-only" });
  const comments = core && has(office, REQUIREMENTS.comments);
  if (core && !comments) missing.push({ code: "no-comments-api" });
  return {
    read: core,
    navigate: core,
    followCursor: core && events,
    editBlocks: core && !readOnly,
    comments: comments && !readOnly,
    missing,
    ...(readOnly ? { readOnly } : {}),
  };
}
