// Internal modules of @xmldom/xmldom (src/ooxml/xml/xmldom-host.ts) and JSZip (src/cli/native-deflate.ts).
declare module "@xmldom/xmldom/lib/grammar" {
  const grammar: {
    QName_exact: { test(name: string): boolean };
    reg: (this: unknown, ...parts: (string | RegExp)[]) => RegExp;
  };
  export default grammar;
}
declare module "@xmldom/xmldom/lib/dom-parser" {
  const domParser: { __DOMHandler?: new (options: unknown) => { endDocument(): void } };
  export default domParser;
}
declare module "jszip/lib/flate" {
  const flate: { compressWorker: (options?: { level?: number | null }) => unknown };
  export default flate;
}
declare module "jszip/lib/stream/GenericWorker" {
  class GenericWorker {
    constructor(name: string);
    push(chunk: { data: unknown; meta: unknown }): boolean;
    processChunk(chunk: { data: Uint8Array | string | number[]; meta: unknown }): void;
    flush(): void;
  }
  export default GenericWorker;
}
