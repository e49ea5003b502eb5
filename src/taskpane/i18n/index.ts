/**
 * The pane's text catalogues, one per language, and the React context that hands the current one
 * to every component. The catalogue follows the template's language; before a template is known
 * (and for a language without a catalogue) the pane speaks Swedish.
 */
import { createContext, useContext } from "react";
import type { PaneText } from "./catalogue";
import { sv } from "./sv";

export type { PaneText, PartName } from "./catalogue";
export { sv };

/** Catalogues by language code; add `da` here when the Danish catalogue exists. */
const CATALOGUES: Readonly<Record<string, PaneText>> = { sv };

export const catalogueFor = (language: string | undefined): PaneText =>
  (language !== undefined ? CATALOGUES[language] : undefined) ?? sv;

const TextContext = createContext<PaneText>(sv);

export const TextProvider = TextContext.Provider;

/** The current language's texts. */
export const useText = (): PaneText => useContext(TextContext);
