import type { TemplateDef } from "../types";
import type { EngineTexts } from "./catalogue";
import { da } from "./da";
import { sv } from "./sv";

export type { EngineTexts };
export { da, sv };

/** The engine's texts in a language ("sv" or "da"). */
export function engineTexts(language: TemplateDef["language"]): EngineTexts {
  return language === "da" ? da : sv;
}
