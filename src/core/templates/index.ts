import type { TemplateDef, TemplateId } from "../types";
import { ikoHandlingsplan } from "./iko";
import { skolverketAtgardsplan } from "./skolverket";

export { ikoHandlingsplan, skolverketAtgardsplan };

/** Every template the engine knows, in the order recognition tries them. */
export const TEMPLATES: readonly TemplateDef[] = [skolverketAtgardsplan, ikoHandlingsplan];

export function templateById(id: string): TemplateDef | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export function isTemplateId(id: string): id is TemplateId {
  return templateById(id) !== undefined;
}
