/**
 * The pane's text catalogues, one per language, and the React context that hands the current one
 * to every component. The catalogue follows the template's language; before a template is known
 * (empty or unknown document, errors, the chooser) it follows Word's display language: Danish
 * for da-*, Swedish otherwise.
 */
import { createContext, useContext } from "react";
import type { PaneText } from "./catalogue";
import { da } from "./da";
import { sv } from "./sv";

export type { NewPlanText, PaneText, PartName } from "./catalogue";
export { da, sv };

/** Catalogues by language code. */
const CATALOGUES: Readonly<Record<string, PaneText>> = { sv, da };

export const catalogueFor = (language: string | undefined): PaneText =>
  (language !== undefined ? CATALOGUES[language] : undefined) ?? sv;

/** The pane's language for Word's display language (Office.context.displayLanguage). */
export const languageOfDisplay = (displayLanguage: string | undefined): "sv" | "da" =>
  /^da(-|$)/i.test(displayLanguage ?? "") ? "da" : "sv";

/** The catalogue: the template's language once one is known, else Word's display language. */
export const paneCatalogue = (
  templateLanguage: string | undefined,
  displayLanguage: string | undefined,
): PaneText => catalogueFor(templateLanguage ?? languageOfDisplay(displayLanguage));

const TextContext = createContext<PaneText>(sv);

export const TextProvider = TextContext.Provider;

/** The current language's texts. */
export const useText = (): PaneText => useContext(TextContext);
