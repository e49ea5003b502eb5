/**
 * Ticking a checklist item's box from the pane (the Danish plan's activities): WordApi 1.7's
 * ContentControl.checkboxContentControl.isChecked, set on the box tagged `<template>/<field>`,
 * then read back (one more sync) and verified. Where the client lacks WordApi 1.7 the pane
 * does not offer it (it goes to the box instead), and this refuses with a reason.
 */
import type { FieldKey } from "../core/outline";
import { fieldTag } from "../core/templates/layout";
import type { TemplateDef } from "../core/types";
import { has, REQUIREMENTS } from "./capabilities";
import { problem } from "./problems";
import type { Session } from "./session";

/** Whether this client has the checkbox API (never throws). */
export const canTick = (office: typeof Office): boolean => has(office, REQUIREMENTS.checkbox);

/**
 * Finds the box (1 sync), sets it to `checked` (1), reads it back (1) and refuses, with a reason in the template's language, when Word does not hold what was asked.
 */
export async function setCheckbox(
  session: Session,
  template: TemplateDef,
  field: FieldKey,
  checked: boolean,
): Promise<void> {
  const def = field.block ? undefined : template.fields.find((f) => f.id === field.id);
  if (def?.control?.kind !== "checkbox") throw problem("checkbox-not-found");
  if (!canTick(session.apis.Office)) throw problem("checkbox-unsupported");
  const tag = fieldTag(template.id, field.id);
  const now = await session.run(async (context) => {
    // contentControls holds rich-text controls only: check boxes are asked for by type.
    const controls = context.document.getContentControls({ types: ["CheckBox" as Word.ContentControlType] });
    controls.load("items/id,items/tag");
    await context.sync();
    // One box per item; a copy pasted twice is ambiguous: refuse rather than tick the wrong one.
    const boxes = controls.items.filter((c) => c.tag === tag);
    if (boxes.length !== 1) throw problem("checkbox-not-found");
    const box = boxes[0].checkboxContentControl;
    box.isChecked = checked;
    await context.sync();
    // Read back from Word after the write.
    box.load("isChecked");
    await context.sync();
    return box.isChecked;
  });
  if (now !== checked) throw problem("checkbox-not-verified");
}
