/** The pane's Swedish texts (every template but dk-implementeringsplan is Swedish; da.ts has its texts). */
import type { PaneText, PartName } from "./catalogue";

/** Lower-cases the first letter: a block's title in the middle of a sentence ("utvecklingsområde 3"). */
const lower = (text: string): string => text.charAt(0).toLocaleLowerCase("sv-SE") + text.slice(1);

/** A table's name as the user sees it in a sentence: quoted, so a "?" in it stays the name's own. */
const table = (name: string): string => `”${name}”`;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** "a, b och c" */
const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;

const addInstance = (part: PartName): string => `Lägg till ${lower(part.name)}`;

export const sv: PaneText = {
  locale: "sv-SE",
  title: "Planstöd",
  intro:
    "Öppna Skolverkets åtgärdsplan eller IKO:s handlingsplan i Word så hjälper Planstöd dig att fylla i och granska den.",
  unsupported:
    "Den här versionen av Word saknar stöd för Planstöd (WordApi 1.3 krävs). Använd Word för webben eller en nyare version av Word.",
  outsideWord:
    "Sidan är öppnad utanför Word, så den kan inte läsa något dokument. Lägg till Planstöd i Word och öppna det från fliken Start.",

  loading: "Läser dokumentet…",
  working: "Ändrar dokumentet…",
  refresh: "Uppdatera",
  refreshLabel: "Läs dokumentet igen",
  selfTestLink: "Självtest för Word",
  about: {
    menu: "Om Planstöd",
    version: (version) => `Planstöd version ${version}`,
    guide: "Användarguide",
    support: "Support",
    privacy: "Integritet",
  },
  tracked: {
    added: "Spåra ändringar är på, så tillägget syns som en spårad ändring tills någon godkänner det.",
    removed: "Spåra ändringar är på, så borttagningen syns som en spårad ändring tills någon godkänner den.",
  },
  degraded: {
    title: "Planstöd kunde inte läsa hela dokumentet",
    outline: "Mallens avsnitt (utan status):",
  },
  missingTitle: "Allt fungerar inte i den här versionen av Word",
  dismiss: "Stäng meddelandet",

  views: { label: "Visa", outline: "Avsnitt", review: "Granska" },
  outlineLabel: "Mallens avsnitt",

  summary: (filled, total) => `${filled} av ${total} obligatoriska fält ifyllda`,
  summaryExplained:
    "Räknar alla obligatoriska fält, även i de utvecklingsområden, uppföljningar och rader som används. Ett tillagt avsnitt som ännu inte är ifyllt räknas inte.",
  summaryExplainedToggle: "Vad räknas?",
  requiredChanged: (c) => {
    const why = [
      ...c.used.map((t) => `${lower(t)} används nu`),
      ...c.unused.map((t) => `${lower(t)} används inte längre`),
      ...c.added.map((t) => `ett ${lower(t)} har lagts till`),
      ...c.removed.map((t) => `ett ${lower(t)} har tagits bort`),
    ];
    return `Antalet obligatoriska fält är nu ${c.after} (var ${c.before})${why.length ? `: ${list(why)}` : ""}.`;
  },
  complete: "Dokumentet är komplett.",
  incomplete: "Dokumentet är inte komplett.",
  warnings: (count) => plural(count, "varning", "varningar"),
  refreshed: (changed) =>
    changed ? "Dokumentet är läst igen." : "Dokumentet är läst igen. Inget har ändrats sedan förra gången.",

  status: {
    ifylld: "Ifyllt",
    delvis: "Delvis ifyllt",
    tom: "Inte ifyllt",
    optional: "Frivilligt",
    unused: "Används inte",
    fresh: "Nytt",
  },
  templateQuestions: "Mallens frågor för hela planen",
  followsUp: (title) => `Följer upp insatsen i ${lower(title)}`,

  field: {
    filled: "ifyllt",
    missing: "saknas",
    optional: "frivilligt, inte ifyllt",
    notFilled: "inte ifyllt",
  },
  goToField: (label, status, row) =>
    `Gå till fältet ”${label}”${row === undefined ? "" : ` på rad ${row}`} (${status})`,
  row: (index) => `Rad ${index}`,
  choices: "Att välja mellan:",

  addInstance,
  addRow: "Lägg till rad",
  addRowLabel: (part) => `Lägg till rad i tabellen ${table(part.name)}`,
  remove: "Ta bort",
  removeLabel: (title) => `Ta bort ${lower(title)}`,
  removeRowLabel: (name, row) => `Ta bort rad ${row} ur tabellen ${table(name)}`,
  removeQuestion: (title) => `Ta bort ${lower(title)}?`,
  removeRowQuestion: (row) => `Ta bort rad ${row}?`,
  removeBody: (title, fields) =>
    `${title} tas bort ur dokumentet med alla sina ${fields} fält. Inget av fälten är ifyllt.`,
  removeRowBody: (name, row) =>
    `Rad ${row} i tabellen ${table(name)} tas bort ur dokumentet. Ingen av dess celler är ifylld.`,
  undoHint: "Du kan ångra borttagningen i Word med Ctrl+Z.",
  cancel: "Avbryt",

  added: (part, index) =>
    part.kind === "rows"
      ? `Rad ${index} i tabellen ${table(part.name)} har lagts till.`
      : `${part.name} ${index} har lagts till.`,
  removed: (title) => `${title} har tagits bort.`,
  removedRow: (name, row) => `Rad ${row} i tabellen ${table(name)} har tagits bort.`,
  renumbered: "De som kom efter har fått nya nummer.",
  goToFirstField: "Gå till första fältet",

  checklist: {
    count: (done, total) => `${done} av ${total} genomförda`,
    label: (section) => `Checklista: ${section}`,
    goToBox: (label) => `Gå till rutan för ”${label}”`,
    checked: "markerad",
    unchecked: "inte markerad",
    ticked: (label, checked) =>
      `”${label}” är ${checked ? "markerad som genomförd" : "inte längre markerad"}.`,
  },

  review: {
    ready: "Klar att skicka: alla obligatoriska fält är ifyllda.",
    readyShould: (count) =>
      count === 1
        ? "Se gärna över det som bör åtgärdas nedan."
        : `Se gärna över de ${count} punkterna nedan.`,
    notReady: (missing) =>
      `Inte klar att skicka: ${missing === 1 ? "1 obligatoriskt fält saknas" : `${missing} obligatoriska fält saknas`}.`,
    mustHeading: "Måste åtgärdas",
    shouldHeading: "Bör åtgärdas",
    shouldNote: "Varningar gör aldrig planen ofullständig, men se över dem innan du skickar den.",
    position: (position, total) => `${position} av ${total}`,
    positionLabel: (position, total) => `Punkt ${position} av ${total}`,
    itemCount: (total) => plural(total, "punkt", "punkter"),
    wrapped: (dir) => (dir === 1 ? "Började om från början." : "Började om från slutet."),
    goTo: "Gå till",
    goToBlock: (title) => `Gå till ${lower(title)}`,
    fillField: "Gå till fältet",
    removeInstruction: "Ta bort instruktionen",
    removeInstructionLabel: (instruction) => `Ta bort instruktionen ”${instruction}”`,
    instructionRemoved: "Instruktionen har tagits bort. Du kan ångra det i Word med Ctrl+Z.",
    done: "Alla obligatoriska fält är ifyllda.",
    doneWarnings: (count) =>
      count === 1
        ? "Se över varningen nedan innan planen lämnas in."
        : `Se över de ${count} varningarna nedan innan planen lämnas in.`,
    missingCount: (count) =>
      count === 1 ? "1 obligatoriskt fält saknas" : `${count} obligatoriska fält saknas`,
    groupCount: (count) => plural(count, "punkt", "punkter"),
    next: "Nästa",
    previous: "Föregående",
    stepped: (label, position, total, where) =>
      `${position} av ${total}: ${label}${where === undefined ? "" : ` (${lower(where)})`}`,
    missingTag: "Saknas",
    warningTag: "Varning",
    addBlock: addInstance,
    removeBlock: (title) => `Ta bort ${lower(title)}`,
  },

  comments: {
    heading: "Kommentarer i dokumentet",
    intro:
      "Lägg granskningen som kommentarer i Word, så ser den som läser planen utan Planstöd vad som saknas. Planstöds kommentarer börjar med [Planstöd]. Andras kommentarer och svar rörs aldrig.",
    insert: "Lägg granskningen som kommentarer",
    remove: "Ta bort Planstöds kommentarer",
    inserted: (inserted, removed) =>
      `${plural(inserted, "kommentar", "kommentarer")} har lagts in i dokumentet.` +
      (removed > 0
        ? ` ${plural(removed, "tidigare kommentar", "tidigare kommentarer")} från Planstöd har ersatts.`
        : ""),
    removed: (count) =>
      count === 0
        ? "Det fanns inga kommentarer från Planstöd att ta bort."
        : `${plural(count, "kommentar", "kommentarer")} från Planstöd har tagits bort. Andras kommentarer finns kvar.`,
    unavailable: "Den här versionen av Word kan inte lägga in kommentarer åt Planstöd (WordApi 1.4 krävs).",
    cliHint:
      "Du kan i stället skriva granskningen som kommentarer i en kopia av filen med Planstöds kommandoradsverktyg:",
    cliCommand: "planstod check FIL.docx --comments -o UT.docx",
  },

  unknownTitle: "Planstöd känner inte igen det här dokumentet.",
  unknownSupported: "Planstöd fungerar med de här mallarna:",
  unknownHint:
    "Öppna originalmallen, eller ett dokument som du har gjort utifrån den, och välj Uppdatera. Rubrikerna och ledtexterna i mallen behöver stå kvar för att Planstöd ska hitta fälten.",

  newPlan: {
    heading: "Skapa en ny plan",
    intro:
      "Dokumentet är tomt. Välj en plan, så lägger Planstöd in den här med rubriker, mallens frågor och fält att skriva i.",
    unsupported:
      "Den här versionen av Word kan inte ta emot en ny plan från Planstöd. Skapa planen med kommandot planstod new och öppna filen i Word.",
    language: (locale) => (locale === "da-DK" ? "På danska" : "På svenska"),
    create: "Skapa",
    createLabel: (name) => `Skapa ${name}`,
    created: (name) =>
      `${name} har skapats. Fyll i den avsnitt för avsnitt; vägledningen står vid varje avsnitt.`,
    listHeading: "Eller skapa en ny plan",
    listIntro:
      "Planstöd kan också skapa de här planerna åt dig. Öppna ett tomt dokument och starta Planstöd:",
  },

  somethingWrong: (detail) => `Något gick fel: ${detail}`,
  unknownError: "okänt fel.",
  renderError: "Något gick fel när panelen skulle visas. Välj Uppdatera för att försöka igen.",
};
