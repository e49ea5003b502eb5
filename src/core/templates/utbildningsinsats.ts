import type { SectionDef, TemplateDef } from "../types";
import { answerField, type GeneratedTemplate, type LayoutItem } from "./layout";
import { SV_TEXT_PLACEHOLDER } from "./trs-verksamhetsplan";

/**
 * Plan för en utbildningsinsats (seed 004): the six steps Behov → Analys → Koncept → Produktion →
 * Genomförande → Uppföljning, with the seed's own text as guidance. The seed names the people
 * its organisation serves "Esther"; here they are "dem verksamheten finns till för", so that any
 * organisation can use the plan (docs/fields.md notes the decision).
 */

const answer = (id: string, label: string, guidance: readonly string[] = []) =>
  answerField(id, label, guidance, SV_TEXT_PLACEHOLDER);

/** The seed's "Esther", generalised. */
const SERVED = "dem verksamheten finns till för";

const TITLE = "Plan för utbildningsinsats";
const INTRO = [
  "Den här planen hjälper dig att tydliggöra behoven, förstå problemet och välja rätt väg framåt. Ibland är en utbildning precis vad som behövs, men oftast visar det sig att en kombination av insatser fungerar bäst.",
  "Processens steg: Behov → Analys → Koncept → Produktion → Genomförande → Uppföljning.",
  "Processen ska inte ses som ett regelverk. Tänk på den som en ledstång och använd de delar som hjälper dig att göra insatsen träffsäker och meningsfull.",
];

const INSATS_HEADING = "Insatsen";
const INSATS = answer("insats", "Insatsens namn");
const ANSVARIG = answer("ansvarig", "Ansvarig för insatsen");

const BEHOV_HEADING = "Behov";
const BEHOV_GUIDANCE = [
  `I detta steg klargör vi varför insatsen behövs, vad den ska lösa och vilket värde den ska skapa för ${SERVED}. För att säkerställa att vi gör rätt sak från början kan du ställa dig följande frågor:`,
];
const BEHOV = [
  answer("behov_vem", "Vem/vilka vill göra den här insatsen?"),
  answer("behov_varfor", "Varför vill ni göra den här insatsen?"),
  answer("behov_uppna", "Vad vill ni uppnå med den här insatsen och vad ska den lösa?"),
  answer("behov_omfattas", "Vem/vilka omfattas av insatsen?"),
  answer("behov_varde", `På vilket sätt bidrar den här insatsen till att det blir bäst för ${SERVED}?`),
];

const ANALYS_HEADING = "Analys";
const ANALYS = answer("analys", "Utmaningar och möjliga lösningar", [
  "I detta steg fördjupar vi förståelsen av behovet. Genom uppföljande frågor, samtal och reflektion identifierar vi både utmaningar och möjliga lösningar.",
  "Ofta visar det sig att enbart utbildning inte är tillräckligt utan andra insatser kan behövas för att få verklig effekt, till exempel en mix av utbildning, information och organisatoriska förändringar.",
]);

const KONCEPT_HEADING = "Koncept";
const KONCEPT_GUIDANCE = [
  "I detta steg skapar vi en plan för insatsen. Vi formulerar lärandemål, väljer metoder och funderar på hur lärandet ska omsättas i vardagen. Målet är att designa en helhet som ger utveckling och nytta i verksamheten.",
];
const KONCEPT = [
  answer("larandemal", "Lärandemål"),
  answer("metoder", "Metoder"),
  answer("vardagen", "Hur lärandet omsätts i vardagen"),
];

const PRODUKTION_HEADING = "Produktion";
const PRODUKTION = answer("produktion", "Innehåll och aktiviteter", [
  "I detta steg fyller vi planen med innehåll och aktiviteter. Vi försöker utgå från att blanda traditionellt lärande med digitala moment och sprida lärandet över tid och rum.",
  "Fokus ligger på att aktivera deltagarna och skapa ett lärande som är relevant och bidrar till verksamhetsnytta.",
]);

const GENOMFORANDE_HEADING = "Genomförande";
const GENOMFORANDE_GUIDANCE = [
  "I detta steg tar deltagarna del av de olika insatserna. Genom engagerande leverans och genomtänkta lärresor med ett före-under-efter-upplägg får vi lärande som verkligen fastnar.",
];
const GENOMFORANDE = [
  answer("fore", "Före insatsen"),
  answer("under", "Under insatsen"),
  answer("efter", "Efter insatsen"),
];

const UPPFOLJNING_HEADING = "Uppföljning";
const UPPFOLJNING_GUIDANCE = [
  "I detta steg följer vi upp resultatet. Här samlar vi även in lärdomar som förbättrar och utvecklar nuvarande och framtida insatser.",
];
const UPPFOLJNING = [
  answer("mal_nadda", "Har vi nått målen?"),
  answer("varde", `Gav insatsen värde för verksamheten och för ${SERVED}?`),
  answer("lardomar", "Vilka lärdomar tar vi med oss till nuvarande och framtida insatser?"),
];

const FIELDS = [INSATS, ANSVARIG, ...BEHOV, ANALYS, ...KONCEPT, PRODUKTION, ...GENOMFORANDE, ...UPPFOLJNING];

const section = (
  id: string,
  title: string,
  fields: readonly { id: string }[],
  guidance: readonly string[] = [],
): SectionDef => ({ kind: "fields", id, title, fieldIds: fields.map((f) => f.id), guidance });

export const utbildningsinsats: TemplateDef = {
  id: "utbildningsinsats",
  name: "Plan för utbildningsinsats",
  language: "sv",
  title: TITLE,
  fields: FIELDS,
  blocks: [],
  sections: [
    section("insatsen", INSATS_HEADING, [INSATS, ANSVARIG]),
    section("behov", BEHOV_HEADING, BEHOV, BEHOV_GUIDANCE),
    section("analys", ANALYS_HEADING, [ANALYS], ANALYS.guidance),
    section("koncept", KONCEPT_HEADING, KONCEPT, KONCEPT_GUIDANCE),
    section("produktion", PRODUKTION_HEADING, [PRODUKTION], PRODUKTION.guidance),
    section("genomforande", GENOMFORANDE_HEADING, GENOMFORANDE, GENOMFORANDE_GUIDANCE),
    section("uppfoljning", UPPFOLJNING_HEADING, UPPFOLJNING, UPPFOLJNING_GUIDANCE),
  ],
  headings: [
    INSATS_HEADING,
    BEHOV_HEADING,
    ANALYS_HEADING,
    KONCEPT_HEADING,
    PRODUKTION_HEADING,
    GENOMFORANDE_HEADING,
    UPPFOLJNING_HEADING,
  ],
  templateText: [
    ...INTRO,
    ...BEHOV_GUIDANCE,
    ...KONCEPT_GUIDANCE,
    ...GENOMFORANDE_GUIDANCE,
    ...UPPFOLJNING_GUIDANCE,
    ...FIELDS.flatMap((f) => f.guidance ?? []),
  ],
  placeholders: [SV_TEXT_PLACEHOLDER],
  prompts: [],
  instructions: [],
};

const field = (f: { id: string }, level: 2 | 3): LayoutItem => ({ kind: "field", id: f.id, level });
const step = (
  heading: string,
  guidance: readonly string[],
  fields: readonly { id: string }[],
): LayoutItem[] => [
  { kind: "heading", text: heading, level: 1 },
  ...(guidance.length > 0 ? [{ kind: "guidance", lines: guidance } as const] : []),
  ...fields.map((f) => field(f, 2)),
];

const LAYOUT: LayoutItem[] = [
  { kind: "title" },
  ...INTRO.map((text): LayoutItem => ({ kind: "text", text })),
  ...step(INSATS_HEADING, [], [INSATS, ANSVARIG]),
  ...step(BEHOV_HEADING, BEHOV_GUIDANCE, BEHOV),
  ...step(ANALYS_HEADING, [], [ANALYS]),
  ...step(KONCEPT_HEADING, KONCEPT_GUIDANCE, KONCEPT),
  ...step(PRODUKTION_HEADING, [], [PRODUKTION]),
  ...step(GENOMFORANDE_HEADING, GENOMFORANDE_GUIDANCE, GENOMFORANDE),
  ...step(UPPFOLJNING_HEADING, UPPFOLJNING_GUIDANCE, UPPFOLJNING),
];

export const utbildningsinsatsDocument: GeneratedTemplate = {
  template: utbildningsinsats,
  purpose:
    "Planera en utbildningsinsats steg för steg, från behov och analys till genomförande och uppföljning.",
  locale: "sv-SE",
  layout: LAYOUT,
};
