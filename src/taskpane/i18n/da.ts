/**
 * The pane's Danish texts, for the Danish template (dk-implementeringsplan). The wording follows
 * the seed's own Danish (seed 002: "fase", "aktivitet", "implementeringsproces") and Microsoft's
 * Danish Word ("Word til internettet", "Fortryd", fanen "Hjem"). An entry of the outline is an
 * "afsnit", a place for an answer a "felt"; a field is "udfyldt", or "mangler".
 */
import type { PaneText, PartName } from "./catalogue";

const lower = (text: string): string => text.charAt(0).toLocaleLowerCase("da-DK") + text.slice(1);

const table = (name: string): string => `”${name}”`;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** "a, b og c" */
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;

const addInstance = (part: PartName): string => `Tilføj ${lower(part.name)}`;

export const da: PaneText = {
  locale: "da-DK",
  title: "Planstöd",
  intro: "Åbn en plan, som Planstöd kender, i Word, så hjælper Planstöd dig med at udfylde og gennemgå den.",
  unsupported:
    "Denne version af Word understøtter ikke Planstöd (WordApi 1.3 kræves). Brug Word til internettet eller en nyere version af Word.",
  outsideWord:
    "Siden er åbnet uden for Word, så den kan ikke læse et dokument. Tilføj Planstöd i Word, og åbn det fra fanen Hjem.",
  userGuide: "Læs brugervejledningen (på svensk)",

  loading: "Læser dokumentet…",
  working: "Ændrer dokumentet…",
  refresh: "Opdater",
  refreshLabel: "Læs dokumentet igen",
  selfTestLink: "Selvtest for Word",
  about: {
    menu: "Om Planstöd",
    version: (version) => `Planstöd version ${version}`,
    guide: "Brugervejledning",
    support: "Support",
    privacy: "Privatliv",
  },
  tracked: {
    added:
      "Spor ændringer er slået til, så tilføjelsen vises som en sporet ændring, indtil nogen accepterer den.",
    removed:
      "Spor ændringer er slået til, så sletningen vises som en sporet ændring, indtil nogen accepterer den.",
  },
  degraded: {
    title: "Planstöd kunne ikke læse hele dokumentet",
    outline: "Skabelonens afsnit (uden status):",
  },
  missingTitle: "Ikke alt virker i denne version af Word",
  dismiss: "Luk meddelelsen",

  views: { label: "Vis", outline: "Afsnit", review: "Gennemgå" },
  outlineLabel: "Skabelonens afsnit",

  summary: (filled, total) => `${filled} af ${total} obligatoriske felter udfyldt`,
  summaryExplained:
    "Tæller alle obligatoriske felter, også i de rækker, der bruges. En tilføjet række, der endnu ikke er udfyldt, tælles ikke med.",
  summaryExplainedToggle: "Hvad tælles med?",
  requiredChanged: (c) => {
    const why = [
      ...c.used.map((t) => `${lower(t)} bruges nu`),
      ...c.unused.map((t) => `${lower(t)} bruges ikke længere`),
      ...c.added.map((t) => `en ${lower(t)} er tilføjet`),
      ...c.removed.map((t) => `en ${lower(t)} er slettet`),
    ];
    return `Antallet af obligatoriske felter er nu ${c.after} (var ${c.before})${why.length ? `: ${list(why)}` : ""}.`;
  },
  complete: "Dokumentet er komplet.",
  incomplete: "Dokumentet er ikke komplet.",
  warnings: (count) => plural(count, "advarsel", "advarsler"),
  refreshed: (changed) =>
    changed ? "Dokumentet er læst igen." : "Dokumentet er læst igen. Intet er ændret siden sidst.",

  status: {
    ifylld: "Udfyldt",
    delvis: "Delvist udfyldt",
    tom: "Ikke udfyldt",
    optional: "Valgfrit",
    unused: "Bruges ikke",
    fresh: "Ny",
  },
  templateQuestions: "Skabelonens spørgsmål til hele planen",
  followsUp: (title) => `Følger op på indsatsen i ${lower(title)}`,

  field: {
    filled: "udfyldt",
    missing: "mangler",
    optional: "valgfrit, ikke udfyldt",
    notFilled: "ikke udfyldt",
  },
  goToField: (label, status, row) =>
    `Gå til feltet ”${label}”${row === undefined ? "" : ` i række ${row}`} (${status})`,
  row: (index) => `Række ${index}`,
  choices: "Du kan vælge mellem:",

  addInstance,
  addRow: "Tilføj række",
  addRowLabel: (part) => `Tilføj en række i tabellen ${table(part.name)}`,
  remove: "Slet",
  removeLabel: (title) => `Slet ${lower(title)}`,
  removeRowLabel: (name, row) => `Slet række ${row} i tabellen ${table(name)}`,
  removeQuestion: (title) => `Slet ${lower(title)}?`,
  removeRowQuestion: (row) => `Slet række ${row}?`,
  removeBody: (title, fields) =>
    `${title} slettes fra dokumentet med alle sine ${fields} felter. Ingen af felterne er udfyldt.`,
  removeRowBody: (name, row) =>
    `Række ${row} i tabellen ${table(name)} slettes fra dokumentet. Ingen af dens celler er udfyldt.`,
  undoHint: "Du kan fortryde sletningen i Word med Ctrl+Z.",
  cancel: "Annuller",

  added: (part, index) =>
    part.kind === "rows"
      ? `Række ${index} i tabellen ${table(part.name)} er tilføjet.`
      : `${part.name} ${index} er tilføjet.`,
  removed: (title) => `${title} er slettet.`,
  removedRow: (name, row) => `Række ${row} i tabellen ${table(name)} er slettet.`,
  renumbered: "De efterfølgende har fået nye numre.",
  goToFirstField: "Gå til det første felt",

  checklist: {
    count: (done, total) => `${done} af ${total} gennemført`,
    label: (section) => `Tjekliste: ${section}`,
    goToBox: (label) => `Gå til afkrydsningsfeltet for ”${label}”`,
    checked: "markeret",
    unchecked: "ikke markeret",
    ticked: (label, checked) =>
      `”${label}” er ${checked ? "markeret som gennemført" : "ikke længere markeret"}.`,
  },

  review: {
    ready: "Klar til at sende: alle obligatoriske felter er udfyldt.",
    readyShould: (count) =>
      count === 1
        ? "Se gerne det, der bør rettes, igennem nedenfor."
        : `Se gerne de ${count} punkter nedenfor igennem.`,
    notReady: (missing) =>
      `Ikke klar til at sende: ${missing === 1 ? "1 obligatorisk felt mangler" : `${missing} obligatoriske felter mangler`}.`,
    mustHeading: "Skal rettes",
    shouldHeading: "Bør rettes",
    shouldNote: "Advarsler gør aldrig planen ufuldstændig, men se dem igennem, før du sender den.",
    position: (position, total) => `${position} af ${total}`,
    positionLabel: (position, total) => `Punkt ${position} af ${total}`,
    itemCount: (total) => plural(total, "punkt", "punkter"),
    wrapped: (dir) => (dir === 1 ? "Startede forfra fra begyndelsen." : "Startede forfra fra slutningen."),
    goTo: "Gå til",
    goToBlock: (title) => `Gå til ${lower(title)}`,
    fillField: "Gå til feltet",
    removeInstruction: "Slet instruktionen",
    removeInstructionLabel: (instruction) => `Slet instruktionen ”${instruction}”`,
    instructionRemoved: "Instruktionen er slettet. Du kan fortryde det i Word med Ctrl+Z.",
    done: "Alle obligatoriske felter er udfyldt.",
    doneWarnings: (count) =>
      count === 1
        ? "Se advarslen nedenfor igennem, før planen afleveres."
        : `Se de ${count} advarsler nedenfor igennem, før planen afleveres.`,
    missingCount: (count) =>
      count === 1 ? "1 obligatorisk felt mangler" : `${count} obligatoriske felter mangler`,
    groupCount: (count) => plural(count, "punkt", "punkter"),
    next: "Næste",
    previous: "Forrige",
    stepped: (label, position, total, where) =>
      `${position} af ${total}: ${label}${where === undefined ? "" : ` (${lower(where)})`}`,
    missingTag: "Mangler",
    warningTag: "Advarsel",
    addBlock: addInstance,
    removeBlock: (title) => `Slet ${lower(title)}`,
  },

  comments: {
    heading: "Kommentarer i dokumentet",
    intro:
      "Indsæt gennemgangen som kommentarer i Word, så den, der læser planen uden Planstöd, kan se, hvad der mangler. Planstöds kommentarer begynder med [Planstöd]. Andres kommentarer og svar røres aldrig.",
    insert: "Indsæt gennemgangen som kommentarer",
    remove: "Slet Planstöds kommentarer",
    inserted: (inserted, removed) =>
      `${plural(inserted, "kommentar", "kommentarer")} er indsat i dokumentet.` +
      (removed > 0
        ? ` ${plural(removed, "tidligere kommentar", "tidligere kommentarer")} fra Planstöd er erstattet.`
        : ""),
    removed: (count) =>
      count === 0
        ? "Der var ingen kommentarer fra Planstöd at slette."
        : `${plural(count, "kommentar", "kommentarer")} fra Planstöd er slettet. Andres kommentarer er der stadig.`,
    unavailable: "Denne version af Word kan ikke indsætte kommentarer for Planstöd (WordApi 1.4 kræves).",
    cliHint:
      "Du kan i stedet skrive gennemgangen som kommentarer i en kopi af filen med Planstöds kommandolinjeværktøj:",
    cliCommand: "planstod check FIL.docx --comments -o UD.docx",
  },

  unknownTitle: "Planstöd genkender ikke dette dokument.",
  unknownSupported: "Planstöd virker med disse skabeloner:",
  unknownHint:
    "Åbn den oprindelige skabelon eller et dokument, du har lavet ud fra den, og vælg Opdater. Skabelonens overskrifter og ledetekster skal stå der, for at Planstöd kan finde felterne.",

  newPlan: {
    heading: "Opret en ny plan",
    intro:
      "Dokumentet er tomt. Vælg en plan, så indsætter Planstöd den her med overskrifter, skabelonens spørgsmål og felter at skrive i.",
    unsupported:
      "Denne version af Word kan ikke modtage en ny plan fra Planstöd. Opret planen med kommandoen planstod new, og åbn filen i Word.",
    language: (locale) => (locale === "da-DK" ? "På dansk" : "På svensk"),
    create: "Opret",
    createLabel: (name) => `Opret ${name}`,
    created: (name) =>
      `${name} er oprettet. Udfyld den afsnit for afsnit; vejledningen står ved hvert afsnit.`,
    listHeading: "Eller opret en ny plan",
    listIntro: "Planstöd kan også oprette disse planer for dig. Åbn et tomt dokument, og start Planstöd:",
  },

  host: {
    "needs-wordapi-13": () =>
      "Denne version af Word mangler WordApi 1.3, som Planstöd har brug for. Brug Word på nettet, Word til Microsoft 365 (Windows eller Mac) eller Word 2021 eller nyere.",
    "read-only": () =>
      "Dokumentet er åbnet skrivebeskyttet, så Planstöd kan gennemgå det, men ikke ændre det. Vælg Rediger dokument i Word for at tilføje eller fjerne indsatsområder eller rækker.",
    "no-selection-events": () =>
      "Denne version af Word melder ikke, når markøren flyttes, så Planstöd følger ikke markøren. Klik på et afsnit for at gå til det.",
    "no-comments-api": () =>
      "Denne version af Word kan ikke indsætte kommentarer fra tilføjelsesprogrammer (WordApi 1.4 mangler; det kræver Office 2021 i detailversion, Office 2024 eller Microsoft 365). Gennemgangen kan stadig indsættes som kommentarer med Planstöds kommandolinjeværktøj: planstod check FIL --comments -o UD.docx",
    "not-supported-on-web": ({ feature }) =>
      feature === "comments"
        ? "Word på nettet tillader ikke, at Planstöd indsætter kommentarer i dette dokument. Åbn dokumentet i Word til Windows eller Mac, eller skriv gennemgangen som kommentarer med kommandolinjeværktøjet: planstod check FIL.docx --comments -o UD.docx"
        : "Word på nettet tillader ikke, at Planstöd tilføjer noget i et dokument med en datovælger (som feltet Dato). Åbn dokumentet i Word til Windows eller Mac, eller tilføj med kommandolinjeværktøjet: planstod add FIL.docx TYPE -o UD.docx",
    "not-allowed": () => "Word tillader ikke ændringen lige nu. Luk åbne dialogbokse i Word, og prøv igen.",
    "access-denied": () =>
      "Word tillader ikke ændringen. Dokumentet kan være skrivebeskyttet eller låst for redigering.",
    "item-not-found": () =>
      "Planstöd fandt ikke det, der skulle ændres. Dokumentet kan være ændret; opdater, og prøv igen.",
    "general-exception": () =>
      "Word kunne ikke udføre handlingen. Prøv igen; opdater Planstöd, hvis det ikke hjælper.",
    "invalid-argument": () => "Word tog ikke imod ændringen. Opdater Planstöd, og prøv igen.",
    "api-not-found": () =>
      "Denne version af Word mangler en funktion, som Planstöd har brug for. Brug Word på nettet eller en nyere Word.",
    "word-failed": () => "Word kunne ikke udføre handlingen. Prøv igen.",
    "document-changed": () =>
      "Dokumentet er ændret, siden Planstöd læste det, så intet blev ændret. Opdater, og prøv igen.",
    "edit-unexpected": () =>
      "Word ændrede dokumentet på en anden måde end ventet. Kontrollér dokumentet, og fortryd om nødvendigt (Ctrl+Z).",
    "field-gone": () => "Feltet findes ikke længere i dokumentet. Opdater Planstöd.",
    "field-not-found": () => "Planstöd fandt ikke feltet i dokumentet. Opdater, og prøv igen.",
    "instruction-typed-into": () =>
      "Afsnittet med instruktionen indeholder nu anden tekst end skabelonens instruktion, så Planstöd sletter ikke noget. Slet instruktionen selv.",
    "checkbox-unsupported": () =>
      "Denne version af Word kan ikke markere feltet for Planstöd (WordApi 1.7 kræves). Klik i feltet i dokumentet.",
    "checkbox-not-found": () => "Planstöd fandt ikke afkrydsningsfeltet i dokumentet. Opdater, og prøv igen.",
    "checkbox-not-verified": () =>
      "Word markerede ikke feltet, som Planstöd bad om. Klik i feltet i dokumentet.",
    "instruction-gone": () => "Instruktionen findes ikke længere i dokumentet. Opdater Planstöd.",
    "instruction-not-found": () => "Planstöd fandt ikke instruktionen i dokumentet. Opdater, og prøv igen.",
    degraded: () =>
      "Word kunne ikke udlevere dokumentets indhold til Planstöd (body.getOoxml mislykkedes), så felterne kan ikke kontrolleres lige nu. Skabelonens afsnit vises uden status. Gem og luk dokumentet, åbn det igen, og vælg Opdater. Hjælper det ikke, kan du åbne dokumentet i en anden Word, for eksempel Word på nettet.",
    "locked-remove": () =>
      "Det, du vil fjerne, indeholder et låst indholdskontrolelement, som ikke må fjernes, så Planstöd fjerner det ikke. Lås kontrolelementet op i Word (Udvikler → Egenskaber → Låsning), og prøv igen.",
    "locked-add": () =>
      "Et indholdskontrolelement omkring tabellen eller afsnittet er låst for redigering, så Planstöd kan ikke tilføje noget der. Lås kontrolelementet op i Word (Udvikler → Egenskaber → Låsning), og prøv igen.",
    "tracking-remove-refused": () =>
      "Registrer ændringer er slået til i dokumentet. Planstöd fjerner ikke noget, mens ændringer registreres, for så står det tilbage som en registreret sletning, indtil nogen godkender den. Slå Registrer ændringer fra (Gennemse → Registrer ændringer), og prøv igen, eller fjern det selv.",
    "tracking-remove-unverified": () =>
      "Det står stadig i dokumentet. Er Registrer ændringer slået til, står det som en registreret sletning: godkend sletningen (Gennemse → Godkend), eller fortryd med Ctrl+Z.",
    "create-unsupported": () =>
      "Denne version af Word kan ikke modtage en ny plan fra tilføjelsesprogrammer (WordApi 1.1 mangler). Opret planen med planstod new, og åbn filen i Word.",
    "create-not-empty": () =>
      "Dokumentet indeholder allerede noget. Planstöd opretter kun en ny plan i et tomt dokument.",
    "create-unknown-template": () => "Planstöd kender ikke den skabelon.",
    "create-not-recognised": () =>
      "Planen blev indsat, men Planstöd genkender den ikke. Kontrollér dokumentet, og fortryd om nødvendigt (Ctrl+Z).",
    "comments-unknown-template": () =>
      "Dokumentet er ikke en skabelon, som Planstöd kender, så der er ingen gennemgang at indsætte.",
    "comments-changed": () => "Dokumentet blev ændret, mens Planstöd indsatte kommentarerne. Prøv igen.",
  },

  somethingWrong: (detail) => `Noget gik galt: ${detail}`,
  unknownError: "ukendt fejl.",
  renderError: "Noget gik galt, da panelet skulle vises. Vælg Opdater for at prøve igen.",
};
