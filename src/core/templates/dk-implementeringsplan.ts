import type { FieldDef, SectionDef, TemplateDef } from "../types";
import {
  answerField,
  checkField,
  rowBlock,
  UNCHECKED,
  type GeneratedTemplate,
  type LayoutItem,
} from "./layout";

/**
 * Implementeringsplan (Danish): the coordinators' implementation model in four phases (seed 002).
 * Each phase has the seed's questions (its second table) as guidance for one answer, and the
 * seed's activities (its first table) as a checklist of checkbox content controls. Labels,
 * headings and questions are the seed's own Danish words.
 */

/** Word's Danish default placeholder for a text content control. */
export const DA_TEXT_PLACEHOLDER = "Klik eller tryk her for at skrive tekst.";

const answer = (id: string, label: string, guidance: readonly string[], required = true) =>
  answerField(id, label, guidance, DA_TEXT_PLACEHOLDER, required);

const TITLE = "Implementeringsplan";
const INTRO = [
  "Planen beskriver en implementeringsproces (intervention) af kompetenceudvikling og kapacitetsopbygning i skolemæssig sammenhæng, fase for fase.",
  "Modellen er en begrebsmæssig ramme, der giver et overblik over de aktiviteter, som udgør den komplekse implementeringsproces, og modellen kan hjælpe med at gribe implementeringsprocesser systematisk an.",
  "Rækkefølgen af aktiviteterne i modellen skal ikke ses som lineær, da implementeringsprocessen er dynamisk. I kan vende tilbage til en fase og justere den undervejs.",
  "Modellen er udviklet med inspiration fra Jan Sølbergs kulturudviklingsmodel samt MBI-modellen fra ”Implementering med effekt”.",
];

const CASE_HEADING = "Casen";
const CASE_GUIDANCE = ["Beskriv en implementeringsproces (intervention) i grundskolen fra egen kommune."];
const KOMMUNE = answer("kommune", "Kommune", []);
const SKOLE = answer("skole", "Skole/institution", []);
const INTERVENTION = answer("intervention", "Intervention", [
  "Hvilket program eller hvilken indsats skal implementeres?",
]);

const IDE = answer("ide", "Indledende beskrivelse af ide", [
  "Hvad er det ønskede udbytte / praksisændring (ide)?",
]);

interface Phase {
  id: string;
  heading: string;
  field: FieldDef;
  activities: FieldDef[];
}

const phase = (
  id: string,
  heading: string,
  label: string,
  questions: readonly string[],
  activities: readonly string[],
): Phase => ({
  id,
  heading,
  field: answer(id, label, questions),
  activities: activities.map((text, i) => checkField(`${id}_aktivitet_${i + 1}`, text)),
});

const PHASES: Phase[] = [
  phase(
    "iscenesaettelse",
    "Iscenesættelse",
    "Forberedelse og forudsætningsanalyse",
    [
      "Hvordan inkluderes lærere/medarbejdere i projektet og processen?",
      "Hvordan kan der tages udgangspunkt i den enkelte skole og/eller den enkelte lærers forudsætninger?",
      "Hvordan arbejdes der med interessant- og risikoanalyse og heri eventuelle barrierer for implementeringsprocessen?",
      "Er formålet med projektet afklaret og er der formuleret tydelige mål med implementeringsprocessen? Og er disse diskuteret med medarbejdergruppen?",
      "Er der en tydelig rollefordeling? Er der en eller flere som er ansvarlige for implementeringsprocessen? Er rollefordelingen mellem ledelse og implementeringsteam afklaret?",
    ],
    [
      "Diskuter indholdet af programmet og indførelsen af programmet med personalet.",
      "Udpeg interessenter.",
      "Afklar formål med programmet og formulér mål med implementeringsprocessen.",
      "Diskuter mål og forudsætninger med personalet.",
      "Udpeg implementeringsansvarlig.",
      "Afklar rollefordeling mellem ledelse og implementeringsansvarlig/team.",
      "Diskuter risikoanalyse.",
      "Identificer barrierer.",
      "Diskuter implementeringsprocessen og ressourcer til denne.",
    ],
  ),
  phase(
    "initiering",
    "Initiering",
    "Kapacitetsopbygning/Installation",
    [
      "Hvordan og hvem skal udfærdige planen for implementeringsprocessen?",
      "Hvis der nedsættes et implementeringsteam, hvordan udvælges dette?",
      "Hvordan kan der sikres sammenhæng mellem den almindelige og den nye praksis?",
      "Hvordan sikres løbende samarbejde og vidensdeling?",
      "Hvordan sikres det, at relevant personale inddrages i implementeringsprocessen og får den nødvendige kompetenceudvikling?",
    ],
    [
      "Nedsæt implementeringsteam.",
      "Hold møder i teamet.",
      "Relevant personale uddannes i programmet.",
      "Diskuter programmet i sammenhæng med almindelig praksis.",
      "Diskuter hvordan I vil samarbejde og videndele.",
      "Diskuter demokratisk ledelse.",
      "Arbejd med hæmmere og fremmere for programmet.",
      "Udfærdig plan for implementeringsproces.",
      "Diverse justeringer",
    ],
  ),
  phase(
    "implementering",
    "Implementering",
    "Igangsætning og understøttelse",
    [
      "Hvordan indarbejdes den nye viden og kompetencer i praksis?",
      "Og hvordan følges der op på dette (fx faglig supervision)?",
      "Hvordan sikres det at nyt personale bliver en del af processen?",
      "Hvordan sikres løbende justeringer i implementeringsplanen, hvor der løbende arbejdes med hæmmere/fremmere?",
      "Hvordan understøttes faglige diskussioner og samarbejdsorienteret kultur?",
    ],
    [
      "Understøt faglige diskussioner, samarbejdsorienteret kultur og demokratisk ledelsesstil.",
      "Indarbejd programmet i praksis.",
      "Hold introkurser for nye medarbejdere.",
      "Faglig supervision",
      "Diverse justeringer af implementeringsplan, risikoanalyse og fremmere/hæmmere.",
    ],
  ),
  phase(
    "institutionalisering",
    "Institutionalisering",
    "Tilpasning og forankring",
    [
      "Hvordan sikres der et fortsat fokus? (møder i implementeringsteam og/eller faglig supervision af medarbejdere)",
      "Hvordan sikres der et fortsat fokus på tilpasning og anvendelse af den nye praksis?",
      "Hvordan arbejdes der fortsat med fremmere og hæmmere?",
      "Hvordan skabes der en overgang til faste strukturer?",
      "Hvordan udvindes og anvendes der organisatorisk læring om implementeringsprocessen?",
    ],
    [
      "Fortsat fokus, møder i implementeringsteam og faglig supervision af medarbejdere.",
      "Overgang til faste strukturer.",
      "Fortsat demokratisk ledelsesstil og samarbejdsorienteret kultur.",
      "Fortsat fokus på tilpasning og anvendelse af programmet.",
      "Arbejd med fremmere og hæmmere.",
      "Diverse justeringer af implementeringsplan og fx risikoanalyse.",
      "Udvind organisatorisk læring om implementeringsprocessen.",
    ],
  ),
];

const CHECKLIST_INTRO = "Sæt kryds ved de aktiviteter i fasen, som I har gennemført.";
const CHECKLIST_COLUMNS = ["Aktivitet", "Gennemført"] as const;

const ANSVAR_HEADING = "Ansvar og roller";
const ANSVAR_GUIDANCE = [
  "Hvem er ansvarlig for hvad i implementeringsprocessen? Er rollefordelingen mellem ledelse og implementeringsteam afklaret?",
];
const ANSVAR = rowBlock(
  "ansvar",
  ANSVAR_HEADING,
  [
    { id: "opgave", label: "Opgave" },
    { id: "ansvarlig", label: "Ansvarlig" },
    { id: "fase", label: "Fase" },
  ],
  DA_TEXT_PLACEHOLDER,
  ANSVAR_GUIDANCE,
);

const FIELDS: FieldDef[] = [
  KOMMUNE,
  SKOLE,
  INTERVENTION,
  IDE,
  ...PHASES.flatMap((p) => [p.field, ...p.activities]),
];

const SECTIONS: SectionDef[] = [
  {
    kind: "fields",
    id: "casen",
    title: CASE_HEADING,
    fieldIds: [KOMMUNE.id, SKOLE.id, INTERVENTION.id],
    guidance: CASE_GUIDANCE,
  },
  { kind: "fields", id: "ide", title: IDE.label, fieldIds: [IDE.id], guidance: IDE.guidance },
  ...PHASES.map((p): SectionDef => ({
    kind: "fields",
    id: p.id,
    title: p.heading,
    fieldIds: [p.field.id, ...p.activities.map((a) => a.id)],
    guidance: p.field.guidance,
  })),
  { kind: "block", id: "ansvar", blockType: "ansvar", guidance: ANSVAR_GUIDANCE },
];

export const dkImplementeringsplan: TemplateDef = {
  id: "dk-implementeringsplan",
  name: "Implementeringsplan",
  language: "da",
  title: TITLE,
  fields: FIELDS,
  blocks: [ANSVAR],
  sections: SECTIONS,
  headings: [CASE_HEADING, ...PHASES.map((p) => p.heading), ...CHECKLIST_COLUMNS, ANSVAR_HEADING],
  templateText: [
    ...INTRO,
    ...CASE_GUIDANCE,
    CHECKLIST_INTRO,
    ...ANSVAR_GUIDANCE,
    ...FIELDS.flatMap((f) => f.guidance ?? []),
  ],
  placeholders: [DA_TEXT_PLACEHOLDER, UNCHECKED],
  prompts: [],
  instructions: [],
};

const LAYOUT: LayoutItem[] = [
  { kind: "title" },
  ...INTRO.map((text): LayoutItem => ({ kind: "text", text })),
  { kind: "heading", text: CASE_HEADING, level: 1 },
  { kind: "guidance", lines: CASE_GUIDANCE },
  { kind: "field", id: KOMMUNE.id, level: 2 },
  { kind: "field", id: SKOLE.id, level: 2 },
  { kind: "field", id: INTERVENTION.id, level: 2 },
  { kind: "field", id: IDE.id, level: 1 },
  ...PHASES.flatMap((p): LayoutItem[] => [
    { kind: "heading", text: p.heading, level: 1 },
    { kind: "field", id: p.field.id, level: 2 },
    { kind: "guidance", lines: [CHECKLIST_INTRO] },
    { kind: "checklist", fieldIds: p.activities.map((a) => a.id), columns: CHECKLIST_COLUMNS },
  ]),
  { kind: "heading", text: ANSVAR_HEADING, level: 1 },
  { kind: "guidance", lines: ANSVAR_GUIDANCE },
  { kind: "rows", blockType: ANSVAR.type, rows: 4 },
];

export const dkImplementeringsplanDocument: GeneratedTemplate = {
  template: dkImplementeringsplan,
  purpose: "Beskriv en implementeringsproces i fire faser, fra iscenesættelse til institutionalisering.",
  locale: "da-DK",
  layout: LAYOUT,
};
