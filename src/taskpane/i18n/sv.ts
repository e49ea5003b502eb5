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
  userGuide: "Läs användarguiden",

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

  host: {
    "needs-wordapi-13": () =>
      "Den här versionen av Word saknar WordApi 1.3, som Planstöd behöver. Använd Word på webben, Word för Microsoft 365 (Windows eller Mac) eller Word 2021 eller senare.",
    "read-only": () =>
      "Dokumentet är öppnat skrivskyddat, så Planstöd kan granska det men inte ändra det. Välj Redigera dokument i Word för att lägga till eller ta bort utvecklingsområden, uppföljningar eller rader.",
    "no-selection-events": () =>
      "Den här versionen av Word meddelar inte när markören flyttas, så Planstöd följer inte markören. Klicka på ett avsnitt för att gå till det.",
    "no-comments-api": () =>
      "Den här versionen av Word kan inte lägga in kommentarer från tillägg (WordApi 1.4 saknas; det kräver Office 2021 i butiksversion, Office 2024 eller Microsoft 365). Granskningen kan ändå läggas in som kommentarer med Planstöds kommandoradsverktyg: planstod check FIL --comments -o UT.docx",
    "not-supported-on-web": ({ feature }) =>
      feature === "comments"
        ? "Word på webben tillåter inte att Planstöd lägger in kommentarer i det här dokumentet. Öppna dokumentet i Word för Windows eller Mac, eller skriv granskningen som kommentarer med kommandoradsverktyget: planstod check FIL.docx --comments -o UT.docx"
        : "Word på webben tillåter inte att Planstöd lägger till något i ett dokument med en datumväljare (som fältet Datum). Öppna dokumentet i Word för Windows eller Mac, eller lägg till med kommandoradsverktyget: planstod add FIL.docx TYP -o UT.docx",
    "not-allowed": () =>
      "Word tillåter inte ändringen just nu. Stäng öppna dialogrutor i Word och försök igen.",
    "access-denied": () =>
      "Word tillåter inte ändringen. Dokumentet kan vara skrivskyddat eller låst för redigering.",
    "item-not-found": () =>
      "Planstöd hittade inte det som skulle ändras. Dokumentet kan ha ändrats; uppdatera och försök igen.",
    "general-exception": () =>
      "Word kunde inte utföra åtgärden. Försök igen; uppdatera Planstöd om det inte hjälper.",
    "invalid-argument": () => "Word tog inte emot ändringen. Uppdatera Planstöd och försök igen.",
    "api-not-found": () =>
      "Den här versionen av Word saknar en funktion som Planstöd behöver. Använd Word för webben eller en nyare Word.",
    "word-failed": () => "Word kunde inte utföra åtgärden. Försök igen.",
    "document-changed": () =>
      "Dokumentet har ändrats sedan Planstöd läste det, så ingenting ändrades. Uppdatera och försök igen.",
    "edit-unexpected": () =>
      "Word ändrade dokumentet på ett annat sätt än väntat. Kontrollera dokumentet och ångra vid behov (Ctrl+Z).",
    "field-gone": () => "Fältet finns inte längre i dokumentet. Uppdatera Planstöd.",
    "field-not-found": () => "Planstöd hittade inte fältet i dokumentet. Uppdatera och försök igen.",
    "instruction-typed-into": () =>
      "Stycket med instruktionen innehåller nu annan text än mallens instruktion, så Planstöd tar inte bort något. Radera instruktionen själv.",
    "checkbox-unsupported": () =>
      "Den här versionen av Word kan inte markera rutan åt Planstöd (WordApi 1.7 krävs). Klicka i rutan i dokumentet.",
    "checkbox-not-found": () => "Planstöd hittade inte rutan i dokumentet. Uppdatera och försök igen.",
    "checkbox-not-verified": () =>
      "Word markerade inte rutan som Planstöd bad om. Klicka i rutan i dokumentet.",
    "instruction-gone": () => "Instruktionen finns inte längre i dokumentet. Uppdatera Planstöd.",
    "instruction-not-found": () =>
      "Planstöd hittade inte instruktionen i dokumentet. Uppdatera och försök igen.",
    degraded: () =>
      "Word kunde inte lämna ut dokumentets innehåll till Planstöd (body.getOoxml misslyckades), så fälten kan inte kontrolleras just nu. Mallens avsnitt visas utan status. Spara och stäng dokumentet, öppna det igen och välj Uppdatera. Hjälper inte det kan du öppna dokumentet i en annan Word, till exempel Word på webben.",
    "locked-remove": () =>
      "Det du vill ta bort innehåller en låst innehållskontroll som inte får tas bort, så Planstöd tar inte bort det. Lås upp kontrollen i Word (Utvecklare → Egenskaper → Låsning) och försök igen.",
    "locked-add": () =>
      "En innehållskontroll runt tabellen eller avsnittet är låst för redigering, så Planstöd kan inte lägga till något där. Lås upp kontrollen i Word (Utvecklare → Egenskaper → Låsning) och försök igen.",
    "tracking-remove-refused": () =>
      "Spåra ändringar är på i dokumentet. Planstöd tar inte bort något medan ändringar spåras, eftersom det då står kvar som en spårad borttagning tills någon godkänner den. Stäng av Spåra ändringar (Granska → Spåra ändringar) och försök igen, eller ta bort det själv.",
    "tracking-remove-unverified": () =>
      "Det finns kvar i dokumentet. Om Spåra ändringar är på står det kvar som en spårad borttagning: godkänn borttagningen (Granska → Godkänn) eller ångra med Ctrl+Z.",
    "create-unsupported": () =>
      "Den här versionen av Word kan inte ta emot en ny plan från tillägg (WordApi 1.1 saknas). Skapa planen med planstod new och öppna filen i Word.",
    "create-not-empty": () =>
      "Dokumentet innehåller redan något. Planstöd skapar en ny plan bara i ett tomt dokument.",
    "create-unknown-template": () => "Planstöd känner inte till den mallen.",
    "create-not-recognised": () =>
      "Planen infogades men Planstöd känner inte igen den. Kontrollera dokumentet och ångra vid behov (Ctrl+Z).",
    "comments-unknown-template": () =>
      "Dokumentet är ingen mall som Planstöd känner igen, så det finns ingen granskning att lägga in.",
    "comments-changed": () => "Dokumentet ändrades medan Planstöd lade in kommentarerna. Försök igen.",
  },

  somethingWrong: (detail) => `Något gick fel: ${detail}`,
  unknownError: "okänt fel.",
  renderError: "Något gick fel när panelen skulle visas. Välj Uppdatera för att försöka igen.",
};
