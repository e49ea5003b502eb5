/**
 * Serves the built harness (dist-harness/) and one .docx at /document.docx on 127.0.0.1.
 *   npm run harness -- plan.docx      (builds the harness, then serves it)
 * Used by the end-to-end test too.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import * as path from "node:path";

export const HARNESS_DIR = path.resolve(__dirname, "../dist-harness");

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

export function startHarnessServer(docx: string | null, port = 0): Promise<HarnessServer> {
  const document = docx ? readFileSync(docx) : null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/document.docx") {
      if (!document || !docx) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "x-document-name": encodeURIComponent(path.basename(docx)),
      });
      res.end(document);
      return;
    }
    const file = path.join(HARNESS_DIR, url.pathname === "/" ? "index.html" : path.normalize(url.pathname));
    if (!file.startsWith(HARNESS_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (require.main === module) {
  const docx = process.argv[2] ?? null;
  if (docx && !existsSync(docx)) {
    console.error(`harness: ${docx}: the file does not exist.`);
    process.exit(2);
  }
  if (!existsSync(path.join(HARNESS_DIR, "index.html"))) {
    console.error("harness: dist-harness/ is not built; run npm run harness (it builds first).");
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 3001);
  startHarnessServer(docx, port).then(
    (s) =>
      console.log(
        `Harness: ${s.url}${docx ? ` (document: ${docx})` : " (pick a .docx in the page)"}  Ctrl+C stops it.`,
      ),
    (error: unknown) => {
      console.error(`harness: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
