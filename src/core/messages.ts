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
  | "not-word"
  | "part-too-large"
  | "too-many-entries"
  | "duplicate-entry"
  | "bad-entry-name"
  | "too-many-elements"
  | "too-deep"
  | "dtd"
  | "bad-encoding"
  | "unknown-encoding"
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
  "part-too-large": (detail) => {
    const [part, max] = (detail ?? "|").split("|");
    return `${part || "en del av filen"} packas upp till mer än ${max} och kontrolleras inte (gränsen skyddar mot dokument som inte går att läsa på rimlig tid).`;
  },
  "not-word": (detail) =>
    `filen är ett Office-paket men inget Word-dokument (huvuddelen är ${detail ?? "något annat"}).`,
  "too-many-entries": (detail) =>
    `filen har fler än ${detail ?? "5000"} delar och kontrolleras inte (ett Word-dokument har sällan fler än några hundra).`,
  "duplicate-entry": (detail) =>
    `filen är skadad: delen ${detail ?? ""} finns två gånger i paketet, så det går inte att veta vilken Word läser.`,
  "bad-entry-name": (detail) =>
    `filen är skadad: paketet har en del med ett ogiltigt namn (${detail ?? ""}).`,
  "too-many-elements": (detail) => {
    const [part, max] = (detail ?? "|").split("|");
    return `${part || "dokumentet"} har fler än ${Number(max).toLocaleString("sv-SE")} XML-element och kontrolleras inte (gränsen skyddar mot dokument som inte går att läsa på rimlig tid).`;
  },
  "too-deep": (detail) => {
    const [part, max] = (detail ?? "|").split("|");
    return `${part || "dokumentet"} är nästlat i mer än ${max} nivåer och kontrolleras inte (inget Word-dokument behöver så många).`;
  },
  dtd: (detail) =>
    `filen är skadad: ${detail ?? "en del"} innehåller en DTD, vilket Word inte tillåter i ett dokument.`,
  "bad-encoding": (detail) =>
    `${detail ?? "dokumentet"} innehåller byte som inte är giltig UTF-8; det kan därför inte skrivas om utan att tecken går förlorade, så inget har ändrats.`,
  "unknown-encoding": (detail) => {
    const [part, enc] = (detail ?? "|").split("|");
    return `filen är skadad: ${part || "en del"} anger en okänd teckenkodning (${enc}).`;
  },
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

/** A detail as it may appear in a one-line message: no control characters, not too long. */
function oneLine(detail: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = detail.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return clean.length > 1000 ? `${clean.slice(0, 999)}…` : clean;
}

/** An input the engine refuses, with a code the hosts map to their own behaviour. */
export class PlanstodError extends Error {
  readonly code: ProblemCode;

  constructor(code: ProblemCode, detail?: string) {
    super(problemText[code](detail === undefined ? undefined : oneLine(detail)));
    this.name = "PlanstodError";
    this.code = code;
  }
}
