import { PlanstodError } from "../../core/messages";

/**
 * Decoding an XML part's bytes the way its byte order mark or XML declaration says: UTF-8
 * (the default), UTF-16, ISO-8859-1, windows-1252 and whatever else TextDecoder knows.
 */

export interface DecodedXml {
  text: string;
  /** The bytes held sequences invalid in their encoding (each became U+FFFD in `text`). */
  invalid: boolean;
}

/** The encoding named in the XML declaration at the start of ASCII-compatible bytes, or null. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
  const m = /^<\?xml[^>]*?\sencoding\s*=\s*(["'])([^"']*)\1/.exec(head);
  return m ? m[2].trim().toLowerCase() : null;
}

/** ISO-8859-1 proper: every byte is the code point of the same number (TextDecoder maps it to windows-1252). */
function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

const LATIN1 = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "l1",
  "cp819",
  "ibm819",
]);

function decodeWith(label: string, bytes: Uint8Array): DecodedXml {
  const strict = new TextDecoder(label, { fatal: true });
  try {
    return { text: strict.decode(bytes), invalid: false };
  } catch {
    return { text: new TextDecoder(label).decode(bytes), invalid: true };
  }
}

/** Decodes an XML part; throws a PlanstodError when it names an encoding nobody knows. */
export function decodeXml(bytes: Uint8Array, part: string): DecodedXml {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith("utf-16be", bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeWith("utf-8", bytes.subarray(3));
  const declared = declaredEncoding(bytes);
  if (declared === null || declared === "utf-8" || declared === "utf8") return decodeWith("utf-8", bytes);
  if (LATIN1.has(declared)) return { text: latin1(bytes), invalid: false };
  // UTF-16 declared without a byte order mark cannot start with ASCII "<?xml"; say so.
  if (declared.startsWith("utf-16")) throw new PlanstodError("unknown-encoding", `${part}|${declared}`);
  let label: string;
  try {
    label = new TextDecoder(declared).encoding;
  } catch {
    throw new PlanstodError("unknown-encoding", `${part}|${declared}`);
  }
  return decodeWith(label, bytes);
}
