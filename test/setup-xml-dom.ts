// Every test runs the engine on @xmldom/xmldom (the command line's DOM) unless it chooses another
// (test/xml-dom.test.ts compares it with a browser's DOMParser).
import { setXmlDom } from "../src/ooxml/xml";
import { xmldom } from "../src/ooxml/xmldom";

setXmlDom(xmldom);
