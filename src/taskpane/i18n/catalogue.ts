/**
 * The interface every language's text catalogue implements: one catalogue per language
 * (sv.ts, and later da.ts), picked from the template's language (see index.ts). Texts that take
 * a value are functions, so each language builds its own sentence.
 *
 * Vocabulary (docs/design.md, "Words"): an entry of the outline is an *avsnitt*; a place for an
 * answer is a *fält*; a field is *ifyllt*, or *saknas* when it is required and not filled, or
 * *frivilligt, inte ifyllt*; a repeated part is called by its own name (utvecklingsområde,
 * uppföljning, rad), never "block".
 */

import type { HostProblemCode, HostProblemParams } from "../host";

/**
 * The host's problems (src/taskpane/host.ts, thrown by the Word adapter), one text per code.
 * `params` carry what the sentence needs (for "not-supported-on-web": `feature`).
 */
export type HostText = { readonly [C in HostProblemCode]: (params: HostProblemParams) => string };

/** A repeated part, as the texts need it: its name and whether it is a table's rows. */
export interface PartName {
  /** The template's name, e.g. "Utvecklingsområde", "Tidplan". */
  name: string;
  kind: "instances" | "rows";
}

export interface SectionStatusText {
  ifylld: string;
  delvis: string;
  tom: string;
  /** A section of optional fields only, none filled. */
  optional: string;
  unused: string;
  /** A block just added, not yet left by the user. */
  fresh: string;
}

export interface NewPlanText {
  heading: string;
  intro: string;
  unsupported: string;
  /** The language a plan is written in. */
  language: (locale: "sv-SE" | "da-DK") => string;
  create: string;
  createLabel: (name: string) => string;
  /** After creation, in the new plan's language. */
  created: (name: string) => string;
  listHeading: string;
  listIntro: string;
}

export interface PaneText {
  title: string;
  intro: string;
  unsupported: string;
  outsideWord: string;
  /** The link to the user guide (anvandarguide.html, published beside the pane). */
  userGuide: string;

  loading: string;
  working: string;
  refresh: string;
  refreshLabel: string;
  /** The small link at the foot of the pane that opens the self-test page (a support tool, in Swedish). */
  selfTestLink: string;
  missingTitle: string;
  dismiss: string;

  views: { label: string; outline: string; review: string };
  outlineLabel: string;

  summary: (filled: number, total: number) => string;
  /** What the total counts, so that it can be trusted when it changes. */
  summaryExplained: string;
  complete: string;
  incomplete: string;
  warnings: (count: number) => string;
  refreshed: (changed: boolean) => string;

  status: SectionStatusText;
  templateQuestions: string;
  followsUp: (title: string) => string;

  /** A field's status: `optional` only for a field the template does not require. */
  field: { filled: string; missing: string; optional: string; notFilled: string };
  goToField: (label: string, status: string, row?: number) => string;
  row: (index: number) => string;

  addInstance: (part: PartName) => string;
  addRow: string;
  addRowLabel: (part: PartName) => string;
  remove: string;
  removeLabel: (title: string) => string;
  removeRowLabel: (table: string, row: number) => string;
  removeQuestion: (title: string) => string;
  removeRowQuestion: (row: number) => string;
  removeBody: (title: string, fields: number) => string;
  removeRowBody: (table: string, row: number) => string;
  undoHint: string;
  cancel: string;

  added: (part: PartName, index: number) => string;
  removed: (title: string) => string;
  removedRow: (table: string, row: number) => string;
  goToFirstField: string;

  review: {
    done: string;
    doneWarnings: (count: number) => string;
    missingCount: (count: number) => string;
    groupCount: (count: number) => string;
    next: string;
    previous: string;
    /** Announced after a step; `where` is the block instance's title, if the field is in one. */
    stepped: (label: string, position: number, total: number, where?: string) => string;
    missingTag: string;
    warningTag: string;
    addBlock: (part: PartName) => string;
    removeBlock: (title: string) => string;
  };

  comments: {
    heading: string;
    intro: string;
    insert: string;
    remove: string;
    inserted: (inserted: number, removed: number) => string;
    removed: (count: number) => string;
    unavailable: string;
    cliHint: string;
    cliCommand: string;
  };

  unknownTitle: string;
  unknownSupported: string;
  unknownHint: string;

  /** "Skapa en ny plan": Planstöd's own templates, on an empty document and on the unknown page. */
  newPlan: NewPlanText;

  /** What the Word adapter reports (its own block: src/office's codes). */
  host: HostText;

  somethingWrong: (detail: string) => string;
  unknownError: string;
  renderError: string;
}
