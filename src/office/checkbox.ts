/**
 * Ticking a checklist item's box from the pane (the Danish plan's activities): WordApi 1.7's
 * ContentControl.checkboxContentControl.isChecked, set on the box tagged `<template>/<field>`,
 * then read back (one more sync) and verified. Where the client lacks WordApi 1.7 the pane
 * does not offer it (it goes to the box instead), and this refuses with a reason.
 */
import { PlanstodError } from "../core/messages";
import type { FieldKey } from "../core/outline";
import { fieldTag } from "../core/templates/layout";
import type { TemplateDef } from "../core/types";

/** The requirement set of the checkbox content control API. */
export const CHECKBOX_REQUIREMENT = { set: "WordApi", version: "1.7" } as const;

/** The texts of a refusal, in the template's language. */
const TEXT = {
  sv: {
    unsupported:
      "Den här versionen av Word kan inte markera rutan åt Planstöd (WordApi 1.7 krävs). Klicka i rutan i dokumentet.",
    notFound: "Planstöd hittade inte rutan i dokumentet. Uppdatera och försök igen.",
    notVerified: "Word markerade inte rutan som Planstöd bad om. Klicka i rutan i dokumentet.",
  },
  da: {
    unsupported:
      "Denne version af Word kan ikke markere feltet for Planstöd (WordApi 1.7 kræves). Klik i feltet i dokumentet.",
    notFound: "Planstöd fandt ikke afkrydsningsfeltet i dokumentet. Opdater, og prøv igen.",
    notVerified: "Word markerede ikke feltet, som Planstöd bad om. Klik i feltet i dokumentet.",
  },
} as const;

const textOf = (template: TemplateDef) => TEXT[template.language === "da" ? "da" : "sv"];

/** Whether this client has the checkbox API (never throws). */
export function canTick(office: typeof Office): boolean {
  try {
    return (
      office.context.requirements.isSetSupported(CHECKBOX_REQUIREMENT.set, CHECKBOX_REQUIREMENT.version) ===
      true
    );
  } catch {
    return false;
  }
}

/** What the operation needs of the adapter: its Word.run, with Office errors worded. */
export interface CheckboxSession {
  office: typeof Office;
  run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Finds the box (1 sync), sets it to `checked` (1), reads it back (1) and refuses, with a reason in the template's language, when Word does not hold what was asked.
 */
export async function setCheckbox(
  session: CheckboxSession,
  template: TemplateDef,
  field: FieldKey,
  checked: boolean,
): Promise<void> {
  const t = textOf(template);
  const def = field.block ? undefined : template.fields.find((f) => f.id === field.id);
  if (def?.control?.kind !== "checkbox") throw new PlanstodError("word", t.notFound);
  if (!canTick(session.office)) throw new PlanstodError("word", t.unsupported);
  const tag = fieldTag(template.id, field.id);
  const now = await session.run(async (context) => {
    // contentControls holds rich-text controls only: check boxes are asked for by type.
    const controls = context.document.getContentControls({ types: ["CheckBox" as Word.ContentControlType] });
    controls.load("items/id,items/tag");
    await context.sync();
    // One box per item; a copy pasted twice is ambiguous: refuse rather than tick the wrong one.
    const boxes = controls.items.filter((c) => c.tag === tag);
    if (boxes.length !== 1) throw new PlanstodError("word", t.notFound);
    const box = boxes[0].checkboxContentControl;
    box.isChecked = checked;
    await context.sync();
    // Read back from Word after the write.
    box.load("isChecked");
    await context.sync();
    return box.isChecked;
  });
  if (now !== checked) throw new PlanstodError("word", t.notVerified);
}
