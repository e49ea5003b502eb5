/** Swedish texts for errors that Office.js reports (OfficeExtension.Error codes). */

const CODES: Record<string, string> = {
  AccessDenied: "Word tillåter inte ändringen. Dokumentet kan vara skrivskyddat eller låst för redigering.",
  ItemNotFound:
    "Planstöd hittade inte det som skulle ändras. Dokumentet kan ha ändrats; uppdatera och försök igen.",
  GeneralException: "Word kunde inte utföra åtgärden. Försök igen; uppdatera Planstöd om det inte hjälper.",
  InvalidArgument: "Word tog inte emot ändringen. Uppdatera Planstöd och försök igen.",
  NotAllowed: "Word tillåter inte ändringen just nu, till exempel medan ett annat fönster är öppet.",
  ApiNotFound:
    "Den här versionen av Word saknar en funktion som Planstöd behöver. Använd Word för webben eller en nyare Word.",
};

export function officeErrorText(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return CODES[code] ?? "Word kunde inte utföra åtgärden. Försök igen.";
}
