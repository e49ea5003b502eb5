import { TEMPLATES } from "./templates";
import type { TemplateDef } from "./types";

/**
 * Block names as users write them: `planstod add plan.docx utvecklingsområde` as well as the id
 * `utvecklingsomrade`, and a block's name as the template prints it ("Vem tog fram
 * handlingsplanen?", "Mål- och handlingsplan"), in any case, with å, ä, ö (or without), spaces or
 * underscores. Pure; the command line resolves with it, and so can any other host.
 */

/** A name folded for comparison: lower case, å/ä→a, ö/ø→o, æ→ae, runs of anything else → "_". */
export function foldBlockName(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/[åäàáâ]/g, "a")
    .replace(/[öøóò]/g, "o")
    .replace(/æ/g, "ae")
    .replace(/[éèê]/g, "e")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * The block type id a user's name stands for, among the blocks of `templates` (every template by
 * default), or the input unchanged when it names none (the engine then says which blocks there are).
 */
export function resolveBlockType(input: string, templates: readonly TemplateDef[] = TEMPLATES): string {
  const wanted = foldBlockName(input);
  if (wanted === "") return input;
  for (const template of templates)
    for (const block of template.blocks)
      if (foldBlockName(block.type) === wanted || foldBlockName(block.name) === wanted) return block.type;
  return input;
}
