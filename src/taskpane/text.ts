/** Kept for existing imports: the Swedish catalogue. New code uses `useText()` from ./i18n. */
export { sv as TEXT } from "./i18n/sv";

/**
 * A title with its number kept on the same line as the word before it ("Utvecklingsområde 2" never
 * breaks between the two): the space before a trailing number becomes a no-break space.
 */
export const keepNumber = (title: string): string => title.replace(/ (\d+)(?=$|[\s.,:;)])/g, "\u00a0$1");
