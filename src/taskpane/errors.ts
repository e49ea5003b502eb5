import { isHostProblem, type HostProblem } from "./host";
import { catalogueFor, sv, type PaneText } from "./i18n";

/** Longest detail shown from an unexpected error, so a long dump never fills the pane. */
const MAX_DETAIL = 200;

const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);

/**
 * A Swedish sentence for anything a host call threw. A PlanstodError already carries one; any
 * other error gets "Något gick fel: …" with the first line of its message, never its stack.
 */
export function errorMessage(error: unknown, text: PaneText = sv): string {
  if (isHostProblem(error)) return problemMessage(error, text);
  if (error instanceof Error && error.name === "PlanstodError" && error.message.trim() !== "") {
    return capitalise(error.message.trim());
  }
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const firstLine = raw.split(/\r?\n/, 1)[0].trim();
  if (firstLine === "") return text.somethingWrong(text.unknownError);
  const detail =
    firstLine.length > MAX_DETAIL ? `${firstLine.slice(0, MAX_DETAIL - 1).trimEnd()}…` : firstLine;
  return text.somethingWrong(detail);
}

/** A host problem in the pane's language (or the problem's own, for a new plan's). */
export function problemMessage(problem: HostProblem, text: PaneText = sv): string {
  const t = problem.language ? catalogueFor(problem.language) : text;
  return t.host[problem.code](problem.params ?? {});
}
