// Every test runs the engine on @xmldom/xmldom (the command line's DOM) unless it chooses another
// (test/xml-dom.test.ts compares it with a browser's DOMParser).
import { setXmlDom } from "../../src/ooxml/xml/dom";
import { xmldom } from "../../src/ooxml/xml/xmldom-host";

setXmlDom(xmldom);
