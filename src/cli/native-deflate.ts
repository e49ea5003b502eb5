import { deflateRawSync } from "node:zlib";
import flate from "jszip/lib/flate";
import GenericWorker from "jszip/lib/stream/GenericWorker";

/**
 * JSZip deflates with pako, a JavaScript port of zlib; Node has zlib itself, about ten times
 * faster (a third of a 60-block `add` went to deflating the one part it rewrote). In the command
 * line (imported by main.ts; the OOXML layer stays host-free), JSZip's DEFLATE worker is replaced by one that
 * gathers the part and deflates it with node:zlib at the same level: the same format, read by
 * the same inflater. Reading is left to pako: its streaming inflate is what lets a package's
 * budget stop a zip bomb part-way (src/ooxml/package/docx-package.ts). Parts that are not rewritten keep their
 * compressed bytes as JSZip always did. If a later JSZip moves the worker, nothing is replaced.
 */
class NativeDeflateWorker extends GenericWorker {
  private readonly chunks: Uint8Array[] = [];
  private meta: unknown = {};
  constructor(private readonly level: number) {
    super("NativeDeflateWorker");
  }

  override processChunk(chunk: { data: Uint8Array | string | number[]; meta: unknown }): void {
    this.meta = chunk.meta;
    const data = chunk.data;
    this.chunks.push(
      data instanceof Uint8Array
        ? data
        : typeof data === "string"
          ? Buffer.from(data, "binary")
          : Uint8Array.from(data),
    );
  }

  override flush(): void {
    super.flush();
    const data = deflateRawSync(Buffer.concat(this.chunks), { level: this.level });
    this.chunks.length = 0;
    this.push({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), meta: this.meta });
  }
}

if (typeof flate?.compressWorker === "function" && typeof GenericWorker === "function") {
  flate.compressWorker = (options?: { level?: number | null }) =>
    new NativeDeflateWorker(options?.level ?? -1);
}
