import type { FieldDef, TemplateDef } from "../types";

/**
 * IKO, Handlingsplan (mall) for implementing a training initiative (seed 000). A form of
 * one-column tables: a heading cell with the label and italic guidance questions, then an
 * answer cell that starts with a pre-printed prompt. No content controls.
 */

/** A field whose label cell reads `anchor`; reports show the label without its colon. */
const field = (id: string, anchor: string, guidance: readonly string[], required = true): FieldDef => ({
  id,
  label: anchor.replace(/\s*:\s*$/, ""),
  required,
  locate: { kind: "after", anchor },
  guidance,
});

const NULAGE_QUESTIONS = [
  "1. Hur är lägesbilden när det gäller interkulturell kompetens?",
  "2. Vad vill ni förändra och varför?",
  "3. Vad skulle hända om ni inte påbörjade en förändring?",
  "4. Vilka interkulturella kompetenser saknas i organisationen?",
  "5. Hos vem?",
  "6. Varför är det ett problem?",
  "7. Var behövs mer samverkan inom mångfaldsarbetet?",
  "(Använd gärna aktiviteten ”Kom i gång med att lyckas” som finns på modulsidan som avstamp för att ta fram denna del av handlingsplanen)",
];
const MALGRUPP_QUESTIONS = [
  "Vem ska delta i de insatser ni vill sätta igång (till exempel utbildningar, handledningsgrupper, kollegialt stöd)?",
  "Var så konkret som möjligt och beskriv t.ex. befattning/yrke, antal och kön",
  "Definiera gärna målgruppen för varje aktivitet som ni listar nedan:",
  "Aktivitet 1…",
  "Aktivitet 2… etc.",
  "Vem kommer att märka förändringen som projektet ska åstadkomma? (målgrupp till exempel kunder, elever, nya anställda)",
];
const MAL_QUESTIONS = [
  "Beskriv ett eller flera mål så konkret som möjligt (till exempel: En mer inkluderande arbetsmiljö, fler anställda med utländsk bakgrund)",
  "På vilket sätt (om något) kopplar dessa mål sig till andra pågående insatser/projekt i organisationen? (Er jämställdhetspolicy? FN:s globala hållbarhetsmål?)",
  "Finns det möjligheter att skapa synergieffekter? (Andra projekt/insatser som är på gång som kan samordnas, att fler individer kan nås?)",
  "Finns det möjligheter att skapa samarbete och/eller effektivisera ert arbete?",
];
const INSATSER_QUESTIONS = [
  "Beskriv insatserna så konkret som möjligt",
  "Se till att deltagare/målgrupp matchar med det ni skrev ovan och fundera ordentlig på varför att det är just dessa insatser kommer ta er närmare målen.",
];
const KOMMUNIKATION_QUESTIONS = ["Om ja, beskriv tankar/planer och ev. kontaktperson hos er."];
const TIDPLAN_LABEL = "Tidplan med deadlines och ansvarig person";
const TIDPLAN_GUIDANCE = [
  "Ju mer konkret, desto bättre. Använd t.ex. schemat nedan för att göra tidsplanen.",
];

const ORGANISATION = field("organisation", "Organisationens namn:", []);
const NULAGE = field("nulagesanalys", "Nulägesanalys/problembild:", NULAGE_QUESTIONS);
const MALGRUPP = field("malgrupp", "Målgrupp:", MALGRUPP_QUESTIONS);
const MAL = field("mal", "Konkreta mål – vilka förändringar vill ni uppnå?", MAL_QUESTIONS);
const INSATSER = field(
  "insatser",
  "Insatser och aktiviteter: Vad vill ni konkret göra för att nå målen?",
  INSATSER_QUESTIONS,
);
const SAMMANHANG = field(
  "sammanhang",
  "Sammanhang: På vilket sätt ska de valda aktiviteterna (t.ex. utbildningar och andra insatser) föra er fram mot målen?",
  [],
);
const UPPFOLJNING = field("uppfoljning", "Uppföljning: Hur vill ni följa upp/utvärdera insatserna? När?", []);
const KOMMUNIKATION = field(
  "kommunikation",
  "Kommunikation och spridning av information? Vilka ska involveras och informeras och varför?",
  KOMMUNIKATION_QUESTIONS,
);
const OVRIGT = field("ovrigt", "Övrigt:", [], false);

const FIELDS = [
  ORGANISATION,
  NULAGE,
  MALGRUPP,
  MAL,
  INSATSER,
  SAMMANHANG,
  UPPFOLJNING,
  KOMMUNIKATION,
  OVRIGT,
];

const INTRO_QUESTIONS = [
  "Vad behöver ni göra (mer av) internt i era organisationer för att sprida och implementera interkulturell kompetens i organisationen?",
  "Varför?",
  "Vilken effekt vill ni uppnå?",
  "Hur vill ni göra det?",
];

const fieldsSection = (f: FieldDef, title: string) =>
  ({ kind: "fields", id: f.id, title, fieldIds: [f.id], guidance: f.guidance }) as const;

export const ikoHandlingsplan: TemplateDef = {
  id: "iko-handlingsplan",
  name: "IKO:s handlingsplan",
  language: "sv",
  title: "Handlingsplan (mall)",
  // The overall questions stand under the title, before "Vem tog fram handlingsplanen?": they are
  // about the whole plan, not about who wrote it.
  guidance: INTRO_QUESTIONS,
  fields: FIELDS,
  blocks: [
    {
      kind: "rows",
      type: "upprattad_av",
      name: "Vem tog fram handlingsplanen?",
      columns: [
        { id: "befattning", label: "Befattning" },
        { id: "namn", label: "Namn" },
        { id: "kontaktuppgifter", label: "Kontaktuppgifter" },
      ],
    },
    {
      kind: "rows",
      type: "tidplan",
      name: "Tidplan",
      guidance: [TIDPLAN_LABEL, ...TIDPLAN_GUIDANCE],
      columns: [
        { id: "aktivitet", label: "Vilken aktivitet ska göras?" },
        { id: "vem", label: "Vem gör?" },
        { id: "deadline", label: "När är det klart? (Deadline)" },
      ],
    },
  ],
  sections: [
    fieldsSection(ORGANISATION, "Organisationens namn"),
    { kind: "block", id: "upprattad_av", blockType: "upprattad_av" },
    fieldsSection(NULAGE, "Nulägesanalys/problembild"),
    fieldsSection(MALGRUPP, "Målgrupp"),
    fieldsSection(MAL, "Konkreta mål"),
    fieldsSection(INSATSER, "Insatser och aktiviteter"),
    fieldsSection(SAMMANHANG, "Sammanhang"),
    fieldsSection(UPPFOLJNING, "Uppföljning"),
    fieldsSection(KOMMUNIKATION, "Kommunikation och spridning"),
    { kind: "block", id: "tidplan", blockType: "tidplan", guidance: [TIDPLAN_LABEL, ...TIDPLAN_GUIDANCE] },
    fieldsSection(OVRIGT, "Övrigt"),
  ],
  headings: ["Handlingsplan (mall)", "Vem tog fram handlingsplanen?", TIDPLAN_LABEL],
  templateText: [...FIELDS.flatMap((f) => f.guidance ?? []), ...TIDPLAN_GUIDANCE],
  placeholders: [],
  prompts: ["Skriv svar på frågorna 1-7 här:", "Skriv här:", "Mål 1:", "Mål 2:", "Mål 3 etc.:"],
  instructions: [],
};
