/** Every Swedish text the task pane shows, in one place. */

import type { OutlineEntry } from "../core/outline";

type EntryBlock = NonNullable<OutlineEntry["block"]>;

export const TEXT = {
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
  missingTitle: "Allt fungerar inte i den här versionen av Word",
  errorTitle: "Fel",
  successTitle: "Klart",
  dismiss: "Stäng meddelandet",
  outlineLabel: "Mallens avsnitt",

  summary: (filled: number, total: number): string => `${filled} av ${total} obligatoriska fält ifyllda`,
  complete: "Dokumentet är komplett.",
  incomplete: "Dokumentet är inte komplett.",
  warnings: (count: number): string => (count === 1 ? "1 varning" : `${count} varningar`),

  status: {
    ifylld: "Ifylld",
    delvis: "Delvis",
    tom: "Tom",
    unused: "Används inte",
  },
  statusLabel: (status: string): string => `Status: ${status}`,
  currentSection: "Markören står här",

  fieldFilled: "ifyllt",
  fieldMissing: "saknas",
  fieldEmpty: "tomt",
  goToField: (label: string, status: string, row?: number): string =>
    `Gå till fältet ${label}${row === undefined ? "" : `, rad ${row}`} (${status})`,
  row: (index: number): string => `Rad ${index}`,
  fieldsHeading: "Fält",

  addInstance: (block: EntryBlock): string => `Lägg till ${block.name.toLowerCase()}`,
  addRow: "Lägg till rad",
  addRowLabel: (block: EntryBlock): string => `Lägg till rad i tabellen ${block.name}`,
  remove: "Ta bort",
  removeLabel: (name: string): string => `Ta bort ${name}`,
  removeQuestion: (name: string): string => `Ta bort ${name}?`,
  removeBody: "Blocket är tomt.",
  cancel: "Avbryt",

  added: (block: EntryBlock, index: number): string =>
    block.kind === "rows"
      ? `Rad ${index} har lagts till i ${block.name}.`
      : `${block.name} ${index} har lagts till.`,
  removed: (name: string): string => `${name} har tagits bort.`,

  unknownTitle: "Planstöd känner inte igen det här dokumentet.",
  unknownSupported: "Planstöd fungerar med de här mallarna:",
  unknownHint:
    "Öppna originalmallen, eller ett dokument som du har gjort utifrån den, och välj Uppdatera. Rubrikerna och ledtexterna i mallen behöver stå kvar för att Planstöd ska hitta fälten.",

  somethingWrong: (detail: string): string => `Något gick fel: ${detail}`,
  unknownError: "okänt fel.",
  renderError: "Något gick fel när panelen skulle visas. Välj Uppdatera för att försöka igen.",
} as const;
