/** The texts of "Skapa en ny plan" (part of the pane's catalogue, one per language). */
export interface NewPlanText {
  heading: string;
  intro: string;
  unsupported: string;
  language: (locale: "sv-SE" | "da-DK") => string;
  create: string;
  createLabel: (name: string) => string;
  creating: string;
  created: (name: string) => string;
  listHeading: string;
  listIntro: string;
}

export const newPlanSv: NewPlanText = {
  heading: "Skapa en ny plan",
  intro:
    "Dokumentet är tomt. Välj en plan, så lägger Planstöd in den här med rubriker, mallens frågor och fält att skriva i.",
  unsupported:
    "Den här versionen av Word kan inte ta emot en ny plan från Planstöd. Skapa planen med kommandot planstod new och öppna filen i Word.",
  language: (locale) => (locale === "da-DK" ? "På danska" : "På svenska"),
  create: "Skapa",
  createLabel: (name) => `Skapa ${name}`,
  creating: "Skapar planen…",
  created: (name) =>
    `${name} har skapats. Fyll i den avsnitt för avsnitt; vägledningen står vid varje avsnitt.`,
  listHeading: "Eller skapa en ny plan",
  listIntro: "Planstöd kan också skapa de här planerna åt dig. Öppna ett tomt dokument och starta Planstöd:",
};

export const newPlanDa: NewPlanText = {
  heading: "Opret en ny plan",
  intro:
    "Dokumentet er tomt. Vælg en plan, så indsætter Planstöd den her med overskrifter, skabelonens spørgsmål og felter at skrive i.",
  unsupported:
    "Denne version af Word kan ikke modtage en ny plan fra Planstöd. Opret planen med kommandoen planstod new, og åbn filen i Word.",
  language: (locale) => (locale === "da-DK" ? "På dansk" : "På svensk"),
  create: "Opret",
  createLabel: (name) => `Opret ${name}`,
  creating: "Opretter planen…",
  created: (name) => `${name} er oprettet. Udfyld den afsnit for afsnit; vejledningen står ved hvert afsnit.`,
  listHeading: "Eller opret en ny plan",
  listIntro: "Planstöd kan også oprette disse planer for dig. Åbn et tomt dokument, og start Planstöd:",
};

/** The texts in a template's language (the pane speaks Swedish before a template is known). */
export const newPlanText = (language: "sv" | "da"): NewPlanText =>
  language === "da" ? newPlanDa : newPlanSv;
