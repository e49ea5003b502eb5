// The only place in the task pane that touches the Office.js globals. Keep it tiny so that it
// can later move into the Word adapter folder without touching the React components.

/** The Word API requirement set the add-in is designed for (also declared in manifest.xml). */
export const MIN_WORD_API_VERSION = "1.3";

export interface OfficeEnvironment {
  /** office.js is loaded (the `Office` global exists). */
  officeLoaded: boolean;
  /** The pane runs inside Word (Office.onReady reported the Word host). */
  inWord: boolean;
  /** Word supports WordApi MIN_WORD_API_VERSION. Only meaningful when `inWord` is true. */
  wordApiSupported: boolean;
  /** The Office theme has a dark body background; undefined when Office does not tell. */
  darkTheme: boolean | undefined;
  /** Word's display language (Office.context.displayLanguage, e.g. "da-DK"); absent outside Office. */
  displayLanguage?: string;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/** Runtime value of Office.HostType.Word (@types/office-js declares HostType as a numeric enum). */
const WORD_HOST = "Word";

/** Host reported by Office.onReady; null outside Office (office.js loaded in a plain browser tab). */
let readyHost: string | null | undefined;

function hostName(host: Office.HostType | null | undefined): string | null {
  return host == null ? null : String(host);
}

/** Waits for Office.onReady when office.js is loaded; resolves at once when it is not. */
export async function waitForOffice(): Promise<void> {
  const office = officeGlobal();
  if (office && typeof office.onReady === "function") {
    const info = await office.onReady();
    readyHost = hostName(info?.host);
  }
}

/** True when the current host supports the given WordApi requirement set. Never throws. */
export function isWordApiSupported(version: string = MIN_WORD_API_VERSION): boolean {
  try {
    return officeGlobal()?.context?.requirements?.isSetSupported("WordApi", version) === true;
  } catch {
    return false;
  }
}

function isDarkColor(hex: string | undefined): boolean | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? "");
  if (!match) return undefined;
  const value = parseInt(match[1], 16);
  const r = (value >> 16) & 0xff;
  const g = (value >> 8) & 0xff;
  const b = value & 0xff;
  // Perceived brightness (ITU-R BT.601 weights), 0..255.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** Reads the current environment. Call after waitForOffice() for reliable host information. */
export function getOfficeEnvironment(): OfficeEnvironment {
  const office = officeGlobal();
  if (!office) {
    return { officeLoaded: false, inWord: false, wordApiSupported: false, darkTheme: undefined };
  }
  let inWord = false;
  let darkTheme: boolean | undefined;
  let displayLanguage: string | undefined;
  try {
    displayLanguage = office.context?.displayLanguage || undefined;
    inWord = (readyHost ?? hostName(office.context?.host)) === WORD_HOST;
    darkTheme = isDarkColor(office.context?.officeTheme?.bodyBackgroundColor);
  } catch {
    // Office.context can throw outside an Office host; treat that as "not in Word".
  }
  return {
    officeLoaded: true,
    inWord,
    wordApiSupported: inWord && isWordApiSupported(),
    darkTheme,
    displayLanguage,
  };
}
