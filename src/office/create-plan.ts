import { generatedTemplate } from "../core/templates";
import { readParts } from "../ooxml/read/recognise";
import { isEmptyBody } from "../ooxml/read/empty-body";
import { FlatOpc } from "../ooxml/package/flat-opc";
import type { Snapshot } from "../taskpane/host";
import type { OfficeApis } from "./apis";
import { has, REQUIREMENTS } from "./capabilities";
import { asProblem, problem } from "./problems";
import { readDocument } from "./read";
import type { Session } from "./session";

/**
 * "Skapa en ny plan": inserts one of Planstöd's own templates into an empty Word document.
 * Needs WordApi 1.1 (Body.getOoxml, Body.insertOoxml); the core title is set where WordApi 1.3
 * (Document.properties) is there. Two round trips: read and check that the body is empty, then
 * insert at its start (never "Replace": should the user type meanwhile, their text stays).
 */

/** Whether the client can insert a plan (WordApi 1.1); never throws. */
export const canCreatePlan = (office: typeof Office): boolean => has(office, REQUIREMENTS.create);

/** Inserts the template's document into the (empty) body. Throws PlanstodError when refused. */
export async function insertPlan(apis: OfficeApis, templateId: string): Promise<void> {
  // The generator is a chunk of its own in the pane: only needed when a plan is created.
  const { planFlatOpc } = await import(/* webpackChunkName: "new-plan" */ "../ooxml/generate/flat");
  const generated = generatedTemplate(templateId);
  if (!generated) throw problem("create-unknown-template");
  const language = generated.template.language === "da" ? "da" : "sv";
  if (!canCreatePlan(apis.Office)) throw problem("create-unsupported", undefined, language);
  try {
    await apis.Word.run(async (context) => {
      const body = context.document.body;
      const ooxml = body.getOoxml();
      await context.sync();
      const read = await readParts(new FlatOpc(ooxml.value));
      if (!isEmptyBody(read.body)) throw problem("create-not-empty", undefined, language);
      body.insertOoxml(planFlatOpc(generated), "Start");
      const properties = has(apis.Office, REQUIREMENTS.properties) ? context.document.properties : undefined;
      if (properties) properties.title = generated.template.title ?? generated.template.name;
      await context.sync();
    });
  } catch (error) {
    throw asProblem(error, apis.Office);
  }
}

/** Inserts a new plan of one of Planstöd's own templates into an empty document, then reads it. */
export async function createPlan(session: Session, templateId: string): Promise<Snapshot> {
  await insertPlan(session.apis, templateId);
  const snapshot = await readDocument(session);
  if (snapshot.template?.id !== templateId) {
    const language = snapshot.template?.language === "da" || templateId.startsWith("dk-") ? "da" : "sv";
    throw problem("create-not-recognised", undefined, language);
  }
  return snapshot;
}
