import { sv } from "./i18n/sv";

/**
 * Swedish texts the engine produces, in one place so that the task pane and the command
 * line say the same thing. Texts that depend on the template's language live in src/core/i18n/.
 */

/** The Swedish warnings (src/core/i18n/ has every language's; evaluate picks the template's). */
export const warningText = sv.warnings;

/** Why a file could not be checked; each code has one clear Swedish reason. */
export type ProblemCode =
  | "empty"
  | "not-zip"
  | "damaged"
  | "encrypted"
  | "legacy-doc"
  | "too-large"
  | "not-docx"
  | "bad-xml"
  | "unknown-template"
  | "unknown-template-id"
  | "block-refused"
  | "edit-unsafe"
  | "word";

export const problemText: Record<ProblemCode, (detail?: string) => string> = {
  empty: () => "filen är tom.",
  "not-zip": () => "filen är inte ett Word-dokument (.docx).",
  damaged: () => "filen är skadad eller ofullständig och kan inte öppnas som .docx.",
  encrypted: () => "filen är lösenordsskyddad (krypterad). Ta bort lösenordet i Word och försök igen.",
  "legacy-doc": () => "filen är i Words äldre format (.doc). Spara den som .docx i Word och försök igen.",
  "too-large": (detail) =>
    `filen packas upp till mer än ${detail ?? "200 MB"} och kontrolleras inte (skydd mot så kallade zip-bomber).`,
  "not-docx": () => "filen är ett zip-arkiv men inget Word-dokument (word/document.xml saknas).",
  "bad-xml": (detail) => `filen är skadad: ${detail ?? "dokumentets XML"} går inte att läsa.`,
  "unknown-template": () =>
    "dokumentet är ingen av de mallar Planstöd känner igen (Skolverkets åtgärdsplan, IKO:s handlingsplan, eller en plan som Planstöd har skapat).",
  "block-refused": (detail) => detail ?? "blockändringen kan inte göras.",
  word: (detail) => detail ?? "Word kunde inte utföra åtgärden.",
  "edit-unsafe": () =>
    "ändringen kunde inte göras utan risk att text försvinner, så inget har ändrats. Rapportera gärna felet.",
  "unknown-template-id": (detail) =>
    `okänd mall ”${detail ?? ""}”. Giltiga mallar: skolverket-atgardsplan, iko-handlingsplan, dk-implementeringsplan, trs-verksamhetsplan, utbildningsinsats.`,
};

/** Why a block operation is refused, in Swedish (the detail of a "block-refused" problem). */
export const blockText = sv.blocks;

/** An input the engine refuses, with a code the hosts map to their own behaviour. */
export class PlanstodError extends Error {
  readonly code: ProblemCode;

  constructor(code: ProblemCode, detail?: string) {
    super(problemText[code](detail));
    this.name = "PlanstodError";
    this.code = code;
  }
}
