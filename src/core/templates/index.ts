import type { TemplateDef, TemplateId } from "../types";
import { dkImplementeringsplan, dkImplementeringsplanDocument } from "./dk-implementeringsplan";
import { ikoHandlingsplan } from "./iko";
import type { GeneratedTemplate } from "./layout";
import { skolverketAtgardsplan } from "./skolverket";
import { trsVerksamhetsplan, trsVerksamhetsplanDocument } from "./trs-verksamhetsplan";
import { utbildningsinsats, utbildningsinsatsDocument } from "./utbildningsinsats";

export {
  dkImplementeringsplan,
  ikoHandlingsplan,
  skolverketAtgardsplan,
  trsVerksamhetsplan,
  utbildningsinsats,
};
export type { GeneratedTemplate };

/** Every template the engine knows, in the order recognition tries them. */
export const TEMPLATES: readonly TemplateDef[] = [
  skolverketAtgardsplan,
  ikoHandlingsplan,
  dkImplementeringsplan,
  trsVerksamhetsplan,
  utbildningsinsats,
];

/** The templates Planstöd creates as new documents (`planstod new`, "Skapa en ny plan"). */
export const GENERATED_TEMPLATES: readonly GeneratedTemplate[] = [
  dkImplementeringsplanDocument,
  trsVerksamhetsplanDocument,
  utbildningsinsatsDocument,
];

export function templateById(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export function generatedTemplate(id: string): GeneratedTemplate | undefined {
  return GENERATED_TEMPLATES.find((g) => g.template.id === id);
}

export function isTemplateId(id: string): id is TemplateId {
  return templateById(id) !== undefined;
}
