/**
 * Swedish texts for host states the pane shows besides the outline: Track Changes, a read-only
 * document, a document Word could not hand over, and cursor following that could not start.
 * (Kept apart from text.ts so the states can be added without touching the main catalogue.)
 */
export const HOST_NOTICE = {
  removedTracked:
    "Spåra ändringar är på, så borttagningen syns som en spårad ändring tills någon godkänner den.",
  addedTracked: "Spåra ändringar är på, så tillägget syns som en spårad ändring tills någon godkänner det.",
  degradedTitle: "Planstöd kunde inte läsa hela dokumentet",
  degradedOutline: "Mallens avsnitt (utan status):",
} as const;
