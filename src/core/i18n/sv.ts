import { shorten, type EngineTexts } from "./catalogue";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const sv: EngineTexts = {
  report: {
    missing: (label) => `saknas: ${label}`,
    unused: " (används inte)",
    optionalEmpty: " (frivilligt, inte ifyllt)",
    rowsFilled: (filled, total) => ` (${filled} av ${total} rader ifyllda)`,
    row: (index) => ` (rad ${index})`,
    warnings: "Varningar:",
    summary: (filled, total) => `${filled} av ${total} obligatoriska fält ifyllda.`,
    complete: "Dokumentet är komplett.",
    incomplete: "Dokumentet är inte komplett.",
  },
  warnings: {
    unusedBlock: (name, index) =>
      `${name} ${index} används inte: inget av dess fält är ifyllt. Fyll i det eller ta bort det.`,
    leftoverInstruction: (text) =>
      `Mallens instruktion ”${shorten(text)}” står kvar i dokumentet och bör raderas.`,
  },
  blocks: {
    unknownBlock: (type, templateName, types) =>
      types.length === 0
        ? `okänd blocktyp ”${type}”. ${templateName} har inga block som kan läggas till eller tas bort.`
        : `okänd blocktyp ”${type}”. ${templateName} har: ${types.join(", ")}.`,
    noSuchInstance: (name, index, count) => `${name} ${index} finns inte (dokumentet har ${count}).`,
    hasText: (name, index) =>
      `${name} ${index} innehåller text som du har skrivit och tas därför inte bort. Töm det först om du vill ta bort det.`,
    lastInstance: (name) => `${name} kan inte tas bort: det är det enda som finns kvar.`,
    noSource: (name) =>
      `dokumentet har inget ${name.toLowerCase()} att utgå från, så inget nytt kan läggas till.`,
    noCleanSource: (name) =>
      `varje ${name.toLowerCase()} i dokumentet har text som du har skrivit utanför fälten. Den texten skulle kopieras med, så ingenting har lagts till. Flytta texten till ett fält och försök igen.`,
    noRows: (table) =>
      `tabellen ”${table}” har ingen rad kvar att utgå från, så ingen ny rad kan läggas till.`,
    row: "Rad",
    lastRow: (table) => `Den sista raden i ”${table}”`,
  },
  edit: {
    added: "Lade till",
    removed: "Tog bort",
    rowOf: (index, table) => `rad ${index} i ”${table}”`,
    from: (out, file) => `${out} (från ${file})`,
    count: (n) => `Dokumentet har nu ${n} st.`,
  },
  comments: {
    inserted: (n, where) => `Lade in ${count(n, "kommentar", "kommentarer")} i ${where}.`,
    noneNeeded: (where) => `Inga nya kommentarer behövdes; skrev ${where}.`,
    removed: (n) => `${count(n, "tidigare kommentar", "tidigare kommentarer")} från Planstöd togs bort.`,
    kept: (n) =>
      `${count(n, "kommentar", "kommentarer")} från Planstöd som någon har svarat på eller markerat som klar fick stå kvar.`,
  },
  exists: (file) => `${file} finns redan. Använd --force för att skriva över den.`,
  created: (file, name, id) => `Skapade ${file}: ${name} (${id}). Öppna filen i Word och fyll i planen.`,
};
