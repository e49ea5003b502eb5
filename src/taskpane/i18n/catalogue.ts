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

/** Why the number of required fields changed (core/review.ts requiredChange), to word. */
export interface RequiredChangeText {
  before: number;
  after: number;
  used: string[];
  unused: string[];
  added: string[];
  removed: string[];
}

export interface PaneText {
  /** The catalogue's language, for the pane's lang attribute. */
  locale: "sv-SE" | "da-DK";
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
  /** The self-test page's entry in the Om Planstöd menu (a support tool). */
  selfTestLink: string;
  /** The small "Om Planstöd" menu: version, user guide, support and privacy pages, the self-test. */
  about: {
    menu: string;
    version: (version: string) => string;
    guide: string;
    support: string;
    privacy: string;
  };
  /** Track Changes is on: how an add or a removal shows in the document. */
  tracked: { added: string; removed: string };
  /** Word could not hand over the document. */
  degraded: { title: string; outline: string };
  missingTitle: string;
  dismiss: string;

  views: { label: string; outline: string; review: string };
  outlineLabel: string;

  summary: (filled: number, total: number) => string;
  /** What the total counts, so that it can be trusted when it changes. */
  summaryExplained: string;
  /** The button that unfolds summaryExplained. */
  summaryExplainedToggle: string;
  /** Why the number of required fields is not what it was. */
  requiredChanged: (change: RequiredChangeText) => string;
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
  /** Before a dropdown's choices. */
  choices: string;
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
  /** After a removal of a block instance that had later ones: they now have new numbers. */
  renumbered: string;
  goToFirstField: string;

  /** A checklist (checkbox fields) under its section: its count, its items' states. */
  checklist: {
    count: (done: number, total: number) => string;
    label: (section: string) => string;
    /** Where Word cannot tick the box for Planstöd: the item goes to the box. */
    goToBox: (label: string) => string;
    ticked: (label: string, checked: boolean) => string;
    checked: string;
    unchecked: string;
  };

  review: {
    /** Nothing must be fixed. */
    ready: string;
    /** What to look at still, when ready. */
    readyShould: (count: number) => string;
    notReady: (missing: number) => string;
    mustHeading: string;
    shouldHeading: string;
    /** Warnings never make a plan incomplete. */
    shouldNote: string;
    done: string;
    doneWarnings: (count: number) => string;
    missingCount: (count: number) => string;
    groupCount: (count: number) => string;
    next: string;
    previous: string;
    /** The step's position ("3 av 18") and its spoken form. */
    position: (position: number, total: number) => string;
    positionLabel: (position: number, total: number) => string;
    /** How many items there are before the first step. */
    itemCount: (total: number) => string;
    /** The walk started over (forwards from the start, backwards from the end). */
    wrapped: (dir: 1 | -1) => string;
    goTo: string;
    /** "Gå till uppföljning 1": the warning's fix is to fill that empty instance. */
    goToBlock: (title: string) => string;
    /** A field whose label is its section's title ("Tidplan" in Tidplan). */
    fillField: string;
    removeInstruction: string;
    removeInstructionLabel: (instruction: string) => string;
    instructionRemoved: string;
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
