/**
 * Problems the adapter reports: codes with parameters (src/taskpane/host.ts), worded by the
 * pane's catalogue in the pane's language. No text is written here.
 *
 * Office.js errors (OfficeExtension.Error codes) become problems by what they mean in the client
 * that answered. `NotAllowed` means different things: on Word on the web it is the answer for an
 * API the browser does not support in this document or session — comments in some web sessions
 * (office-js #6746) and inserting into a document that holds a date-picker content control
 * (#6865, documented by Microsoft) — so there it says "not supported in Word on the web" with
 * what to do instead; on the desktop it means the document is busy (a dialog is open).
 */
import type { HostProblem, HostProblemCode, HostProblemParams } from "../taskpane/host";
import { HostProblemError, isHostProblem } from "../taskpane/host";
import { PlanstodError } from "../core/messages";

/** The problem to throw. */
export function problem(
  code: HostProblemCode,
  params?: HostProblemParams,
  language?: HostProblem["language"],
): HostProblemError {
  return new HostProblemError({ code, ...(params ? { params } : {}), ...(language ? { language } : {}) });
}

/** What the adapter was doing when Word answered NotAllowed, for the web's explanation. */
export type WebFeature = "comments" | "add-block";

const CODES: Readonly<Record<string, HostProblemCode>> = {
  AccessDenied: "access-denied",
  ItemNotFound: "item-not-found",
  GeneralException: "general-exception",
  InvalidArgument: "invalid-argument",
  ApiNotFound: "api-not-found",
  NotAllowed: "not-allowed",
};

/** The Office.js error code of a thrown value, or "". */
export function officeCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}

/** Whether the client is Word on the web; never throws. */
export function isWeb(office: typeof Office): boolean {
  try {
    return String(office.context.platform) === String(office.PlatformType?.OfficeOnline ?? "OfficeOnline");
  } catch {
    return false;
  }
}

/**
 * A thrown value as the pane should see it: problems and the engine's PlanstodErrors as they
 * are, an Office.js error as its problem (NotAllowed on the web with `feature` as
 * "not-supported-on-web").
 */
export function asProblem(error: unknown, office: typeof Office, feature?: WebFeature): Error {
  if (isHostProblem(error) || error instanceof PlanstodError) return error;
  const code = officeCode(error);
  if (code === "NotAllowed" && feature && isWeb(office)) return problem("not-supported-on-web", { feature });
  return problem(CODES[code] ?? "word-failed");
}
