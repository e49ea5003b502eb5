/**
 * The pane's text catalogues, one per language, and the React context that hands the current one
 * to every component. The catalogue follows the template's language; before a template is known
 * (and for a language without a catalogue) the pane speaks Swedish.
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

const TextContext = createContext<PaneText>(sv);

export const TextProvider = TextContext.Provider;

/** The current language's texts. */
export const useText = (): PaneText => useContext(TextContext);
