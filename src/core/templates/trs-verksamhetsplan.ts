import type { SectionDef, TemplateDef } from "../types";
import { answerField, rowBlock, type GeneratedTemplate, type LayoutItem } from "./layout";

/**
 * Verksamhets- och kompetensplan (seed 001, Trygghetsrådet TRS, "KIV-trappan"): the work
 * meetings in their order, each a section with the seed's own text as guidance, then the three
 * development areas with their long-term goals, the goal and action plan and the competence plan
 * as tables of rows. The seed is a process; the document is where its results are written down.
 */

/** Word's Swedish default placeholder for a text content control. */
export const SV_TEXT_PLACEHOLDER = "Klicka eller tryck här för att ange text.";

const answer = (id: string, label: string, guidance: readonly string[] = []) =>
  answerField(id, label, guidance, SV_TEXT_PLACEHOLDER);

const TITLE = "Verksamhets- och kompetensplan";
const INTRO = [
  "Det ni kommer fram till vid arbetsmötena dokumenteras och sammanfattas i den här planen: först verksamhetens framtid, historia, nuläge, värdegrund och omvärld, sedan utvecklingsområden, mål och handlingsplan och till sist kompetensplanen.",
  "En förutsättning för en bra verksamhetsplanering är att alla medarbetare är delaktiga.",
];

const MEETINGS_HEADING = "Kreativa arbetsmöten";
const MEETINGS_GUIDANCE = [
  "Under ett antal arbetsmöten får ni beskriva och analysera verksamheten. De frågor som diskuteras är frågor varje verksamhet behöver fundera över för att komma fram till vad organisationen ska ägna sig åt och vilka kompetenser som behövs för att lyckas.",
];

const FRAMTID = answer("framtid", "Framtid", [
  "Under det här mötet kommer ni fram till hur verksamheten ska se ut när den är som allra bäst och hur ni som medarbetare ska bidra till det.",
]);
const HISTORIA = answer("historia", "Historia", [
  "Nu ska ni göra verksamhetens historia synlig och dra lärdomar av den.",
  "Vad tar ni med er in i framtiden och vad lämnar ni bakom er?",
]);
const NUTID_HEADING = "Nutid";
const NUTID_GUIDANCE = ["Ni lägger fokus på här och nu."];
const NUTID = [
  answer("nutid_uppdrag", "Vilket är ert uppdrag?"),
  answer("nutid_varfor", "Varför finns ni till?"),
  answer("nutid_for_vem", "För vem finns ni?"),
  answer("nutid_erbjuder", "Vad erbjuder ni?"),
  answer("nutid_varden", "Vilka värden skapar ni?"),
];
const STYRKOR_HEADING = "Styrkor och svagheter";
const STYRKOR_GUIDANCE = [
  "Vad är ni bra på och vad ni är mindre bra på? Under det här mötet synliggör ni verksamhetens styrkor och svagheter.",
];
const STYRKOR = answer("styrkor", "Styrkor");
const SVAGHETER = answer("svagheter", "Svagheter");
const LEDSTJARNOR = answer("ledstjarnor", "Ledstjärnor", [
  "Ni arbetar med att ta fram gemensamma ledstjärnor som kan representera er värdegrund. Ledstjärnorna är de ord som beskriver det viktigaste i förhållningssättet gentemot varandra, till uppdraget och organisationens ändamål.",
]);
const OMVARLD = answer("omvarldsanalys", "Omvärldsanalys", [
  "Det pågår ständigt saker i omvärlden som kommer att påverka förutsättningarna för verksamheten. Under detta arbetsmöte identifierar och diskuterar ni trender och händelser som det är viktigt att organisationen tar hänsyn till i verksamhetsplaneringen.",
]);

const PLANERA_HEADING = "Viktiga utvecklingsområden";
const PLANERA_GUIDANCE = [
  "När ni har skapat gemensam förståelse för framtid, historia, nuläge, värdegrund och omvärld är det dags att börja planeringen.",
  "Utifrån de diskussioner ni fört - vilka är de viktigaste utvecklingsområdena för viktiga målgrupper/intressenter, ekonomi och resurser och arbetssätt, medarbetarskap och ledarskap?",
  "När ni har identifierat era utvecklingsområden formuleras långsiktiga mål för dessa, för de närmaste åren.",
];

interface Area {
  id: string;
  heading: string;
  areas: ReturnType<typeof answer>;
  goals: ReturnType<typeof answer>;
}
const area = (id: string, heading: string): Area => ({
  id,
  heading,
  areas: answer(`omraden_${id}`, `Utvecklingsområden för ${heading.toLowerCase()}`),
  goals: answer(`mal_${id}`, `Långsiktiga mål för ${heading.toLowerCase()}`),
});
const AREAS: Area[] = [
  area("malgrupper", "Viktiga målgrupper/intressenter"),
  area("ekonomi", "Ekonomi och resurser"),
  area("arbetssatt", "Arbetssätt, medarbetarskap och ledarskap"),
];

const HANDLINGSPLAN_HEADING = "Mål- och handlingsplan";
const HANDLINGSPLAN_GUIDANCE = [
  "Bryt ner de långsiktiga målen i delmål, eller resultatmål. Formulera vad ni ska göra för att nå målen i en handlingsplan för kommande år.",
];
const HANDLINGSPLAN = rowBlock(
  "handlingsplan",
  HANDLINGSPLAN_HEADING,
  [
    { id: "delmal", label: "Delmål/resultatmål" },
    { id: "aktivitet", label: "Aktivitet" },
    { id: "ansvarig", label: "Ansvarig" },
    { id: "klart_nar", label: "Klart när" },
  ],
  SV_TEXT_PLACEHOLDER,
  HANDLINGSPLAN_GUIDANCE,
);

const KOMPETENSPLAN_HEADING = "Kompetensplan";
const KOMPETENSPLAN_GUIDANCE = [
  "Vilka kompetenser behöver ni för att medarbetarna ska kunna utföra uppdraget och verksamheten uppnå målen?",
];
const KOMPETENSPLAN = rowBlock(
  "kompetensplan",
  KOMPETENSPLAN_HEADING,
  [
    { id: "kompetens", label: "Kompetens som behövs" },
    { id: "for_vilka", label: "För vilka" },
    { id: "hur", label: "Hur den utvecklas" },
    { id: "nar", label: "När" },
  ],
  SV_TEXT_PLACEHOLDER,
  KOMPETENSPLAN_GUIDANCE,
);
const CLOSING =
  "Planerna uppdateras varje år, så att verksamhets- och kompetensplanen fortsätter att vara aktuell.";

const FIELDS = [
  FRAMTID,
  HISTORIA,
  ...NUTID,
  STYRKOR,
  SVAGHETER,
  LEDSTJARNOR,
  OMVARLD,
  ...AREAS.flatMap((a) => [a.areas, a.goals]),
];

const single = (f: ReturnType<typeof answer>): SectionDef => ({
  kind: "fields",
  id: f.id,
  title: f.label,
  fieldIds: [f.id],
  guidance: f.guidance,
});

export const trsVerksamhetsplan: TemplateDef = {
  id: "trs-verksamhetsplan",
  name: "Verksamhets- och kompetensplan",
  language: "sv",
  title: TITLE,
  fields: FIELDS,
  blocks: [HANDLINGSPLAN, KOMPETENSPLAN],
  sections: [
    single(FRAMTID),
    single(HISTORIA),
    {
      kind: "fields",
      id: "nutid",
      title: NUTID_HEADING,
      fieldIds: NUTID.map((f) => f.id),
      guidance: NUTID_GUIDANCE,
    },
    {
      kind: "fields",
      id: "styrkor_svagheter",
      title: STYRKOR_HEADING,
      fieldIds: [STYRKOR.id, SVAGHETER.id],
      guidance: STYRKOR_GUIDANCE,
    },
    single(LEDSTJARNOR),
    single(OMVARLD),
    ...AREAS.map((a): SectionDef => ({
      kind: "fields",
      id: a.id,
      title: a.heading,
      fieldIds: [a.areas.id, a.goals.id],
      guidance: PLANERA_GUIDANCE.slice(1),
    })),
    { kind: "block", id: "handlingsplan", blockType: "handlingsplan", guidance: HANDLINGSPLAN_GUIDANCE },
    { kind: "block", id: "kompetensplan", blockType: "kompetensplan", guidance: KOMPETENSPLAN_GUIDANCE },
  ],
  headings: [
    MEETINGS_HEADING,
    NUTID_HEADING,
    STYRKOR_HEADING,
    PLANERA_HEADING,
    ...AREAS.map((a) => a.heading),
    HANDLINGSPLAN_HEADING,
    KOMPETENSPLAN_HEADING,
  ],
  templateText: [
    ...INTRO,
    ...MEETINGS_GUIDANCE,
    ...NUTID_GUIDANCE,
    ...STYRKOR_GUIDANCE,
    ...PLANERA_GUIDANCE,
    ...HANDLINGSPLAN_GUIDANCE,
    ...KOMPETENSPLAN_GUIDANCE,
    CLOSING,
    ...FIELDS.flatMap((f) => f.guidance ?? []),
  ],
  placeholders: [SV_TEXT_PLACEHOLDER],
  prompts: [],
  instructions: [],
};

const field = (f: { id: string }, level: 2 | 3): LayoutItem => ({ kind: "field", id: f.id, level });

const LAYOUT: LayoutItem[] = [
  { kind: "title" },
  ...INTRO.map((text): LayoutItem => ({ kind: "text", text })),
  { kind: "heading", text: MEETINGS_HEADING, level: 1 },
  { kind: "guidance", lines: MEETINGS_GUIDANCE },
  field(FRAMTID, 2),
  field(HISTORIA, 2),
  { kind: "heading", text: NUTID_HEADING, level: 2 },
  { kind: "guidance", lines: NUTID_GUIDANCE },
  ...NUTID.map((f) => field(f, 3)),
  { kind: "heading", text: STYRKOR_HEADING, level: 2 },
  { kind: "guidance", lines: STYRKOR_GUIDANCE },
  field(STYRKOR, 3),
  field(SVAGHETER, 3),
  field(LEDSTJARNOR, 2),
  field(OMVARLD, 2),
  { kind: "heading", text: PLANERA_HEADING, level: 1 },
  { kind: "guidance", lines: PLANERA_GUIDANCE },
  ...AREAS.flatMap((a): LayoutItem[] => [
    { kind: "heading", text: a.heading, level: 2 },
    field(a.areas, 3),
    field(a.goals, 3),
  ]),
  { kind: "heading", text: HANDLINGSPLAN_HEADING, level: 1 },
  { kind: "guidance", lines: HANDLINGSPLAN_GUIDANCE },
  { kind: "rows", blockType: HANDLINGSPLAN.type, rows: 4 },
  { kind: "heading", text: KOMPETENSPLAN_HEADING, level: 1 },
  { kind: "guidance", lines: KOMPETENSPLAN_GUIDANCE },
  { kind: "rows", blockType: KOMPETENSPLAN.type, rows: 4 },
  { kind: "text", text: CLOSING },
];

export const trsVerksamhetsplanDocument: GeneratedTemplate = {
  template: trsVerksamhetsplan,
  purpose:
    "Samla resultatet av arbetsmötena (framtid, historia, nutid, omvärld) i en verksamhetsplan med mål, handlingsplan och kompetensplan.",
  locale: "sv-SE",
  layout: LAYOUT,
};
