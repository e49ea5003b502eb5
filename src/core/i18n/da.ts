import { shorten, type EngineTexts } from "./catalogue";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Danish, for dk-implementeringsplan. */
export const da: EngineTexts = {
  report: {
    missing: (label) => `mangler: ${label}`,
    unused: " (bruges ikke)",
    optionalEmpty: " (valgfrit, ikke udfyldt)",
    rowsFilled: (filled, total) => ` (${filled} af ${total} rækker udfyldt)`,
    row: (index) => ` (række ${index})`,
    warnings: "Advarsler:",
    summary: (filled, total) => `${filled} af ${total} obligatoriske felter udfyldt.`,
    complete: "Dokumentet er komplet.",
    incomplete: "Dokumentet er ikke komplet.",
  },
  warnings: {
    unusedBlock: (name, index) => `${name} ${index} er tom og bruges ikke. Udfyld den, eller slet den.`,
    leftoverInstruction: (text) =>
      `Skabelonens instruktion ”${shorten(text)}” står stadig i dokumentet og bør slettes.`,
  },
  blocks: {
    unknownBlock: (type, templateName, types) =>
      types.length === 0
        ? `ukendt bloktype ”${type}”. ${templateName} har ingen blokke, der kan tilføjes eller slettes.`
        : `ukendt bloktype ”${type}”. ${templateName} har: ${types.join(", ")}.`,
    noSuchInstance: (name, index, count) => `${name} ${index} findes ikke (dokumentet har ${count}).`,
    hasText: (name, index) =>
      `${name} ${index} indeholder tekst, som du har skrevet, og slettes derfor ikke. Tøm den først, hvis du vil slette den.`,
    lastInstance: (name) => `${name} kan ikke slettes: den er den eneste, der er tilbage.`,
    noSource: (name) =>
      `dokumentet har ingen ${name} at tage udgangspunkt i, så der kan ikke tilføjes en ny.`,
    noCleanSource: (name) =>
      `hver ${name.toLowerCase()} i dokumentet har tekst, som du har skrevet uden for felterne. Den tekst ville blive kopieret med, så der er ikke tilføjet noget. Flyt teksten ind i et felt, og prøv igen.`,
    noRows: (table) =>
      `tabellen ”${table}” har ingen række tilbage at tage udgangspunkt i, så der kan ikke tilføjes en ny række.`,
    row: "Række",
    lastRow: (table) => `Den sidste række i ”${table}”`,
  },
  edit: {
    added: "Tilføjede",
    removed: "Slettede",
    rowOf: (index, table) => `række ${index} i ”${table}”`,
    from: (out, file) => `${out} (fra ${file})`,
    count: (n) => `Dokumentet har nu ${n} stk.`,
  },
  comments: {
    inserted: (n, where) => `Indsatte ${count(n, "kommentar", "kommentarer")} i ${where}.`,
    noneNeeded: (where) => `Der var ikke brug for nye kommentarer; skrev ${where}.`,
    removed: (n) => `${count(n, "tidligere kommentar", "tidligere kommentarer")} fra Planstöd blev slettet.`,
    kept: (n) =>
      `${count(n, "kommentar", "kommentarer")} fra Planstöd, som nogen har svaret på eller markeret som løst, blev stående.`,
  },
  exists: (file) => `${file} findes allerede. Brug --force for at overskrive den.`,
  created: (file, name, id) => `Oprettede ${file}: ${name} (${id}). Åbn filen i Word, og udfyld planen.`,
};
