import { PlanstodError } from "../../core/messages";
import { LIMITS, MB } from "./limits";

/**
 * The zip's central directory, read before anything is inflated: how many entries, their names
 * and their declared sizes. A package is refused here when it declares too much; one that lies
 * about its sizes is still stopped by the streamed budget while inflating (package/docx-package.ts).
 */

export interface ZipEntry {
  name: string;
  /** The declared uncompressed size. */
  size: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** Where the end-of-central-directory record starts, or -1. */
function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

/**
 * Whether an entry name can be a part name (or a folder): relative, no "." or ".." segments, no
 * empty segments, no control characters. Anything else could not be written back unchanged.
 */
function validName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (name === "" || /[\u0000-\u001f\u007f]/.test(name) || /^[/\\]|^[a-zA-Z]:/.test(name)) return false;
  const segments = name.replace(/\\/g, "/").replace(/\/$/, "").split("/");
  return segments.every((s) => s !== "" && s !== "." && s !== "..");
}

/**
 * The entries of a zip's central directory. Throws "damaged" when there is none, and refuses
 * too many entries, duplicate names and declared sizes past the caps.
 */
export function readZipDirectory(b: Uint8Array): ZipEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0) throw new PlanstodError("damaged");
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  let end = eocd;
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR) {
    const at = u64(b, eocd - 20 + 8);
    if (at + 56 > b.length || u32(b, at) !== ZIP64_EOCD) throw new PlanstodError("damaged");
    count = u64(b, at + 32);
    cdSize = u64(b, at + 40);
    offset = u64(b, at + 48);
    end = at;
  }
  // Bytes before the archive (as JSZip allows): the directory ends where the end record starts.
  if (u32(b, offset) !== CENTRAL && end - cdSize >= 0 && u32(b, end - cdSize) === CENTRAL)
    offset = end - cdSize;
  if (count > LIMITS.maxEntries) throw new PlanstodError("too-many-entries", String(LIMITS.maxEntries));
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw new PlanstodError("damaged");
    let size = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder("utf-8").decode(nameBytes);
    if (size === 0xffffffff) {
      // The real size is in the zip64 extra field (header 0x0001).
      const extra = b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; e += 4 + u16(extra, e + 2)) {
        if (u16(extra, e) === 1 && e + 12 <= extra.length) size = u64(extra, e + 4);
      }
    }
    if (!validName(name)) throw new PlanstodError("bad-entry-name", name);
    const key = name.replace(/\\/g, "/").toLowerCase();
    if (names.has(key)) throw new PlanstodError("duplicate-entry", name);
    names.add(key);
    total += size;
    if (total > LIMITS.maxInflated) throw new PlanstodError("too-large", MB(LIMITS.maxInflated));
    entries.push({ name, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
