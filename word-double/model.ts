/**
 * The document model behind the Word double: what Word would compute from the OOXML DOM
 * (paragraph text, content-control types, styles, tables) and the DOM edits that Word's
 * insert/delete methods make. Everything here runs inside a sync; the proxies in objects.ts
 * only decide *when* it runs.
 */

import { accessDenied, generalException, invalidArgument, notImplemented } from "./errors";
import { isTracking, trackDeletion, trackInsertion, type ChangeTrackingModeString } from "./tracking";
import type { DocxParts, StoryPart } from "./package";
import {
  NS,
  ancestor,
  ancestorW,
  childNs,
  childW,
  children,
  createW,
  descendantsW,
  insertAllBefore,
  isElement,
  isNs,
  isW,
  onOff,
  parseXml,
  removeNode,
  wVal,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from "./xml";

/** The string values of Word.ContentControlType ("RichText", "PlainText", ...). */
export type ContentControlTypeString = `${Word.ContentControlType}`;
export type InsertLocationString = `${Word.InsertLocation}`;
export type RangeLocationString = `${Word.RangeLocation}`;
export type BuiltInStyleString = `${Word.BuiltInStyleName}`;
export type AppearanceString = `${Word.ContentControlAppearance}`;
export type HeaderFooterTypeString = `${Word.HeaderFooterType}`;

/** How Word's `text` treats tracked deletions: see WordDoubleOptions.deletedText. */
export type DeletedTextMode = "omit" | "include";

/**
 * Separator between paragraphs in Body/Range/ContentControl `text` (Word on Windows uses a
 * carriage return; table cell-end markers are not emulated).
 */
export const PARAGRAPH_SEPARATOR = "\r";

/** A collapsed point at the start/end of (inside) or before/after (outside) an element. */
export interface EdgeTarget {
  kind: "edge";
  el: XmlElement;
  edge: "start" | "end" | "before" | "after";
}

/**
 * A range, described by DOM anchors that survive unrelated edits:
 * - nodes: consecutive siblings, whole (a paragraph including its mark, a table, a control, runs);
 * - content: the inside of a paragraph, control, body or cell;
 * - edge: a collapsed point (see EdgeTarget);
 * - span: everything between two points of one story, in document order (Range.expandTo).
 */
export type RangeTarget =
  | { kind: "nodes"; first: XmlElement; last: XmlElement }
  | { kind: "content"; container: XmlElement }
  | EdgeTarget
  | { kind: "span"; start: EdgeTarget; end: EdgeTarget };

interface Point {
  parent: XmlElement;
  ref: XmlNode | null;
}

/** A DOM position: just before parent.childNodes[offset] (offset = length: at the end). */
interface Position {
  parent: XmlNode;
  offset: number;
}

/** How much of an element lies inside a span. */
type Coverage = "none" | "all" | "some";

type Level = "inline" | "block" | "row" | "cell";

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** Built-in style names Word reports through styleBuiltIn (the subset the double recognises). */
const BUILT_IN_STYLES = new Set<string>([
  "Normal",
  ...Array.from({ length: 9 }, (_, i) => `Heading${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `Toc${i + 1}`),
  "FootnoteText",
  "Header",
  "Footer",
  "Caption",
  "FootnoteReference",
  "EndnoteReference",
  "EndnoteText",
  "Title",
  "Subtitle",
  "Hyperlink",
  "Strong",
  "Emphasis",
  "NoSpacing",
  "ListParagraph",
  "Quote",
  "IntenseQuote",
  "SubtleEmphasis",
  "IntenseEmphasis",
  "SubtleReference",
  "IntenseReference",
  "BookTitle",
  "Bibliography",
  "TocHeading",
  "TableGrid",
]);

interface StyleInfo {
  id: string;
  name: string;
  type: string;
}

/** styles.xml, as far as paragraph `style`/`styleBuiltIn` need it. */
export class StyleTable {
  private readonly byId = new Map<string, StyleInfo>();
  readonly defaultParagraphStyleId: string | null = null;

  constructor(styles: XmlDocument | null) {
    if (!styles) return;
    for (const s of descendantsW(styles, "style")) {
      const id = s.getAttributeNS(NS.w, "styleId") ?? "";
      const type = s.getAttributeNS(NS.w, "type") ?? "paragraph";
      const name = wVal(childW(s, "name")) ?? id;
      this.byId.set(id, { id, name, type });
      const isDefault = s.getAttributeNS(NS.w, "default");
      if (type === "paragraph" && (isDefault === "1" || isDefault === "true"))
        this.defaultParagraphStyleId = id;
    }
  }

  /**
   * The name Word shows for a style in an English UI: built-in styles are stored with
   * lower-case names ("heading 1") and shown capitalised ("Heading 1"). Localised names
   * (Swedish Word says "Rubrik 1") are not emulated.
   */
  displayName(id: string): string {
    const info = this.byId.get(id);
    if (!info) return id;
    return info.name === info.name.toLowerCase()
      ? info.name.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase())
      : info.name;
  }

  builtIn(id: string): BuiltInStyleString {
    const compact = this.displayName(id).replace(/\s+/g, "");
    return (BUILT_IN_STYLES.has(compact) ? compact : "Other") as BuiltInStyleString;
  }

  /** A paragraph style by display name, stored name or style id (case-insensitive). */
  findParagraphStyle(nameOrId: string): string | null {
    const want = nameOrId.toLowerCase();
    for (const s of this.byId.values()) {
      if (s.type !== "paragraph") continue;
      if ([s.id, s.name, this.displayName(s.id)].some((n) => n.toLowerCase() === want)) return s.id;
    }
    return null;
  }

  findBuiltIn(builtIn: string): string | null {
    for (const s of this.byId.values()) {
      if (s.type === "paragraph" && this.builtIn(s.id) === builtIn) return s.id;
    }
    return null;
  }

  /** The character style Word uses for placeholder text ("Placeholder Text"). */
  placeholderStyleId(): string | null {
    for (const s of this.byId.values()) if (s.name === "Placeholder Text") return s.id;
    return null;
  }
}

export interface ModelOptions {
  deletedText: DeletedTextMode;
  firstContentControlId: number;
  /** Document.changeTrackingMode at the start; default "Off". */
  changeTrackingMode?: ChangeTrackingModeString;
  /** The document is open read-only: every edit fails with AccessDenied. */
  readOnly?: boolean;
  /** body.getOoxml() of the main document fails with GeneralException. */
  failGetOoxml?: boolean;
}

export class DocModel {
  readonly styles: StyleTable;
  /** Word API content-control ids: assigned in document order, never equal to any OOXML w:id. */
  private readonly ids = new Map<XmlElement, number>();
  private readonly byId = new Map<number, XmlElement>();
  private readonly reservedIds = new Set<number>();
  private nextId: number;
  private readonly glossaryParts = new Map<string, XmlElement>();
  /** Empty stories standing in for header/footer parts that do not exist (see virtualStory). */
  private readonly virtualStories = new Map<string, XmlElement>();
  private readonly virtualDocs = new Set<XmlDocument>();
  selection: RangeTarget;
  /** Document.changeTrackingMode: while tracking, API deletes and inserts become revisions. */
  changeTrackingMode: ChangeTrackingModeString;

  constructor(
    readonly parts: DocxParts,
    readonly options: ModelOptions,
  ) {
    this.styles = new StyleTable(parts.styles);
    this.changeTrackingMode = options.changeTrackingMode ?? "Off";
    this.nextId = options.firstContentControlId;
    for (const root of this.storyRoots()) {
      for (const sdt of descendantsW(root, "sdt")) {
        const wId = Number.parseInt(wVal(childW(childW(sdt, "sdtPr") ?? sdt, "id")) ?? "", 10);
        if (Number.isFinite(wId)) this.reservedIds.add(wId);
      }
    }
    for (const root of this.storyRoots()) for (const sdt of this.sdtsIn(root)) this.ccId(sdt);
    if (parts.glossary) {
      for (const dp of descendantsW(parts.glossary, "docPart")) {
        const name = wVal(childW(childW(dp, "docPartPr") ?? dp, "name"));
        const body = childW(dp, "docPartBody");
        if (name && body) this.glossaryParts.set(name, body);
      }
    }
    const first = this.paragraphsIn(this.body)[0];
    this.selection = first
      ? { kind: "edge", el: first, edge: "start" }
      : { kind: "content", container: this.body };
  }

  get body(): XmlElement {
    return this.parts.body;
  }

  /** Whether API edits are recorded as tracked changes now. */
  get tracking(): boolean {
    return isTracking(this.changeTrackingMode);
  }

  get stories(): readonly StoryPart[] {
    return this.parts.stories;
  }

  storyRoots(): XmlElement[] {
    return [this.body, ...this.stories.map((s) => s.root), ...this.virtualStories.values()];
  }

  /**
   * Section.getHeader/getFooter for a type whose part does not exist: Word answers with an
   * empty story (one empty paragraph) rather than failing. The double keeps one such story per
   * kind and type in a DOM of its own; writing into it is NotImplemented (see markDirty).
   */
  virtualStory(kind: "header" | "footer", type: HeaderFooterTypeString): XmlElement {
    const key = `${kind}:${type}`;
    const known = this.virtualStories.get(key);
    if (known) return known;
    const tag = kind === "header" ? "hdr" : "ftr";
    const doc = parseXml(`<w:${tag} xmlns:w="${NS.w}"><w:p/></w:${tag}>`, `virtual ${kind}`);
    const root = doc.documentElement;
    if (!root) throw new Error("word double: virtual story without root");
    this.virtualStories.set(key, root);
    this.virtualDocs.add(doc);
    return root;
  }

  /** The body/header/footer root that contains `node`, or null when it has been removed. */
  storyOf(node: XmlNode): XmlElement | null {
    const roots = this.storyRoots();
    for (let n: XmlNode | null = node; n; n = n.parentNode) {
      if (isElement(n) && roots.includes(n)) return n;
    }
    return null;
  }

  isAttached(node: XmlNode): boolean {
    return this.storyOf(node) !== null;
  }

  /**
   * Records that a part changed. Every edit calls this before touching the DOM, so an edit of a
   * virtual header/footer (a part that does not exist) fails before anything changes.
   */
  markDirty(node: XmlNode): void {
    if (this.options.readOnly) throw accessDenied("the document is open read-only");
    const doc = node.ownerDocument;
    if (!doc) return;
    if (this.virtualDocs.has(doc)) {
      throw notImplemented(
        "Section.getHeader/getFooter",
        "writing into a header or footer whose part does not exist in the package",
      );
    }
    this.parts.dirty.add(doc);
  }

  /**
   * Locks (w:lock), as Word enforces them: nothing inside a control whose contents are locked
   * (contentLocked, sdtContentLocked) can change, and a control that cannot be deleted
   * (sdtLocked, sdtContentLocked) cannot be removed. Word answers with a generic error.
   */
  checkEditable(node: XmlNode | null, where: string): void {
    for (let n = node; n && isElement(n); n = n.parentNode) {
      if (isW(n, "sdt") && this.ccCannotEdit(n))
        throw generalException(where, "the contents of a locked content control cannot be edited");
    }
  }

  checkDeletable(nodes: readonly XmlElement[], where: string): void {
    for (const node of nodes) {
      this.checkEditable(node.parentNode, where);
      const sdts = [...(isW(node, "sdt") ? [node] : []), ...descendantsW(node, "sdt")];
      if (sdts.some((sdt) => this.ccCannotDelete(sdt)))
        throw generalException(where, "a locked content control cannot be deleted");
    }
  }

  // -------------------------------------------------------------------------
  // Paragraphs and text

  /** Paragraphs Word lists in a container: all w:p in document order (tables and controls included), not text boxes. */
  paragraphsIn(el: XmlElement): XmlElement[] {
    if (isW(el, "p")) return [el];
    return descendantsW(el, "p").filter((p) => !this.isHidden(p, el));
  }

  /** Inside a text box or a markup-compatibility fallback (content Word does not list). */
  private isHidden(node: XmlNode, stop: XmlNode): boolean {
    return (
      ancestor(node, (a) => isW(a, "txbxContent") || isNs(a, NS.mc, "Fallback") || isW(a, "sdtPr"), stop) !==
      null
    );
  }

  containingParagraph(node: XmlNode): XmlElement | null {
    return isW(node, "p") ? node : ancestorW(node, "p");
  }

  nextParagraph(p: XmlElement, step: 1 | -1): XmlElement | null {
    const story = this.storyOf(p);
    if (!story) return null;
    if (step === 1 && !this.isHidden(p, story)) return this.followingParagraph(p, story);
    const all = this.paragraphsIn(story);
    return all[all.indexOf(p) + step] ?? null;
  }

  /**
   * The paragraph after `p` in paragraphsIn(story) order, found by walking on from p in
   * document order (getNext chains stay linear in the document's size). Paragraphs nested in
   * a paragraph are in text boxes, which Word does not list, so p's own subtree is skipped, as
   * are text boxes, mc:Fallback and w:sdtPr.
   */
  private followingParagraph(p: XmlElement, story: XmlElement): XmlElement | null {
    const after = (from: XmlNode): XmlNode | null => {
      for (let n: XmlNode | null = from; n && n !== story; n = n.parentNode)
        if (n.nextSibling) return n.nextSibling;
      return null;
    };
    let n = after(p);
    while (n) {
      if (isElement(n)) {
        if (isW(n, "txbxContent") || isNs(n, NS.mc, "Fallback") || isW(n, "sdtPr")) {
          n = after(n);
          continue;
        }
        if (isW(n, "p")) return n;
        if (n.firstChild) {
          n = n.firstChild;
          continue;
        }
      }
      n = after(n);
    }
    return null;
  }

  /**
   * Text of inline content as Word reports it: w:t, tabs, breaks; see DeletedTextMode for w:del.
   * `within` limits it to the part of `node` inside a span (Range.expandTo).
   */
  inlineText(node: XmlNode, within?: (el: XmlElement) => Coverage): string {
    const out: string[] = [];
    const walk = (n: XmlNode, filter: typeof within): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (!isElement(c)) continue;
        let sub = filter;
        if (filter) {
          const coverage = filter(c);
          if (coverage === "none") continue;
          if (coverage === "all") sub = undefined;
        }
        if (c.namespaceURI === NS.w) {
          switch (c.localName) {
            case "t":
              out.push(c.textContent ?? "");
              continue;
            case "delText":
              if (this.options.deletedText === "include") out.push(c.textContent ?? "");
              continue;
            case "tab":
              out.push("\t");
              continue;
            case "br":
              out.push(c.getAttributeNS(NS.w, "type") === "page" ? "\f" : "\v");
              continue;
            case "cr":
              out.push("\v");
              continue;
            // Word's object model reports these as control characters (office-js #6942, #2749).
            case "footnoteReference":
            case "endnoteReference":
              out.push("\u0002");
              continue;
            case "noBreakHyphen":
              out.push("\u001e");
              continue;
            case "softHyphen":
              out.push("\u001f");
              continue;
            case "commentReference":
              // Word on Windows reports a comment's reference mark as \x05 (office-js #2114).
              out.push("\x05");
              continue;
            case "del":
            case "moveFrom":
              if (this.options.deletedText === "include") walk(c, sub);
              continue;
            case "pPr":
            case "rPr":
            case "sdtPr":
            case "sdtEndPr":
            case "instrText":
            case "delInstrText":
            case "txbxContent":
            case "fldData":
              continue;
          }
        } else if (isNs(c, NS.mc, "Fallback")) {
          continue;
        }
        walk(c, sub);
      }
    };
    walk(node, within);
    return out.join("");
  }

  paragraphText(p: XmlElement): string {
    return this.inlineText(p);
  }

  blockText(el: XmlElement): string {
    return this.paragraphsIn(el)
      .map((p) => this.paragraphText(p))
      .join(PARAGRAPH_SEPARATOR);
  }

  paragraphStyleId(p: XmlElement): string | null {
    return wVal(childW(childW(p, "pPr") ?? p, "pStyle")) ?? this.styles.defaultParagraphStyleId;
  }

  paragraphStyle(p: XmlElement): string {
    const id = this.paragraphStyleId(p);
    return id === null ? "Normal" : this.styles.displayName(id);
  }

  paragraphStyleBuiltIn(p: XmlElement): BuiltInStyleString {
    const id = this.paragraphStyleId(p);
    return id === null ? "Normal" : this.styles.builtIn(id);
  }

  setParagraphStyleId(p: XmlElement, styleId: string): void {
    this.markDirty(p);
    let pPr = childW(p, "pPr");
    if (!pPr) {
      pPr = createW(p, "pPr");
      p.insertBefore(pPr, p.firstChild);
    }
    let pStyle = childW(pPr, "pStyle");
    if (!pStyle) {
      pStyle = createW(p, "pStyle");
      pPr.insertBefore(pStyle, pPr.firstChild);
    }
    pStyle.setAttributeNS(NS.w, "w:val", styleId);
  }

  tableNestingLevel(node: XmlNode): number {
    let level = 0;
    for (let n = node.parentNode; n; n = n.parentNode) if (isW(n, "tbl")) level++;
    return level;
  }

  /** The body a node belongs to: its table cell, or the main body, header or footer. */
  parentBodyOf(node: XmlNode): XmlElement | null {
    return ancestor(node, (a) => isW(a, "tc") || isW(a, "body") || isW(a, "hdr") || isW(a, "ftr"));
  }

  /** The last paragraph of its parent body (the cell for paragraphs in tables). */
  isLastParagraph(p: XmlElement): boolean {
    const container = this.parentBodyOf(p);
    if (!container) return false;
    const list = this.paragraphsIn(container);
    return list[list.length - 1] === p;
  }

  // -------------------------------------------------------------------------
  // Content controls

  sdtsIn(el: XmlElement, includeSelf = false): XmlElement[] {
    const list = descendantsW(el, "sdt").filter((s) => !this.isHidden(s, el));
    return includeSelf && isW(el, "sdt") ? [el, ...list] : list;
  }

  /** The Word API id of a control (assigned on first sight). */
  ccId(sdt: XmlElement): number {
    const known = this.ids.get(sdt);
    if (known !== undefined) return known;
    const wId = Number.parseInt(wVal(childW(childW(sdt, "sdtPr") ?? sdt, "id")) ?? "", 10);
    if (Number.isFinite(wId)) this.reservedIds.add(wId);
    while (this.reservedIds.has(this.nextId) || this.byId.has(this.nextId)) this.nextId++;
    const id = this.nextId++;
    this.ids.set(sdt, id);
    this.byId.set(id, sdt);
    return id;
  }

  sdtById(id: number): XmlElement | null {
    for (const root of this.storyRoots()) for (const s of this.sdtsIn(root)) this.ccId(s);
    const sdt = this.byId.get(id);
    return sdt && this.isAttached(sdt) ? sdt : null;
  }

  parentSdt(node: XmlNode): XmlElement | null {
    return ancestorW(node, "sdt");
  }

  private sdtPr(sdt: XmlElement): XmlElement {
    let pr = childW(sdt, "sdtPr");
    if (!pr) {
      pr = createW(sdt, "sdtPr");
      sdt.insertBefore(pr, sdt.firstChild);
    }
    return pr;
  }

  sdtContent(sdt: XmlElement): XmlElement {
    let c = childW(sdt, "sdtContent");
    if (!c) {
      c = createW(sdt, "sdtContent");
      sdt.appendChild(c);
    }
    return c;
  }

  ccType(sdt: XmlElement): ContentControlTypeString {
    const pr = childW(sdt, "sdtPr");
    if (!pr) return "RichText";
    for (const c of children(pr)) {
      if (c.namespaceURI === NS.w) {
        switch (c.localName) {
          case "richText":
            return "RichText";
          case "text":
            return "PlainText";
          case "dropDownList":
            return "DropDownList";
          case "comboBox":
            return "ComboBox";
          case "date":
            return "DatePicker";
          case "picture":
            return "Picture";
          case "docPartObj":
          case "docPartList":
            return "BuildingBlockGallery";
          case "group":
            return "Group";
          case "citation":
          case "bibliography":
          case "equation":
            return "Unknown";
        }
      }
      if (isNs(c, NS.w14, "checkbox")) return "CheckBox";
      if (isNs(c, NS.w15, "repeatingSection")) return "RepeatingSection";
    }
    return "RichText";
  }

  /** Where a control sits: inside a paragraph, among blocks, around cells or around rows. */
  ccKind(sdt: XmlElement): "inline" | "block" | "cell" | "row" {
    const parent = sdt.parentNode;
    if (!isElement(parent)) return "block";
    const level = this.levelOf(parent);
    return level === "inline" ? "inline" : level === "row" ? "row" : level === "cell" ? "cell" : "block";
  }

  ccSubtype(sdt: XmlElement): ContentControlTypeString {
    const type = this.ccType(sdt);
    const kind = this.ccKind(sdt);
    if (type === "PlainText") return kind === "inline" ? "PlainTextInline" : "PlainTextParagraph";
    if (type !== "RichText") return type;
    if (kind === "inline") return "RichTextInline";
    if (kind === "row") return "RichTextTableRow";
    if (kind === "cell") return "RichTextTableCell";
    const content = children(this.sdtContent(sdt));
    return content.length > 0 && content.every((c) => isW(c, "tbl")) ? "RichTextTable" : "RichTextParagraphs";
  }

  ccText(sdt: XmlElement): string {
    const content = this.sdtContent(sdt);
    return this.ccKind(sdt) === "inline" ? this.inlineText(content) : this.blockText(content);
  }

  ccTag(sdt: XmlElement): string {
    return wVal(childW(this.sdtPr(sdt), "tag")) ?? "";
  }

  ccTitle(sdt: XmlElement): string {
    return wVal(childW(this.sdtPr(sdt), "alias")) ?? "";
  }

  ccAppearance(sdt: XmlElement): AppearanceString {
    const el = childNs(this.sdtPr(sdt), NS.w15, "appearance");
    const v = el?.getAttributeNS(NS.w15, "val");
    return v === "tags" ? "Tags" : v === "hidden" ? "Hidden" : "BoundingBox";
  }

  private lockValue(sdt: XmlElement): string {
    return wVal(childW(this.sdtPr(sdt), "lock")) ?? "unlocked";
  }

  ccCannotEdit(sdt: XmlElement): boolean {
    return ["contentLocked", "sdtContentLocked"].includes(this.lockValue(sdt));
  }

  ccCannotDelete(sdt: XmlElement): boolean {
    return ["sdtLocked", "sdtContentLocked"].includes(this.lockValue(sdt));
  }

  ccRemoveWhenEdited(sdt: XmlElement): boolean {
    return onOff(childW(this.sdtPr(sdt), "temporary"));
  }

  ccShowingPlaceholder(sdt: XmlElement): boolean {
    return onOff(childW(this.sdtPr(sdt), "showingPlcHdr"));
  }

  /** The glossary building block the control uses as its placeholder, if the package has it. */
  private placeholderBody(sdt: XmlElement): XmlElement | null {
    const name = wVal(childW(childW(this.sdtPr(sdt), "placeholder") ?? sdt, "docPart"));
    return name ? (this.glossaryParts.get(name) ?? null) : null;
  }

  ccPlaceholderText(sdt: XmlElement): string {
    const body = this.placeholderBody(sdt);
    if (body) return this.blockText(body);
    return this.ccShowingPlaceholder(sdt) ? this.ccText(sdt) : "";
  }

  private static readonly SDTPR_ORDER = [
    "rPr",
    "alias",
    "tag",
    "id",
    "appearance",
    "lock",
    "placeholder",
    "temporary",
    "showingPlcHdr",
  ];

  /** Sets (or with null removes) an sdtPr child in schema order. */
  private setSdtPrChild(sdt: XmlElement, localName: string, value: string | null, ns: string = NS.w): void {
    this.markDirty(sdt);
    const pr = this.sdtPr(sdt);
    const existing = childNs(pr, ns, localName);
    if (value === null) {
      if (existing) pr.removeChild(existing);
      return;
    }
    let el = existing;
    if (!el) {
      const doc = sdt.ownerDocument;
      if (!doc) throw new Error("detached control");
      const prefix = ns === NS.w15 ? "w15" : "w";
      el = doc.createElementNS(ns, `${prefix}:${localName}`);
      const rank = DocModel.SDTPR_ORDER.indexOf(localName);
      const before = children(pr).find((c) => {
        const r = DocModel.SDTPR_ORDER.indexOf(c.localName ?? "");
        return r < 0 || r > rank;
      });
      pr.insertBefore(el, before ?? null);
    }
    if (value !== "") el.setAttributeNS(ns, ns === NS.w15 ? "w15:val" : "w:val", value);
  }

  setCcTag(sdt: XmlElement, value: string): void {
    this.setSdtPrChild(sdt, "tag", value === "" ? null : value);
  }

  setCcTitle(sdt: XmlElement, value: string): void {
    this.setSdtPrChild(sdt, "alias", value === "" ? null : value);
  }

  setCcAppearance(sdt: XmlElement, value: AppearanceString): void {
    const v = value === "Tags" ? "tags" : value === "Hidden" ? "hidden" : null;
    this.setSdtPrChild(sdt, "appearance", v, NS.w15);
  }

  setCcLocks(sdt: XmlElement, cannotEdit: boolean, cannotDelete: boolean): void {
    const v =
      cannotEdit && cannotDelete
        ? "sdtContentLocked"
        : cannotEdit
          ? "contentLocked"
          : cannotDelete
            ? "sdtLocked"
            : null;
    this.setSdtPrChild(sdt, "lock", v);
  }

  setCcShowingPlaceholder(sdt: XmlElement, value: boolean): void {
    this.setSdtPrChild(sdt, "showingPlcHdr", value ? "" : null);
  }

  setCcRemoveWhenEdited(sdt: XmlElement, value: boolean): void {
    this.setSdtPrChild(sdt, "temporary", value ? "" : null);
  }

  /** A check box control's w14:checkbox, or null for any other control. */
  private checkbox(sdt: XmlElement): XmlElement | null {
    return childNs(this.sdtPr(sdt), NS.w14, "checkbox");
  }

  /** CheckboxContentControl.isChecked: w14:checkbox/w14:checked w14:val ("1"/"true"). */
  ccChecked(sdt: XmlElement): boolean {
    const box = this.checkbox(sdt);
    const checked = box ? childNs(box, NS.w14, "checked") : null;
    const v = checked?.getAttributeNS(NS.w14, "val") ?? null;
    return v === "1" || v === "true" || v === "on";
  }

  /**
   * Ticks or clears a check box as Word does: w14:checked w14:val "1"/"0", and the control's
   * text becomes the glyph of w14:checkedState / w14:uncheckedState (hex code point, default
   * U+2612 / U+2610) in that state's font, in the control's one run.
   */
  setCcChecked(sdt: XmlElement, value: boolean, where: string): void {
    const box = this.checkbox(sdt);
    if (!box) throw invalidArgument(where, "the content control is not a check box");
    this.checkEditable(sdt, where);
    this.markDirty(sdt);
    let checked = childNs(box, NS.w14, "checked");
    if (!checked) {
      checked = box.ownerDocument!.createElementNS(NS.w14, "w14:checked");
      box.insertBefore(checked, box.firstChild);
    }
    checked.setAttributeNS(NS.w14, "w14:val", value ? "1" : "0");
    const state = childNs(box, NS.w14, value ? "checkedState" : "uncheckedState");
    const code = Number.parseInt(state?.getAttributeNS(NS.w14, "val") ?? "", 16);
    const glyph = String.fromCodePoint(Number.isFinite(code) ? code : value ? 0x2612 : 0x2610);
    const font = state?.getAttributeNS(NS.w14, "font") ?? null;
    const content = this.sdtContent(sdt);
    const oldRun = descendantsW(content, "r")[0] ?? null;
    const rPr = oldRun ? ((childW(oldRun, "rPr")?.cloneNode(true) as XmlElement | undefined) ?? null) : null;
    const run = this.makeRun(content, glyph, rPr);
    if (font) {
      let runPr = childW(run, "rPr");
      if (!runPr) {
        runPr = createW(run, "rPr");
        run.insertBefore(runPr, run.firstChild);
      }
      let fonts = childW(runPr, "rFonts");
      if (!fonts) {
        fonts = createW(run, "rFonts");
        runPr.insertBefore(fonts, runPr.firstChild);
      }
      for (const a of ["ascii", "eastAsia", "hAnsi"]) fonts.setAttributeNS(NS.w, `w:${a}`, font);
    }
    const holder =
      oldRun?.parentNode ?? (this.ccKind(sdt) === "inline" ? content : this.paragraphsIn(content)[0]);
    if (!holder) throw invalidArgument(where, "the check box has no place for its glyph");
    for (const r of descendantsW(content, "r")) removeNode(r);
    holder.appendChild(run);
    this.setCcShowingPlaceholder(sdt, false);
  }

  /** Run properties for text typed into a control: its sdtPr/w:rPr, without the placeholder style. */
  private ccRunProperties(sdt: XmlElement): XmlElement | null {
    const base = childW(this.sdtPr(sdt), "rPr") ?? descendantsW(this.sdtContent(sdt), "rPr")[0] ?? null;
    if (!base) return null;
    const rPr = base.cloneNode(true) as XmlElement;
    const rStyle = childW(rPr, "rStyle");
    const placeholder = this.styles.placeholderStyleId();
    if (rStyle && (wVal(rStyle) === placeholder || wVal(rStyle) === "PlaceholderText"))
      rPr.removeChild(rStyle);
    return children(rPr).length > 0 ? rPr : null;
  }

  /** ContentControl.insertText: typing over a placeholder replaces it and clears w:showingPlcHdr. */
  ccInsertText(sdt: XmlElement, text: string, location: InsertLocationString, where: string): RangeTarget {
    this.checkEditable(sdt, where);
    const showing = this.ccShowingPlaceholder(sdt);
    if (location !== "Replace" && !showing) {
      return this.insertText(
        { kind: "edge", el: sdt, edge: location === "Start" ? "start" : "end" },
        location,
        text,
        where,
      );
    }
    if (text === "") {
      this.ccClear(sdt, where);
      return { kind: "content", container: sdt };
    }
    this.markDirty(sdt);
    const kind = this.ccKind(sdt);
    const rPr = this.ccRunProperties(sdt);
    this.setSdtPrChild(sdt, "showingPlcHdr", null);
    const content = this.sdtContent(sdt);
    if (kind === "inline") {
      this.removeAll(children(content));
      const run = this.makeRun(content, text.replace(/\r\n|\r|\n/g, "\v"), rPr);
      content.appendChild(run);
      if (this.tracking) trackInsertion([run]);
      return { kind: "nodes", first: run, last: run };
    }
    const holder = kind === "cell" ? descendantsW(content, "tc")[0] : kind === "row" ? null : content;
    if (!holder) throw invalidArgument(where, "text cannot replace the rows of a row-level content control");
    const firstP = this.paragraphsIn(holder)[0];
    const pPr = firstP ? childW(firstP, "pPr") : null;
    const keep = isW(holder, "tc") ? childW(holder, "tcPr") : null;
    this.removeAll(children(holder).filter((c) => c !== keep));
    const paragraphs = text.split(/\r\n|\r|\n/).map((line) => {
      const p = createW(holder, "p");
      if (pPr) p.appendChild(pPr.cloneNode(true));
      if (line !== "") p.appendChild(this.makeRun(holder, line, rPr));
      holder.appendChild(p);
      return p;
    });
    if (this.tracking) trackInsertion(paragraphs);
    this.markDirty(sdt);
    return { kind: "nodes", first: paragraphs[0], last: paragraphs[paragraphs.length - 1] };
  }

  /** ContentControl.clear(): empties the control; a control with a placeholder shows it again. */
  ccClear(sdt: XmlElement, where: string): void {
    this.checkEditable(sdt, where);
    this.markDirty(sdt);
    const kind = this.ccKind(sdt);
    const content = this.sdtContent(sdt);
    const placeholder = this.placeholderBody(sdt);
    const placeholderRuns = (near: XmlNode): XmlNode[] => {
      const doc = near.ownerDocument;
      const p = placeholder ? this.paragraphsIn(placeholder)[0] : undefined;
      if (!doc || !p) return [];
      return children(p)
        .filter((c) => !isW(c, "pPr"))
        .map((c) => doc.importNode(c, true));
    };
    if (kind === "inline") {
      this.removeAll(children(content));
      insertAllBefore(content, placeholderRuns(content), null);
    } else {
      const holders = kind === "block" ? [content] : descendantsW(content, "tc");
      if (holders.length === 0) throw invalidArgument(where, "control without cells");
      holders.forEach((holder, i) => {
        const firstP = this.paragraphsIn(holder)[0];
        const pPr = firstP ? childW(firstP, "pPr") : null;
        const keep = isW(holder, "tc") ? childW(holder, "tcPr") : null;
        this.removeAll(children(holder).filter((c) => c !== keep));
        const p = createW(holder, "p");
        if (pPr) p.appendChild(pPr);
        if (i === 0 && kind !== "row") insertAllBefore(p, placeholderRuns(p), null);
        holder.appendChild(p);
      });
    }
    if (placeholder && kind !== "row") this.setSdtPrChild(sdt, "showingPlcHdr", "");
  }

  /** ContentControl.delete(keepContent). */
  ccDelete(sdt: XmlElement, keepContent: boolean): void {
    const parent = sdt.parentNode;
    if (!isElement(parent)) return;
    if (keepContent) {
      this.checkEditable(parent, "ContentControl.delete");
      if (this.ccCannotDelete(sdt))
        throw generalException("ContentControl.delete", "a locked content control cannot be deleted");
    } else this.checkDeletable([sdt], "ContentControl.delete");
    this.markDirty(sdt);
    if (keepContent) {
      insertAllBefore(parent, Array.from(this.sdtContent(sdt).childNodes), sdt);
      parent.removeChild(sdt);
    } else if (this.tracking) {
      trackDeletion(children(this.sdtContent(sdt)));
    } else {
      parent.removeChild(sdt);
      this.ensureParagraph(parent);
    }
  }

  // -------------------------------------------------------------------------
  // Tables

  tablesIn(el: XmlElement): XmlElement[] {
    const list = descendantsW(el, "tbl").filter((t) => !this.isHidden(t, el));
    return isW(el, "tbl") ? [el, ...list] : list;
  }

  tableRows(tbl: XmlElement): XmlElement[] {
    return descendantsW(tbl, "tr").filter((tr) => ancestorW(tr, "tbl") === tbl);
  }

  rowCells(tr: XmlElement): XmlElement[] {
    return descendantsW(tr, "tc").filter((tc) => ancestorW(tc, "tr") === tr);
  }

  tableValues(tbl: XmlElement): string[][] {
    return this.tableRows(tbl).map((tr) => this.rowCells(tr).map((tc) => this.blockText(tc)));
  }

  cellPosition(tc: XmlElement): { rowIndex: number; cellIndex: number; table: XmlElement | null } {
    const tr = ancestorW(tc, "tr");
    const tbl = ancestorW(tc, "tbl");
    return {
      rowIndex: tr && tbl ? this.tableRows(tbl).indexOf(tr) : -1,
      cellIndex: tr ? this.rowCells(tr).indexOf(tc) : -1,
      table: tbl,
    };
  }

  /** TableRow.values: the row's cell texts as a one-row 2D array. */
  rowValues(tr: XmlElement): string[][] {
    return [this.rowCells(tr).map((tc) => this.blockText(tc))];
  }

  /**
   * TableRow.insertRows: `rowCount` rows copying the structure of `tr` (w:tblPrEx, w:trPr, each
   * cell's w:tcPr and the pPr of its first paragraph), holding `values` (or empty cells).
   */
  insertRows(
    tr: XmlElement,
    location: "Before" | "After",
    rowCount: number,
    values: readonly (readonly string[])[] | undefined,
    where: string,
  ): XmlElement[] {
    if (!Number.isInteger(rowCount) || rowCount < 1)
      throw invalidArgument(where, `rowCount must be a positive whole number, not ${rowCount}`);
    const cells = this.rowCells(tr);
    if (values && values.length > rowCount)
      throw invalidArgument(where, `${values.length} rows of values for ${rowCount} new rows`);
    if (values?.some((row) => row.length > cells.length))
      throw invalidArgument(where, `a row of values has more than the row's ${cells.length} cells`);
    const parent = tr.parentNode;
    if (!isElement(parent)) throw invalidArgument(where, "detached row");
    this.checkEditable(parent, where);
    this.markDirty(tr);
    const rows = Array.from({ length: rowCount }, (_, i) =>
      this.copyRowStructure(tr, cells, values?.[i] ?? []),
    );
    insertAllBefore(parent, rows, location === "Before" ? tr : tr.nextSibling);
    if (this.tracking) trackInsertion(rows);
    return rows;
  }

  private copyRowStructure(
    tr: XmlElement,
    cells: readonly XmlElement[],
    texts: readonly string[],
  ): XmlElement {
    const row = createW(tr, "tr");
    for (const name of ["tblPrEx", "trPr"]) {
      const pr = childW(tr, name);
      if (pr) row.appendChild(pr.cloneNode(true));
    }
    cells.forEach((tc, i) => {
      const cell = createW(tr, "tc");
      const tcPr = childW(tc, "tcPr");
      if (tcPr) cell.appendChild(tcPr.cloneNode(true));
      const first = this.paragraphsIn(tc)[0];
      const pPr = first ? childW(first, "pPr") : null;
      for (const line of (texts[i] ?? "").split(/\r\n|\r|\n/)) {
        const p = createW(tr, "p");
        if (pPr) p.appendChild(pPr.cloneNode(true));
        if (line !== "") p.appendChild(this.makeRun(tr, line, null));
        cell.appendChild(p);
      }
      row.appendChild(cell);
    });
    return row;
  }

  /** TableRow.delete: removes the row (and an emptied row-level control); the last row takes the table with it. */
  deleteRow(tr: XmlElement): void {
    const tbl = ancestorW(tr, "tbl");
    this.checkDeletable([tr], "TableRow.delete");
    this.markDirty(tr);
    if (this.tracking) {
      trackDeletion([tr]);
      return;
    }
    let parent = tr.parentNode;
    removeNode(tr);
    while (isW(parent, "sdtContent") && children(parent).length === 0 && isW(parent.parentNode, "sdt")) {
      const control = parent.parentNode;
      parent = control.parentNode;
      removeNode(control);
    }
    if (tbl && this.tableRows(tbl).length === 0) this.deleteRange({ kind: "nodes", first: tbl, last: tbl });
  }

  // -------------------------------------------------------------------------
  // Sections, headers and footers

  sectPrs(): XmlElement[] {
    const inParagraphs = descendantsW(this.body, "sectPr").filter((s) => isW(s.parentNode, "pPr"));
    const final = children(this.body).filter((c) => isW(c, "sectPr"));
    return [...inParagraphs, ...final];
  }

  /** The header/footer story a section uses, following Word's inheritance from earlier sections. */
  headerFooter(
    sectionIndex: number,
    kind: "header" | "footer",
    type: HeaderFooterTypeString,
  ): XmlElement | null {
    const wType = type === "FirstPage" ? "first" : type === "EvenPages" ? "even" : "default";
    const sections = this.sectPrs();
    for (let i = Math.min(sectionIndex, sections.length - 1); i >= 0; i--) {
      const ref = children(sections[i]).find(
        (c) => isW(c, `${kind}Reference`) && c.getAttributeNS(NS.w, "type") === wType,
      );
      const relId = ref?.getAttributeNS(NS.r, "id");
      const story = relId ? this.stories.find((s) => s.relId === relId) : undefined;
      if (story) return story.root;
    }
    return null;
  }

  bodyType(root: XmlElement): "MainDoc" | "Header" | "Footer" | "TableCell" | "Unknown" {
    if (root === this.body) return "MainDoc";
    if (isW(root, "hdr")) return "Header";
    if (isW(root, "ftr")) return "Footer";
    if (isW(root, "tc")) return "TableCell";
    return "Unknown";
  }

  // -------------------------------------------------------------------------
  // Ranges

  private isContainer(el: XmlElement): boolean {
    return ["p", "sdt", "body", "hdr", "ftr", "tc"].some((n) => isW(el, n));
  }

  /** The level at which children of `parent` live. */
  private levelOf(parent: XmlElement): Level {
    if (isW(parent, "p") || ancestorW(parent, "p")) return "inline";
    if (isW(parent, "tbl")) return "row";
    if (isW(parent, "tr")) return "cell";
    if (isW(parent, "sdtContent") || isW(parent, "sdt")) {
      const host = isW(parent, "sdt") ? parent.parentNode : parent.parentNode?.parentNode;
      return isElement(host) ? this.levelOf(host) : "block";
    }
    return "block";
  }

  private contentParent(container: XmlElement): XmlElement {
    return isW(container, "sdt") ? this.sdtContent(container) : container;
  }

  /** The nodes inside a container, without its property element and the body's final sectPr. */
  contentNodes(container: XmlElement): XmlElement[] {
    return children(this.contentParent(container)).filter(
      (c) => !isW(c, "pPr") && !isW(c, "tcPr") && !(isW(c, "sectPr") && c === container.lastChild),
    );
  }

  private contentStart(container: XmlElement): Point {
    const parent = this.contentParent(container);
    let ref = parent.firstChild;
    while (ref && (isW(ref, "pPr") || isW(ref, "tcPr"))) ref = ref.nextSibling;
    return { parent, ref };
  }

  private contentEnd(container: XmlElement): Point {
    const parent = this.contentParent(container);
    const last = parent.lastChild;
    return { parent, ref: isW(last, "sectPr") && parent === this.body ? last : null };
  }

  private between(first: XmlElement, last: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    for (let n: XmlNode | null = first; n; n = n.nextSibling) {
      if (isElement(n)) out.push(n);
      if (n === last) break;
    }
    return out;
  }

  rangeAlive(t: RangeTarget): boolean {
    switch (t.kind) {
      case "nodes":
        return (
          this.isAttached(t.first) && this.isAttached(t.last) && t.first.parentNode === t.last.parentNode
        );
      case "content":
        return this.isAttached(t.container);
      case "edge":
        return this.isAttached(t.el);
      case "span": {
        const story = this.storyOf(t.start.el);
        return (
          story !== null &&
          story === this.storyOf(t.end.el) &&
          this.comparePositions(this.edgePosition(t.start), this.edgePosition(t.end)) <= 0
        );
      }
    }
  }

  // -------------------------------------------------------------------------
  // Positions in document order (for spans)

  private static indexOf(node: XmlNode): number {
    let i = 0;
    for (let n = node.previousSibling; n; n = n.previousSibling) i++;
    return i;
  }

  private pointPosition(point: Point): Position {
    return {
      parent: point.parent,
      offset: point.ref ? DocModel.indexOf(point.ref) : point.parent.childNodes.length,
    };
  }

  private positionBeside(el: XmlElement, after: boolean): Position {
    const parent = el.parentNode;
    if (!parent) throw new Error("word double: position of a detached element");
    return { parent, offset: DocModel.indexOf(el) + (after ? 1 : 0) };
  }

  /** Where a collapsed point sits, with the insertion semantics of pointFor(). */
  private edgePosition(e: EdgeTarget): Position {
    const container = this.isContainer(e.el);
    switch (e.edge) {
      case "before":
        return this.positionBeside(e.el, false);
      case "after":
        return this.positionBeside(e.el, true);
      case "start":
        return container ? this.pointPosition(this.contentStart(e.el)) : this.positionBeside(e.el, false);
      case "end":
        return container ? this.pointPosition(this.contentEnd(e.el)) : this.positionBeside(e.el, true);
    }
  }

  private pathOf(pos: Position): number[] {
    const path = [pos.offset];
    for (let n: XmlNode = pos.parent; n.parentNode; n = n.parentNode) path.unshift(DocModel.indexOf(n));
    return path;
  }

  /** Document order of two positions of one DOM: negative when `a` comes first. */
  private comparePositions(a: Position, b: Position): number {
    const pa = this.pathOf(a);
    const pb = this.pathOf(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    // A position before child k of a node comes before everything inside that child.
    return pa.length - pb.length;
  }

  compareEdges(a: EdgeTarget, b: EdgeTarget): number {
    return this.comparePositions(this.edgePosition(a), this.edgePosition(b));
  }

  /** Whether an element has content strictly inside the span [start, end]. */
  private overlaps(el: XmlElement, start: Position, end: Position): boolean {
    return (
      this.comparePositions(this.positionBeside(el, false), end) < 0 &&
      this.comparePositions(start, this.positionBeside(el, true)) < 0
    );
  }

  private coverage(start: Position, end: Position): (el: XmlElement) => Coverage {
    return (el) => {
      if (!this.overlaps(el, start, end)) return "none";
      const inside =
        this.comparePositions(start, this.positionBeside(el, false)) <= 0 &&
        this.comparePositions(this.positionBeside(el, true), end) <= 0;
      return inside ? "all" : "some";
    };
  }

  /**
   * Range.expandTo: from the start of the earlier range to the end of the later one. Both must
   * be in the same story (body, a header, a footer); otherwise InvalidArgument.
   */
  expandRange(a: RangeTarget, b: RangeTarget, where: string): RangeTarget {
    const story = this.storyOf(this.rangeAnchor(a));
    if (story === null || story !== this.storyOf(this.rangeAnchor(b))) {
      throw invalidArgument(where, "the two ranges are not in the same story (body, header or footer)");
    }
    const [sa, ea, sb, eb] = [
      this.collapse(a, "start"),
      this.collapse(a, "end"),
      this.collapse(b, "start"),
      this.collapse(b, "end"),
    ];
    const start = this.compareEdges(sb, sa) < 0 ? sb : sa;
    const end = this.compareEdges(eb, ea) > 0 ? eb : ea;
    if (start === sa && end === ea) return a;
    if (start === sb && end === eb) return b;
    return { kind: "span", start, end };
  }

  /**
   * The paragraphs a span touches, in document order: those with content inside it, and the
   * paragraphs its two points are in (as for a collapsed range there), so a span that ends at
   * the cursor includes the cursor's paragraph.
   */
  private spanParagraphs(t: { start: EdgeTarget; end: EdgeTarget }): XmlElement[] {
    const story = this.storyOf(t.start.el);
    if (!story) return [];
    const at = new Set([...this.rangeParagraphs(t.start), ...this.rangeParagraphs(t.end)]);
    const start = this.edgePosition(t.start);
    const end = this.edgePosition(t.end);
    return this.paragraphsIn(story).filter((p) => at.has(p) || this.overlaps(p, start, end));
  }

  private spanElements(
    t: { start: EdgeTarget; end: EdgeTarget },
    list: (root: XmlElement) => XmlElement[],
  ): XmlElement[] {
    const story = this.storyOf(t.start.el);
    if (!story) return [];
    const start = this.edgePosition(t.start);
    const end = this.edgePosition(t.end);
    return list(story).filter((el) => this.overlaps(el, start, end));
  }

  /** The element a range is anchored to, for ownership (which part, which document). */
  private anchorElement(t: RangeTarget): XmlElement {
    switch (t.kind) {
      case "nodes":
        return t.first;
      case "content":
        return t.container;
      case "edge":
        return t.el;
      case "span":
        return t.start.el;
    }
  }

  private isInlineNode(node: XmlElement): boolean {
    return isElement(node.parentNode) && this.levelOf(node.parentNode) === "inline";
  }

  rangeText(t: RangeTarget): string {
    switch (t.kind) {
      case "span": {
        // The covered part of each paragraph in `paragraphs`, joined like whole paragraphs.
        const within = this.coverage(this.edgePosition(t.start), this.edgePosition(t.end));
        return this.spanParagraphs(t)
          .map((p) => this.inlineText(p, within))
          .join(PARAGRAPH_SEPARATOR);
      }
      case "nodes": {
        const nodes = this.between(t.first, t.last);
        if (this.isInlineNode(t.first)) return nodes.map((n) => this.inlineText(n)).join("");
        return nodes
          .flatMap((n) => this.paragraphsIn(n))
          .map((p) => this.paragraphText(p))
          .join(PARAGRAPH_SEPARATOR);
      }
      case "content":
        if (isW(t.container, "p")) return this.paragraphText(t.container);
        if (isW(t.container, "sdt")) return this.ccText(t.container);
        return this.blockText(t.container);
      case "edge":
        return "";
    }
  }

  rangeIsEmpty(t: RangeTarget): boolean {
    if (t.kind === "edge") return true;
    if (t.kind === "content") return this.contentNodes(t.container).length === 0;
    if (t.kind === "span") {
      // Empty when no text and no paragraph mark lies between the two points.
      const start = this.edgePosition(t.start);
      const end = this.edgePosition(t.end);
      const markInside = (p: XmlElement): boolean => {
        const mark = { parent: p, offset: p.childNodes.length };
        return this.comparePositions(start, mark) <= 0 && this.comparePositions(mark, end) < 0;
      };
      return this.rangeText(t) === "" && !this.spanParagraphs(t).some(markInside);
    }
    return false;
  }

  rangeParagraphs(t: RangeTarget): XmlElement[] {
    const around = (n: XmlElement): XmlElement[] => {
      const p = this.containingParagraph(n);
      return p ? [p] : [];
    };
    switch (t.kind) {
      case "nodes":
        return this.isInlineNode(t.first)
          ? around(t.first)
          : this.between(t.first, t.last).flatMap((n) => this.paragraphsIn(n));
      case "content":
        if (isW(t.container, "p") || this.isInlineNode(t.container)) return around(t.container);
        return this.paragraphsIn(t.container);
      case "edge": {
        if (isW(t.el, "p") || this.isInlineNode(t.el)) return around(t.el);
        const list = this.paragraphsIn(t.el);
        const p = t.edge === "start" || t.edge === "before" ? list[0] : list[list.length - 1];
        return p ? [p] : [];
      }
      case "span":
        return this.spanParagraphs(t);
    }
  }

  rangeSdts(t: RangeTarget): XmlElement[] {
    switch (t.kind) {
      case "nodes":
        return this.between(t.first, t.last).flatMap((n) => this.sdtsIn(n, true));
      case "content":
        return this.sdtsIn(this.contentParent(t.container));
      case "edge":
        return [];
      case "span":
        return this.spanElements(t, (root) => this.sdtsIn(root));
    }
  }

  rangeTables(t: RangeTarget): XmlElement[] {
    switch (t.kind) {
      case "nodes":
        return this.between(t.first, t.last).flatMap((n) => this.tablesIn(n));
      case "content":
        return this.tablesIn(this.contentParent(t.container));
      case "edge":
        return [];
      case "span":
        return this.spanElements(t, (root) => this.tablesIn(root));
    }
  }

  /** The innermost node that contains the whole range (used for parent lookups). */
  rangeAnchor(t: RangeTarget): XmlNode {
    switch (t.kind) {
      case "nodes":
        return t.first === t.last ? t.first : (t.first.parentNode ?? t.first);
      case "content":
        return t.container;
      case "edge":
        return t.edge === "start" || t.edge === "end" ? t.el : (t.el.parentNode ?? t.el);
      case "span": {
        // The innermost node holding both points.
        const a = this.rangeAnchor(t.start);
        const b = this.rangeAnchor(t.end);
        const aAncestors = new Set<XmlNode>();
        for (let n: XmlNode | null = a; n; n = n.parentNode) aAncestors.add(n);
        for (let n: XmlNode | null = b; n; n = n.parentNode) if (aAncestors.has(n)) return n;
        return a;
      }
    }
  }

  /** The innermost control containing the range (a control's own range counts as inside it). */
  rangeParentSdt(t: RangeTarget, accept: (sdt: XmlElement) => boolean = () => true): XmlElement | null {
    for (let n: XmlNode | null = this.rangeAnchor(t); n; n = n.parentNode) {
      if (isW(n, "sdt") && accept(n)) return n;
    }
    return null;
  }

  rangeParentW(t: RangeTarget, localName: "tc" | "tbl"): XmlElement | null {
    const anchor = this.rangeAnchor(t);
    return isW(anchor, localName) ? anchor : ancestorW(anchor, localName);
  }

  /** A collapsed range at the start or end of `t`. */
  collapse(t: RangeTarget, side: "start" | "end"): EdgeTarget {
    switch (t.kind) {
      case "nodes": {
        const el = side === "start" ? t.first : t.last;
        const inside = t.first === t.last && this.isContainer(el);
        return { kind: "edge", el, edge: inside ? side : side === "start" ? "before" : "after" };
      }
      case "content":
        return { kind: "edge", el: t.container, edge: side };
      case "edge":
        return t;
      case "span":
        return side === "start" ? t.start : t.end;
    }
  }

  /** Range.getRange / Paragraph.getRange / ... for a target. */
  subRange(t: RangeTarget, location: RangeLocationString): RangeTarget {
    switch (location) {
      case "Whole":
        return t;
      case "Start":
        return this.collapse(t, "start");
      case "End":
        return this.collapse(t, "end");
      case "Before":
        return t.kind === "nodes" ? { kind: "edge", el: t.first, edge: "before" } : this.collapse(t, "start");
      case "After":
        return t.kind === "nodes" ? { kind: "edge", el: t.last, edge: "after" } : this.collapse(t, "end");
      case "Content":
        return t.kind === "nodes" && t.first === t.last && this.isContainer(t.first)
          ? { kind: "content", container: t.first }
          : t;
    }
  }

  /** Block-level nodes representing the range, for getOoxml(). */
  rangeBlocks(t: RangeTarget, where = "Range.getOoxml"): XmlElement[] {
    const wrap = (nodes: XmlNode[], near: XmlElement): XmlElement[] => {
      const p = createW(near, "p");
      const source = this.containingParagraph(near);
      const pPr = source ? childW(source, "pPr") : null;
      if (pPr) p.appendChild(pPr.cloneNode(true));
      for (const n of nodes) p.appendChild(n.cloneNode(true));
      return [p];
    };
    switch (t.kind) {
      case "nodes": {
        const nodes = this.between(t.first, t.last);
        if (this.isInlineNode(t.first)) return wrap(nodes, t.first);
        const level = isElement(t.first.parentNode) ? this.levelOf(t.first.parentNode) : "block";
        if (level !== "block") {
          const tbl = ancestorW(t.first, "tbl");
          return tbl ? [tbl] : [];
        }
        return nodes;
      }
      case "content": {
        if (isW(t.container, "p")) return [t.container];
        if (this.isInlineNode(t.container)) return wrap(this.contentNodes(t.container), t.container);
        return this.contentNodes(t.container);
      }
      case "edge":
        return [createW(t.el, "p")];
      case "span":
        throw notImplemented(where, "getOoxml of a range made by expandTo");
    }
  }

  // -------------------------------------------------------------------------
  // Edits

  private removeAll(nodes: readonly XmlNode[]): void {
    for (const n of nodes) removeNode(n);
  }

  /** Keeps the invariants Word keeps: a cell, a block control and a body always hold a paragraph. */
  private ensureParagraph(holder: XmlElement): void {
    if (isW(holder, "p") || this.levelOf(holder) !== "block") return;
    const hasBlock = children(holder).some((c) => isW(c, "p") || isW(c, "tbl") || isW(c, "sdt"));
    if (hasBlock) return;
    const p = createW(holder, "p");
    const sectPr = holder === this.body ? children(holder).find((c) => isW(c, "sectPr")) : undefined;
    holder.insertBefore(p, sectPr ?? null);
  }

  makeRun(near: XmlNode, text: string, rPr: XmlElement | null): XmlElement {
    const r = createW(near, "r");
    if (rPr) r.appendChild(rPr.cloneNode(true));
    const parts = text.split(/(\t|\v)/);
    for (const part of parts) {
      if (part === "") continue;
      if (part === "\t") r.appendChild(createW(near, "tab"));
      else if (part === "\v") r.appendChild(createW(near, "br"));
      else {
        const t = createW(near, "t");
        t.setAttributeNS(XML_NS, "xml:space", "preserve");
        const doc = near.nodeType === 9 ? (near as XmlDocument) : near.ownerDocument;
        if (!doc) throw new Error("detached node");
        t.appendChild(doc.createTextNode(part));
        r.appendChild(t);
      }
    }
    return r;
  }

  private newParagraph(near: XmlNode, text: string): XmlElement {
    const p = createW(near, "p");
    if (text !== "") p.appendChild(this.makeRun(near, text, null));
    return p;
  }

  /** The insertion point for a location relative to a range (Replace is handled by the callers). */
  private pointFor(t: RangeTarget, location: InsertLocationString, where: string): Point {
    const outside = (el: XmlElement, after: boolean): Point => {
      const parent = el.parentNode;
      if (!isElement(parent)) throw invalidArgument(where, "the range has no parent");
      return { parent, ref: after ? el.nextSibling : el };
    };
    switch (t.kind) {
      case "nodes": {
        const single = t.first === t.last && this.isContainer(t.first);
        switch (location) {
          case "Before":
            return outside(t.first, false);
          case "After":
            return outside(t.last, true);
          case "Start":
            return single ? this.contentStart(t.first) : outside(t.first, false);
          case "End":
            return single ? this.contentEnd(t.first) : outside(t.last, true);
          case "Replace":
            throw new Error("unreachable");
        }
        throw new Error("unreachable");
      }
      case "content":
        return location === "Before" || location === "Start"
          ? this.contentStart(t.container)
          : this.contentEnd(t.container);
      case "edge": {
        const container = this.isContainer(t.el);
        if (t.edge === "start") return container ? this.contentStart(t.el) : outside(t.el, false);
        if (t.edge === "end") return container ? this.contentEnd(t.el) : outside(t.el, true);
        return outside(t.el, t.edge === "after");
      }
      case "span":
        return this.pointFor(
          location === "Before" || location === "Start" ? t.start : t.end,
          location,
          where,
        );
    }
  }

  /** Removes what Replace replaces and returns where the new content goes. */
  private replacePoint(t: RangeTarget, where: string): Point {
    switch (t.kind) {
      case "nodes": {
        if (t.first === t.last && isW(t.first, "p"))
          return this.replacePoint({ kind: "content", container: t.first }, where);
        const parent = t.first.parentNode;
        if (!isElement(parent)) throw invalidArgument(where, "the range has no parent");
        const ref = t.last.nextSibling;
        this.removeAll(this.between(t.first, t.last));
        return { parent, ref };
      }
      case "content":
        this.removeAll(this.contentNodes(t.container));
        return this.contentStart(t.container);
      case "edge":
        return this.pointFor(t, "Start", where);
      case "span":
        throw notImplemented(where, "replacing a range made by expandTo");
    }
  }

  private pointTarget(point: Point): RangeTarget {
    if (isElement(point.ref)) return { kind: "edge", el: point.ref, edge: "before" };
    const owner =
      isW(point.parent, "sdtContent") && isElement(point.parent.parentNode)
        ? point.parent.parentNode
        : point.parent;
    return { kind: "edge", el: owner, edge: "end" };
  }

  /** insertOoxml: block content from a package, inserted with Word.InsertLocation semantics. */
  insertBlocks(
    t: RangeTarget,
    location: InsertLocationString,
    source: readonly XmlElement[],
    where: string,
  ): RangeTarget {
    const anchor = this.anchorElement(t);
    const doc = anchor.ownerDocument;
    if (!doc) throw invalidArgument(where, "detached range");
    this.markDirty(anchor);
    const blocks = source.map((b) => doc.importNode(b, true));
    const point = location === "Replace" ? this.replacePoint(t, where) : this.pointFor(t, location, where);
    this.checkEditable(point.parent, where);
    const result = this.insertBlocksAt(point, blocks, where);
    this.ensureParagraph(point.parent);
    if (this.tracking) this.trackRange(result);
    return result;
  }

  /** Records the nodes of an insert's result range as a tracked insertion. */
  private trackRange(t: RangeTarget): void {
    if (t.kind === "nodes") trackInsertion(this.between(t.first, t.last));
  }

  private insertBlocksAt(point: Point, blocks: XmlElement[], where: string): RangeTarget {
    if (blocks.length === 0) return this.pointTarget(point);
    const level = this.levelOf(point.parent);
    if (level === "block") {
      insertAllBefore(point.parent, blocks, point.ref);
      return { kind: "nodes", first: blocks[0], last: blocks[blocks.length - 1] };
    }
    if (level !== "inline") {
      throw invalidArgument(where, "inserting paragraphs among table rows or cells is not emulated");
    }
    if (blocks.length === 1 && isW(blocks[0], "p")) {
      const inline = children(blocks[0]).filter((c) => !isW(c, "pPr"));
      insertAllBefore(point.parent, inline, point.ref);
      return inline.length > 0
        ? { kind: "nodes", first: inline[0], last: inline[inline.length - 1] }
        : this.pointTarget(point);
    }
    // Several blocks inside a paragraph: split it, as Word does when pasting paragraphs mid-paragraph.
    const p = point.parent;
    if (!isW(p, "p")) {
      throw invalidArgument(
        where,
        "paragraphs inside an inline content control or hyperlink are not emulated",
      );
    }
    const parent = p.parentNode;
    if (!isElement(parent)) throw invalidArgument(where, "detached paragraph");
    const pPr = childW(p, "pPr");
    const head: XmlNode[] = [];
    for (let n = pPr ? pPr.nextSibling : p.firstChild; n && n !== point.ref; n = n.nextSibling) head.push(n);
    this.removeAll(head);
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    const before: XmlElement[] = [];
    if (isW(first, "p")) {
      const firstPPr = childW(first, "pPr");
      insertAllBefore(first, head, firstPPr ? firstPPr.nextSibling : first.firstChild);
    } else if (head.length > 0) {
      const p1 = createW(p, "p");
      if (pPr) p1.appendChild(pPr.cloneNode(true));
      insertAllBefore(p1, head, null);
      before.push(p1);
    }
    const mergeLast = isW(last, "p");
    before.push(...(mergeLast ? blocks.slice(0, -1) : blocks));
    insertAllBefore(parent, before, p);
    if (mergeLast) {
      const inline = children(last).filter((c) => !isW(c, "pPr"));
      insertAllBefore(p, inline, pPr ? pPr.nextSibling : p.firstChild);
    }
    return { kind: "nodes", first: before[0] ?? p, last: p };
  }

  /** insertText with Word.InsertLocation semantics; line breaks make paragraphs. */
  insertText(t: RangeTarget, location: InsertLocationString, text: string, where: string): RangeTarget {
    this.markDirty(this.anchorElement(t));
    const point = location === "Replace" ? this.replacePoint(t, where) : this.pointFor(t, location, where);
    this.checkEditable(point.parent, where);
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length > 1) {
      const result = this.insertBlocksAt(
        point,
        lines.map((l) => this.newParagraph(point.parent, l)),
        where,
      );
      this.ensureParagraph(point.parent);
      if (this.tracking) this.trackRange(result);
      return result;
    }
    let at = point;
    const level = this.levelOf(point.parent);
    if (level === "row" || level === "cell") throw invalidArgument(where, "text among table rows or cells");
    if (level === "block") {
      // Word puts the text into the adjacent paragraph; the double does the same when there is one.
      const prev = point.ref ? point.ref.previousSibling : point.parent.lastChild;
      if (isW(point.ref, "p")) at = this.contentStart(point.ref);
      else if (isW(prev, "p")) at = this.contentEnd(prev);
      else {
        const p = this.newParagraph(point.parent, "");
        point.parent.insertBefore(p, point.ref);
        at = { parent: p, ref: null };
      }
    }
    const run = this.makeRun(at.parent, text, null);
    at.parent.insertBefore(run, at.ref);
    if (this.tracking) trackInsertion([run]);
    return { kind: "nodes", first: run, last: run };
  }

  /** The block-level element that holds `node` (the paragraph of a run, the table of a cell). */
  private blockOf(node: XmlElement): XmlElement {
    let n = node;
    while (isElement(n.parentNode) && this.levelOf(n.parentNode) !== "block") n = n.parentNode;
    return n;
  }

  /** insertParagraph: Before/After the range's block, or Start/End inside a block container. */
  insertParagraph(t: RangeTarget, location: InsertLocationString, text: string, where: string): XmlElement {
    if (t.kind === "span") {
      // Before the first / after the last paragraph the span touches.
      const touched = this.spanParagraphs(t);
      const p = location === "Before" ? touched[0] : touched[touched.length - 1];
      if (!p || (location !== "Before" && location !== "After"))
        throw invalidArgument(where, `insertParagraph '${location}' on a range made by expandTo`);
      return this.insertParagraph({ kind: "nodes", first: p, last: p }, location, text, where);
    }
    let point: Point;
    if (location === "Before" || location === "After") {
      const el =
        t.kind === "nodes"
          ? location === "Before"
            ? t.first
            : t.last
          : t.kind === "content"
            ? t.container
            : t.el;
      const isBody = el === this.body || isW(el, "hdr") || isW(el, "ftr");
      if (isBody) throw invalidArgument(where, `'${location}' is not valid for a body`);
      const block = this.blockOf(el);
      const parent = block.parentNode;
      if (!isElement(parent)) throw invalidArgument(where, "detached range");
      point = { parent, ref: location === "Before" ? block : block.nextSibling };
    } else if (location === "Start" || location === "End") {
      const container = t.kind === "nodes" ? t.first : t.kind === "content" ? t.container : t.el;
      if (!this.isContainer(container) || isW(container, "p"))
        throw invalidArgument(where, `'${location}' needs a container`);
      point = location === "Start" ? this.contentStart(container) : this.contentEnd(container);
      if (this.levelOf(point.parent) !== "block") {
        throw invalidArgument(where, `'${location}' is not valid for an inline or table-level control`);
      }
    } else {
      throw invalidArgument(where, `insertParagraph does not take '${location}'`);
    }
    this.checkEditable(point.parent, where);
    this.markDirty(point.parent);
    const p = this.newParagraph(point.parent, text);
    point.parent.insertBefore(p, point.ref);
    if (this.tracking) trackInsertion([p]);
    return p;
  }

  /** Range.delete / Paragraph.delete. */
  deleteRange(t: RangeTarget, where = "Range.delete"): void {
    switch (t.kind) {
      case "nodes": {
        const parent = t.first.parentNode;
        this.checkDeletable(this.between(t.first, t.last), where);
        this.markDirty(t.first);
        if (this.tracking) {
          trackDeletion(this.between(t.first, t.last));
          return;
        }
        this.removeAll(this.between(t.first, t.last));
        if (isElement(parent)) this.ensureParagraph(parent);
        return;
      }
      case "content":
        this.clearContent(t.container);
        return;
      case "edge":
        return;
      case "span":
        throw notImplemented(where, "deleting a range made by expandTo");
    }
  }

  /** Body.clear / Paragraph.clear / Range.clear. */
  clearContent(container: XmlElement): void {
    this.checkDeletable(this.contentNodes(container), "clear");
    this.markDirty(container);
    if (this.tracking) {
      trackDeletion(this.contentNodes(container));
      return;
    }
    this.removeAll(this.contentNodes(container));
    this.ensureParagraph(this.contentParent(container));
  }

  // -------------------------------------------------------------------------
  // Selection

  select(t: RangeTarget, mode: "Select" | "Start" | "End"): void {
    this.selection =
      mode === "Start" ? this.collapse(t, "start") : mode === "End" ? this.collapse(t, "end") : t;
  }

  currentSelection(): RangeTarget {
    if (!this.rangeAlive(this.selection)) {
      const first = this.paragraphsIn(this.body)[0];
      this.selection = first
        ? { kind: "edge", el: first, edge: "start" }
        : { kind: "content", container: this.body };
    }
    return this.selection;
  }
}
