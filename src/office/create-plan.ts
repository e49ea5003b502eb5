import { PlanstodError } from "../core/messages";
import { generatedTemplate } from "../core/templates";
import { readParts } from "../ooxml/read/recognise";
import { isEmptyBody } from "../ooxml/read/empty-body";
import { FlatOpc } from "../ooxml/package/flat-opc";
import { officeErrorText } from "./errors";

/**
 * "Skapa en ny plan": inserts one of Planstöd's own templates into an empty Word document.
 * Needs WordApi 1.1 (Body.getOoxml, Body.insertOoxml); the core title is set where WordApi 1.3
 * (Document.properties) is there. Two round trips: read and check that the body is empty, then
 * insert at its start (never "Replace": should the user type meanwhile, their text stays).
 */

export const CREATE_REQUIREMENT = { set: "WordApi", version: "1.1" } as const;

export const CREATE_TEXT = {
  sv: {
    unsupported:
      "Den här versionen av Word kan inte ta emot en ny plan från tillägg (WordApi 1.1 saknas). Skapa planen med planstod new och öppna filen i Word.",
    notEmpty: "Dokumentet innehåller redan något. Planstöd skapar en ny plan bara i ett tomt dokument.",
    unknown: "Planstöd känner inte till den mallen.",
    notRecognised:
      "Planen infogades men Planstöd känner inte igen den. Kontrollera dokumentet och ångra vid behov (Ctrl+Z).",
  },
  da: {
    unsupported:
      "Denne version af Word kan ikke modtage en ny plan fra tilføjelsesprogrammer (WordApi 1.1 mangler). Opret planen med planstod new, og åbn filen i Word.",
    notEmpty: "Dokumentet indeholder allerede noget. Planstöd opretter kun en ny plan i et tomt dokument.",
    unknown: "Planstöd kender ikke den skabelon.",
    notRecognised:
      "Planen blev indsat, men Planstöd genkender den ikke. Kontrollér dokumentet, og fortryd om nødvendigt (Ctrl+Z).",
  },
} as const;

export interface CreateApis {
  Word: typeof Word;
  Office: typeof Office;
}

/** Whether the client can insert a plan; never throws. */
export function canCreatePlan(office: typeof Office): boolean {
  try {
    return (
      office.context.requirements.isSetSupported(CREATE_REQUIREMENT.set, CREATE_REQUIREMENT.version) === true
    );
  } catch {
    return false;
  }
}

function supports13(office: typeof Office): boolean {
  try {
    return office.context.requirements.isSetSupported("WordApi", "1.3") === true;
  } catch {
    return false;
  }
}

/** Inserts the template's document into the (empty) body. Throws PlanstodError when refused. */
export async function insertPlan(apis: CreateApis, templateId: string): Promise<void> {
  // The generator is a chunk of its own in the pane: only needed when a plan is created.
  const { planFlatOpc } = await import(/* webpackChunkName: "new-plan" */ "../ooxml/generate/flat");
  const generated = generatedTemplate(templateId);
  if (!generated) throw new PlanstodError("word", CREATE_TEXT.sv.unknown);
  const text = CREATE_TEXT[generated.template.language];
  if (!canCreatePlan(apis.Office)) throw new PlanstodError("word", text.unsupported);
  try {
    await apis.Word.run(async (context) => {
      const body = context.document.body;
      const ooxml = body.getOoxml();
      await context.sync();
      const read = await readParts(new FlatOpc(ooxml.value));
      if (!isEmptyBody(read.body)) throw new PlanstodError("word", text.notEmpty);
      body.insertOoxml(planFlatOpc(generated), "Start");
      const properties = supports13(apis.Office) ? context.document.properties : undefined;
      if (properties) properties.title = generated.template.title ?? generated.template.name;
      await context.sync();
    });
  } catch (error) {
    if (error instanceof PlanstodError) throw error;
    throw new PlanstodError("word", officeErrorText(error));
  }
}
