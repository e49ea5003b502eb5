/** Kept for existing imports: the Swedish catalogue. New code uses `useText()` from ./i18n. */
export { sv as TEXT } from "./i18n/sv";
