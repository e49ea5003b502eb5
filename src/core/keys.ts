/**
 * Keys as values. A field is `{ id, block }` (FieldKey, core/outline.ts) and compared with
 * `sameField`; an outline entry (a section, or one instance of a repeated block) is
 * `{ sectionId, index }` and its string form — React keys, element ids, the pane's open items —
 * is built here and only here, by `outlineKey`. Nothing parses it back: an entry carries its
 * section id and index as values (OutlineEntry.sectionId, .block.index).
 */

/** A section of the outline, or instance `index` (from 1) of a repeated block's section. */
export interface OutlineRef {
  sectionId: string;
  index: number | null;
}

/** The string form of an outline entry's key: "sectionId", or "sectionId#index" for an instance. */
export const outlineKey = (ref: OutlineRef): string =>
  ref.index === null ? ref.sectionId : `${ref.sectionId}#${ref.index}`;

/** A field's string form, for maps keyed by field (a dropdown's choices as the document holds them). */
export const fieldKeyString = (field: {
  id: string;
  block: { type: string; index: number } | null;
}): string => (field.block ? `${field.block.type}#${field.block.index}/${field.id}` : field.id);
