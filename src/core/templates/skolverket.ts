import type { FieldDef, TemplateDef } from "../types";

/**
 * Skolverket, Åtgärdsplan (Samverkan för bästa skola). Labels, guidance and placeholders are
 * the template's own words (seed 003); field ids are the contract's.
 */

const TEXT_PLACEHOLDER = "Klicka eller tryck här för att ange text.";
const DATE_PLACEHOLDER = "Klicka eller tryck här för att ange datum.";
const AREA_PLACEHOLDER = "Välj utvecklingsområde";
const ORGANISER_PLACEHOLDER = "Ange huvudmannen och enhetens namn.";

/** The dropdown's items, used only when no dropdown of the template is left in a document to copy. */
const AREA_ITEMS = [
  "Styrning och ledning",
  "Undervisning och lärande",
  "Systematiskt kvalitetsarbete",
  "Trygghet och studiero",
  "Elevhälsa och extra anpassningar",
  "Kompetensförsörjning",
];

const richText = { kind: "richText", placeholder: TEXT_PLACEHOLDER } as const;
const cellText = { kind: "richText", placeholder: TEXT_PLACEHOLDER, cell: true } as const;

const BAKGRUND = "Kort bakgrund och beskrivning av enhetens/huvudmannens organisation och förutsättningar";

const section = (id: string, label: string, guidance: readonly string[]): FieldDef => ({
  id,
  label,
  required: true,
  locate: { kind: "after", anchor: label },
  guidance,
  control: richText,
});

const PLAN = section("plan", "Plan för insatser inom ramen för utvecklingsområdet", [
  "Skrivs efter dialog med utförare och Skolverket.",
]);
const DELTAGARE = section("deltagare", "Deltagare i insatsen", ["Ange målgrupp, funktion och antal."]);
const TIDPLAN = section("tidplan", "Tidplan", [
  "Gör en tidsplan för varje insats. Inkludera även förberedelsearbete.",
]);
const ANSVAR = section("ansvar", "Ansvar för insatsen", [
  "Ange vilka som ansvarar för att insatsen planeras, genomförs och följs upp.",
  "Ansvar avser såväl att ge förutsättningar för insatserna som för att planera, genomföra och följa upp dem. Ansvaret för en insats kan ligga på olika nivåer, till exempel huvudman, skolchef och rektor.",
]);
const DELAKTIGHET = section("delaktighet", "Delaktighet", [
  "Ange på vilket sätt barn, elever, förskollärare, lärare, övrig personal, rektor, skolchef och huvudman kommer att vara delaktiga i planering, genomförande och uppföljning av insatserna.",
]);
const STYRKOR = section("styrkor", "Styrkor att använda i kommande insatser", [
  "Beskriv vad i den egna verksamheten som kan bidra till ett framgångsrikt genomförande av de olika insatserna, exempelvis andra pågående projekt eller specialkompetens hos vissa medarbetare. Lyft fram tidigare erfarenheter att bygga vidare på.",
]);
const RISKER = section("risker", "Risker", [
  "Beskriv vad i den egna verksamheten som kan hindra ett framgångsrikt genomförande av de olika insatserna, exempelvis andra pågående projekt eller svag förankring hos medarbetare.",
]);
const FOREBYGGANDE = section("forebyggande", "Förebyggande åtgärder", [
  "Beskriv hur identifierade risker kan förebyggas.",
]);
const ERFARENHETSSPRIDNING = section("erfarenhetsspridning", "Erfarenhetsspridning", [
  "Beskriv hur ni planerar att ta hand om de lärdomar ni gör i arbetet med utvecklingsområdet. Beskriv hur lärdomarna ska användas och spridas inom och utanför den egna verksamheten eller organisationen.",
]);

/** The single fields that are a heading, guidance and an answer, in document order. */
const SECTION_FIELDS = [
  PLAN,
  DELTAGARE,
  TIDPLAN,
  ANSVAR,
  DELAKTIGHET,
  STYRKOR,
  RISKER,
  FOREBYGGANDE,
  ERFARENHETSSPRIDNING,
];

const UPPFOLJNING_GUIDANCE =
  "Syftet med att följa upp och utvärdera är att få information om huruvida målen uppnås, att skapa delaktighet samt för att eventuellt göra förändringar i insatsen. Uppföljningen syftar också till att synliggöra verksamhetens lärdomar inför det fortsatta kvalitetsarbetet. Det är viktigt att redan från början skapa en strategi för hur och när insatsen ska följas upp utifrån uppsatta mål samt att identifiera eventuella behov av att göra förändringar i insatsen.";

const MAL_GUIDANCE = "Vad insatsen konkret ska leda till det vill säga vilka orsaker insatsen ska åtgärda";
const FORBATTRINGAR_GUIDANCE = "Konkreta tecken på att målet är uppnått eller är på väg att uppnås";
const EFFEKT_GUIDANCE =
  "Vad ska hända med resultat och måluppfyllelse i relation till nationella mål när orsakerna är åtgärdade och målen med insatsen är uppnådda (kopplade till angivna problem)?";
const AREA_INSTRUCTION =
  "Om flera insatser planeras inom samma utvecklingsområde kopieras nedan och klistras in längst ner:";
const UPPFOLJNING_INSTRUCTION =
  "Kopiera nedan från ”Beskriv när insatsen ska följas upp utifrån målen” fram till och med ”Beskriv vem som ansvarar för att uppföljning sker utifrån målen” och klistra in längst ner. En gång för varje insats.";

export const skolverketAtgardsplan: TemplateDef = {
  id: "skolverket-atgardsplan",
  name: "Skolverkets åtgärdsplan",
  language: "sv",
  title: "Åtgärdsplan",
  fields: [
    {
      id: "datum",
      label: "Datum",
      required: true,
      locate: { kind: "top", date: true, placeholder: DATE_PLACEHOLDER },
      control: { kind: "date", placeholder: DATE_PLACEHOLDER },
    },
    {
      id: "huvudman",
      label: "Huvudmannen och enhetens namn",
      required: true,
      locate: { kind: "top", date: false, placeholder: ORGANISER_PLACEHOLDER },
      control: { kind: "plainText", placeholder: ORGANISER_PLACEHOLDER },
    },
    {
      id: "bakgrund",
      label: BAKGRUND,
      required: true,
      locate: { kind: "after", anchor: `${BAKGRUND}:` },
      control: richText,
    },
    ...SECTION_FIELDS,
  ],
  blocks: [
    {
      kind: "instances",
      type: "utvecklingsomrade",
      name: "Utvecklingsområde",
      guidance: [AREA_INSTRUCTION],
      fields: [
        {
          id: "omrade",
          label: "Välj utvecklingsområde",
          required: true,
          locate: { kind: "after", anchor: "Välj utvecklingsområde:" },
          control: { kind: "dropDownList", placeholder: AREA_PLACEHOLDER, inline: true, items: AREA_ITEMS },
        },
        {
          id: "insats",
          label: "Namn på insats/insatser",
          required: true,
          locate: { kind: "after", anchor: "Namn på insats/insatser:" },
          control: { kind: "plainText", placeholder: TEXT_PLACEHOLDER, inline: true },
        },
        {
          id: "problem",
          label: "Problem kopplade till förskolans/elevernas/enheternas resultat och måluppfyllelse",
          required: true,
          locate: {
            kind: "below",
            anchor: "Problem kopplade till förskolans/elevernas/enheternas resultat och måluppfyllelse",
          },
          control: cellText,
        },
        {
          id: "orsaker",
          label: "Orsaker till identifierade problem",
          required: true,
          locate: { kind: "below", anchor: "Orsaker till identifierade problem" },
          control: cellText,
        },
        {
          id: "mal",
          label: "Mål med insatsen",
          required: true,
          locate: { kind: "below", anchor: "Mål med insatsen" },
          control: cellText,
          guidance: [MAL_GUIDANCE],
        },
        {
          id: "forbattringar",
          label: "Synliga förbättringar",
          required: true,
          locate: { kind: "below", anchor: "Synliga förbättringar" },
          control: cellText,
          guidance: [FORBATTRINGAR_GUIDANCE],
        },
        {
          id: "effekt",
          label: "Förväntad effekt kopplat till problem",
          required: true,
          locate: { kind: "after", anchor: "Förväntad effekt kopplat till problem" },
          control: richText,
          guidance: [EFFEKT_GUIDANCE],
        },
      ],
    },
    {
      kind: "instances",
      type: "uppfoljning",
      name: "Uppföljning",
      guidance: [UPPFOLJNING_GUIDANCE],
      fields: [
        {
          id: "nar",
          label: "Beskriv när insatsen ska följas upp utifrån målen",
          required: true,
          locate: { kind: "after", anchor: "Beskriv när insatsen ska följas upp utifrån målen:" },
          control: richText,
        },
        {
          id: "hur",
          label: "Beskriv hur insatsen ska följas upp utifrån målen",
          required: true,
          locate: { kind: "after", anchor: "Beskriv hur insatsen ska följas upp utifrån målen:" },
          control: richText,
        },
        {
          id: "vem",
          label: "Beskriv vem som ansvarar för att uppföljning sker utifrån målen",
          required: true,
          locate: {
            kind: "after",
            anchor: "Beskriv vem som ansvarar för att uppföljning sker utifrån målen:",
          },
          control: richText,
        },
      ],
    },
  ],
  sections: [
    { kind: "fields", id: "inledning", title: "Datum och huvudman", fieldIds: ["datum", "huvudman"] },
    { kind: "fields", id: "bakgrund", title: "Bakgrund", fieldIds: ["bakgrund"], guidance: [BAKGRUND] },
    { kind: "block", id: "utvecklingsomrade", blockType: "utvecklingsomrade" },
    { kind: "fields", id: "plan", title: PLAN.label, fieldIds: ["plan"] },
    { kind: "fields", id: "deltagare", title: DELTAGARE.label, fieldIds: ["deltagare"] },
    { kind: "fields", id: "tidplan", title: TIDPLAN.label, fieldIds: ["tidplan"] },
    { kind: "fields", id: "ansvar", title: ANSVAR.label, fieldIds: ["ansvar"] },
    { kind: "fields", id: "delaktighet", title: DELAKTIGHET.label, fieldIds: ["delaktighet"] },
    { kind: "block", id: "uppfoljning", blockType: "uppfoljning" },
    { kind: "fields", id: "styrkor", title: STYRKOR.label, fieldIds: ["styrkor"] },
    { kind: "fields", id: "risker", title: RISKER.label, fieldIds: ["risker"] },
    { kind: "fields", id: "forebyggande", title: FOREBYGGANDE.label, fieldIds: ["forebyggande"] },
    {
      kind: "fields",
      id: "erfarenhetsspridning",
      title: ERFARENHETSSPRIDNING.label,
      fieldIds: ["erfarenhetsspridning"],
    },
  ],
  headings: [
    "Åtgärdsplan",
    "Utvecklingsområde",
    "Uppföljning och utvärdering",
    AREA_INSTRUCTION,
    UPPFOLJNING_INSTRUCTION,
  ],
  templateText: [
    MAL_GUIDANCE,
    FORBATTRINGAR_GUIDANCE,
    EFFEKT_GUIDANCE,
    ...SECTION_FIELDS.flatMap((f) => f.guidance ?? []),
  ],
  placeholders: [
    TEXT_PLACEHOLDER,
    DATE_PLACEHOLDER,
    "Välj ett objekt.",
    AREA_PLACEHOLDER,
    ORGANISER_PLACEHOLDER,
  ],
  prompts: [],
  instructions: ["Radera denna mening och klistra sedan in fler tabeller här", "Klistra in här."],
  blockCountRules: [
    {
      code: "uppfoljning-count",
      fewer: "uppfoljning",
      than: "utvecklingsomrade",
      message: (fewer, than) =>
        `${
          fewer === 0
            ? "Ingen uppföljning är ifylld"
            : fewer === 1
              ? "1 uppföljning är ifylld"
              : `${fewer} uppföljningar är ifyllda`
        }, men ${than === 1 ? "1 utvecklingsområde används" : `${than} utvecklingsområden används`}. Mallen ber om en uppföljning för varje insats.`,
    },
  ],
};
