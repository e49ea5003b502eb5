// The floor `planstod check` is measured against (npm run bench): start Node, unzip
// word/document.xml with JSZip, parse it with @xmldom/xmldom, walk once over every w:t.
"use strict";
const { readFileSync } = require("node:fs");
const JSZip = require("jszip");
const { DOMParser } = require("@xmldom/xmldom");

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

async function main() {
  const zip = await JSZip.loadAsync(readFileSync(process.argv[2]));
  const xml = await zip.file("word/document.xml").async("string");
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  let chars = 0;
  const walk = (el) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      if (n.localName === "t" && n.namespaceURI === W) chars += n.textContent.length;
      walk(n);
    }
  };
  walk(doc.documentElement);
  process.stdout.write(`${chars}\n`);
}

main();
