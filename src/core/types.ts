/**
 * Types shared by the rule engine and its hosts. Pure data: nothing here knows about
 * Word, OOXML, React or the file system.
 */

export type TemplateId =
  | "skolverket-atgardsplan"
  | "iko-handlingsplan"
  | "dk-implementeringsplan"
  | "trs-verksamhetsplan"
  | "utbildningsinsats";

/** How a field's label is matched against a paragraph of the document. */
export type AnchorMatch =
  /** The whole paragraph is the label (a trailing colon is optional). */
  | "exact"
  /** The paragraph starts with the label; what follows the label in that paragraph is the answer. */
  | "prefix";

/** Where a field's answer stands relative to its label. */
export type Locator =
  /**
   * Above the title: the date picker and the organiser's name. `date` marks the date field;
   * `placeholder` is the text the control shows while empty.
   */
  | { kind: "top"; date: boolean; placeholder: string }
  /**
   * After the label paragraph, up to the next anchor (inside the label's table if it has one).
   * `match` defaults to "prefix" for a label ending in a colon, else "exact".
   */
  | { kind: "after"; anchor: string; match?: AnchorMatch }
  /** In a table: the cells of the label's grid column in the rows below it, up to the next anchor row. */
  | { kind: "below"; anchor: string };

/** The content control a template uses for an answer; Planstöd recreates it in fresh blocks. */
export interface ControlDef {
  kind: "richText" | "plainText" | "dropDownList" | "date" | "checkbox";
  placeholder: string;
  /** The control stands in the label's paragraph, after the label (a run-level control). */
  inline?: boolean;
  /** Cell-level control (wrapping the table cell), as the template's answer cells are. */
  cell?: boolean;
  /** List items of a dropdown, used when no dropdown of the template is left to copy. */
  items?: readonly string[];
}

export interface FieldDef {
  id: string;
  /** The label as the template prints it (used in reports). */
  label: string;
  required: boolean;
  locate: Locator;
  /** The template's own guidance text and questions for this field. */
  guidance?: readonly string[];
  /** The answer's content control in the template, if it has one. */
  control?: ControlDef;
}

/** A block the user repeats: an utvecklingsområde table, an uppföljning block. */
export interface InstanceBlockDef {
  kind: "instances";
  type: string;
  /** Swedish singular name, e.g. "Utvecklingsområde". */
  name: string;
  fields: readonly FieldDef[];
  guidance?: readonly string[];
}

/** A table whose answer rows are the instances, e.g. "Vem tog fram handlingsplanen?". */
export interface RowBlockDef {
  kind: "rows";
  type: string;
  name: string;
  /** The header row's cell texts, in order; a table with a row that matches them is this block (read/extract.ts, headerColumns). */
  columns: readonly { id: string; label: string }[];
  guidance?: readonly string[];
  /** The content control each answer cell holds (Planstöd's own templates); fresh rows get one too. */
  control?: ControlDef;
}

export type BlockDef = InstanceBlockDef | RowBlockDef;

/** One entry of the outline shown to the user: a section of single fields, or a block type. */
export type SectionDef =
  | { kind: "fields"; id: string; title: string; fieldIds: readonly string[]; guidance?: readonly string[] }
  | { kind: "block"; id: string; blockType: string; guidance?: readonly string[] };

export interface BlockCountRule {
  code: string;
  /** Warn when fewer used instances of `fewer` than of `than`. */
  fewer: string;
  than: string;
  message: (fewer: number, than: number) => string;
}

export interface TemplateDef {
  id: TemplateId;
  /** Display name, in the template's language. */
  name: string;
  language: "sv" | "da";
  /** The document's title paragraph; `top` fields stand above it. */
  title?: string;
  /** The template's guidance for the plan as a whole (questions above the first section). */
  guidance?: readonly string[];
  fields: readonly FieldDef[];
  blocks: readonly BlockDef[];
  sections: readonly SectionDef[];
  /** Headings and other fixed paragraphs that end a field's region and help recognition. */
  headings: readonly string[];
  /** Fixed template text that is never the user's answer (guidance, notes). */
  templateText: readonly string[];
  /** Texts a control shows while empty; removed wherever they occur. */
  placeholders: readonly string[];
  /** Pre-printed prompts at the start of an answer paragraph ("Skriv här:", "Mål 1:"). */
  prompts: readonly string[];
  /** Instructions meant to be deleted by the user; their presence is a warning. */
  instructions: readonly string[];
  blockCountRules?: readonly BlockCountRule[];
}

export interface BlockRef {
  type: string;
  index: number;
}

/** Where an extracted field was found; hosts use it to navigate. Opaque to the rules. */
export interface FieldLocation {
  /** Document-order index of the paragraph holding the label (or the control), if any. */
  anchor: number | null;
  /** Document-order indexes of the paragraphs that make up the answer. */
  paragraphs: readonly number[];
  /** The w:id of the content control holding the answer, when there is one. */
  controlId: string | null;
  part: "body" | "header";
}

/** A field as read from a document, before the completeness rules run. */
export interface ExtractedField {
  id: string;
  /** The user's text (template text, prompts and placeholders removed). Empty when not filled. */
  text: string;
  /** False when the field's label or control could not be found at all. */
  found: boolean;
  location: FieldLocation | null;
}

export type ExtractedInstance = Readonly<Record<string, ExtractedField>>;

export interface ExtractedDocument {
  template: TemplateId;
  fields: Readonly<Record<string, ExtractedField>>;
  blocks: Readonly<Record<string, readonly ExtractedInstance[]>>;
  /** Instruction texts still present as live (not deleted) text, in document order. */
  instructions: readonly string[];
}

export interface FieldState {
  id: string;
  block: BlockRef | null;
  required: boolean;
  filled: boolean;
  label: string;
}

export interface MissingField {
  id: string;
  block: BlockRef | null;
  label: string;
}

export interface Warning {
  code: string;
  block?: BlockRef;
  message: string;
}

export interface SectionState {
  id: string;
  title: string;
  block: BlockRef | null;
  status: "ifylld" | "tom" | "delvis";
  /** False for a later block instance that is wholly empty (unused). */
  used: boolean;
  fields: readonly FieldState[];
}

export interface Report {
  template: TemplateId;
  templateName: string;
  complete: boolean;
  blocks: Record<string, number>;
  fields: FieldState[];
  missing: MissingField[];
  warnings: Warning[];
  requiredTotal: number;
  requiredFilled: number;
  sections: SectionState[];
}
