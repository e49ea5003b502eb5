/**
 * Word comments in the double (WordApi 1.4): Range.insertComment, Body/Range.getComments,
 * Comment (id, content, authorName, authorEmail, creationDate, resolved, replies, reply,
 * getRange, delete) and CommentReply (id, content, authorName, authorEmail, creationDate,
 * parentComment, delete).
 *
 * What Word writes, written here: in the document, w:commentRangeStart at the start of the
 * commented paragraph(s), w:commentRangeEnd at their end followed by a run holding
 * w:commentReference (style CommentReference); the comment itself in word/comments.xml
 * (w:comment with w:id, w:author, w:initials, w:date and a CommentText paragraph that starts
 * with w:annotationRef), and its thread in word/commentsExtended.xml (w15:commentEx with the
 * w14:paraId of the comment's last paragraph, w15:paraIdParent for a reply, w15:done when
 * resolved). A reply is a comment of its own whose range sits at its parent's. toDocx() writes
 * both parts with their relationships and content types; getOoxml() carries the comments part
 * for the comments referenced in the range, as Word's flat OPC does.
 *
 * Word sets a comment's author itself: insertComment and reply write WORD_USER, whatever the
 * add-in wants. Test helpers (WordDouble.addPersonComment / addPersonReply) add comments by other
 * people. Paragraph text holds "\x05" for each comment reference, as Word on Windows reports it
 * (office-js issue #2114).
 *
 * NOT EMULATED: character-precise comment ranges (a comment covers the whole paragraphs its
 * range touches), comments in headers and footers, content writes, contentRange, mentions,
 * commentsIds/commentsExtensible/people parts, comment events.
 */

import { itemNotFound } from "./errors";
import type { DocModel, RangeTarget } from "./model";
import type { DocxParts } from "./package";
import {
  ClientObjectDouble,
  CollectionDouble,
  type BatchContext,
  type PropertyTable,
  type ApiSet,
} from "./runtime";
import {
  NS,
  children,
  childW,
  descendantsW,
  isW,
  parseXml,
  removeNode,
  serializeXml,
  type XmlDocument,
  type XmlElement,
} from "./xml";

export const WordApi14: ApiSet = ["WordApi", "1.4"];

/** The signed-in user of the simulated Word: the author of every comment made through the API. */
export const WORD_USER = { name: "Anna Lärare", initials: "AL", email: "anna.larare@skola.example" } as const;

export interface Author {
  name: string;
  initials: string;
  email?: string;
}

const REL_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const REL_COMMENTS_EXT = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended";
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const CT_COMMENTS_EXT = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml";
const COMMENTS_PATH = "word/comments.xml";
const COMMENTS_EXT_PATH = "word/commentsExtended.xml";

const EMPTY_COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${NS.w}" xmlns:w14="${NS.w14}"/>`;
const EMPTY_EXT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${NS.w15}" xmlns:w14="${NS.w14}"/>`;

/** A comment as tests see it. */
export interface CommentInfo {
  id: string;
  author: string;
  text: string;
  /** Index into the body's paragraphs of the paragraph the comment starts in. */
  paragraphIndex: number;
  resolved: boolean;
  replies: { id: string; author: string; text: string }[];
}

export class CommentStore {
  private doc: XmlDocument | null;
  private ext: XmlDocument | null;
  private nextParaId = 0x3a000000;
  /** Parts that must be written back. */
  private changed = false;

  private constructor(
    private readonly parts: DocxParts,
    private readonly model: DocModel,
    doc: XmlDocument | null,
    ext: XmlDocument | null,
  ) {
    this.doc = doc;
    this.ext = ext;
  }

  static async open(parts: DocxParts, model: DocModel): Promise<CommentStore> {
    const read = async (path: string) => {
      const f = parts.zip.file(path);
      return f ? parseXml(await f.async("string"), path) : null;
    };
    const rel = parts.relationships.find((r) => r.type === REL_COMMENTS);
    const ext = parts.relationships.find((r) => r.type === REL_COMMENTS_EXT);
    return new CommentStore(
      parts,
      model,
      rel ? await read(rel.path) : null,
      ext ? await read(ext.path) : null,
    );
  }

  private comments(): XmlElement[] {
    return this.doc?.documentElement
      ? children(this.doc.documentElement).filter((c) => isW(c, "comment"))
      : [];
  }

  private exEntries(): XmlElement[] {
    return this.ext?.documentElement
      ? children(this.ext.documentElement).filter((c) => c.localName === "commentEx")
      : [];
  }

  idOf(c: XmlElement): string {
    return c.getAttributeNS(NS.w, "id") ?? "";
  }

  isAlive(c: XmlElement): boolean {
    return c.parentNode !== null && this.comments().includes(c);
  }

  byId(id: string): XmlElement | null {
    return this.comments().find((c) => this.idOf(c) === id) ?? null;
  }

  private paraIdOf(c: XmlElement): string | null {
    const ps = descendantsW(c, "p");
    return ps[ps.length - 1]?.getAttributeNS(NS.w14, "paraId") ?? null;
  }

  private exOf(c: XmlElement): XmlElement | null {
    const paraId = this.paraIdOf(c);
    return this.exEntries().find((e) => e.getAttributeNS(NS.w15, "paraId") === paraId) ?? null;
  }

  parentOf(c: XmlElement): XmlElement | null {
    const parentPara = this.exOf(c)?.getAttributeNS(NS.w15, "paraIdParent");
    return parentPara ? (this.comments().find((p) => this.paraIdOf(p) === parentPara) ?? null) : null;
  }

  text(c: XmlElement): string {
    return descendantsW(c, "p")
      .map((p) =>
        descendantsW(p, "t")
          .map((t) => t.textContent ?? "")
          .join(""),
      )
      .join("\n");
  }

  author(c: XmlElement): string {
    return c.getAttributeNS(NS.w, "author") ?? "";
  }

  email(c: XmlElement): string {
    return c.getAttributeNS(NS.w, "initials") === WORD_USER.initials && this.author(c) === WORD_USER.name
      ? WORD_USER.email
      : "";
  }

  date(c: XmlElement): Date {
    return new Date(c.getAttributeNS(NS.w, "date") ?? 0);
  }

  resolved(c: XmlElement): boolean {
    const done = this.exOf(c)?.getAttributeNS(NS.w15, "done");
    return done === "1" || done === "true";
  }

  setResolved(c: XmlElement, value: boolean): void {
    const ex = this.exOf(c);
    if (ex) ex.setAttributeNS(NS.w15, "w15:done", value ? "1" : "0");
    this.changed = true;
  }

  /** The w:commentRangeStart / End / commentReference of a comment id in the body. */
  private marker(id: string, name: string): XmlElement | null {
    return descendantsW(this.parts.body, name).find((m) => m.getAttributeNS(NS.w, "id") === id) ?? null;
  }

  private paragraphOf(el: XmlElement | null): XmlElement | null {
    for (let n = el?.parentNode ?? null; n; n = n.parentNode) if (isW(n, "p")) return n as XmlElement;
    return null;
  }

  /**
   * Word deletes a comment together with its range: a comment whose reference mark is gone from
   * the document (its paragraph was replaced, e.g. by ContentControl.insertText) is dropped.
   */
  private prune(): void {
    const refs = new Set(
      descendantsW(this.parts.body, "commentReference").map((m) => m.getAttributeNS(NS.w, "id")),
    );
    for (const c of this.comments()) {
      if (refs.has(this.idOf(c)) || !c.parentNode) continue;
      for (const r of this.replies(c)) this.remove(r);
      this.remove(c);
    }
  }

  /** Top-level comments whose range starts in the body, in document order. */
  topLevel(): XmlElement[] {
    this.prune();
    const order = descendantsW(this.parts.body, "commentRangeStart").map((m) => m.getAttributeNS(NS.w, "id"));
    return this.comments()
      .filter((c) => !this.parentOf(c) && order.includes(this.idOf(c)))
      .sort((a, b) => order.indexOf(this.idOf(a)) - order.indexOf(this.idOf(b)));
  }

  /** Top-level comments whose range starts in one of `paragraphs`. */
  topLevelIn(paragraphs: readonly XmlElement[]): XmlElement[] {
    return this.topLevel().filter((c) => {
      const p = this.paragraphOf(this.marker(this.idOf(c), "commentRangeStart"));
      return p !== null && paragraphs.includes(p);
    });
  }

  replies(c: XmlElement): XmlElement[] {
    return this.comments().filter((r) => this.parentOf(r) === c);
  }

  /** The range of the paragraphs a comment covers. */
  range(c: XmlElement): RangeTarget {
    const first = this.paragraphOf(this.marker(this.idOf(c), "commentRangeStart"));
    const last = this.paragraphOf(this.marker(this.idOf(c), "commentRangeEnd")) ?? first;
    if (!first || !last) throw itemNotFound("Comment.getRange", "the comment has no range in the document");
    if (first === last) return { kind: "nodes", first, last };
    return {
      kind: "span",
      start: { kind: "edge", el: first, edge: "start" },
      end: { kind: "edge", el: last, edge: "end" },
    };
  }

  private ensureParts(): { doc: XmlDocument; ext: XmlDocument } {
    this.doc ??= parseXml(EMPTY_COMMENTS, COMMENTS_PATH);
    this.ext ??= parseXml(EMPTY_EXT, COMMENTS_EXT_PATH);
    return { doc: this.doc, ext: this.ext };
  }

  private newId(): string {
    const used = new Set<number>();
    for (const c of this.comments()) used.add(Number(this.idOf(c)));
    for (const name of ["commentRangeStart", "commentRangeEnd", "commentReference"])
      for (const m of descendantsW(this.parts.body, name)) used.add(Number(m.getAttributeNS(NS.w, "id")));
    let id = 0;
    while (used.has(id)) id++;
    return String(id);
  }

  /** Writes the w:comment and its commentEx entry. */
  private addComment(text: string, author: Author, parent: XmlElement | null): XmlElement {
    const { doc, ext } = this.ensureParts();
    const id = this.newId();
    const w = (name: string) => doc.createElementNS(NS.w, `w:${name}`);
    const comment = w("comment");
    comment.setAttributeNS(NS.w, "w:id", id);
    comment.setAttributeNS(NS.w, "w:author", author.name);
    comment.setAttributeNS(NS.w, "w:date", "2026-01-15T10:00:00Z");
    comment.setAttributeNS(NS.w, "w:initials", author.initials);
    const paraId = (this.nextParaId++).toString(16).toUpperCase();
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      const p = w("p");
      const pPr = w("pPr");
      const style = w("pStyle");
      style.setAttributeNS(NS.w, "w:val", "CommentText");
      pPr.appendChild(style);
      p.appendChild(pPr);
      if (i === 0) {
        const r = w("r");
        const rPr = w("rPr");
        const rs = w("rStyle");
        rs.setAttributeNS(NS.w, "w:val", "CommentReference");
        rPr.appendChild(rs);
        r.appendChild(rPr);
        r.appendChild(w("annotationRef"));
        p.appendChild(r);
      }
      const r = w("r");
      const t = w("t");
      t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
      t.textContent = line;
      r.appendChild(t);
      p.appendChild(r);
      comment.appendChild(p);
    });
    // Only the last paragraph's paraId names the comment in commentsExtended.
    const ps = descendantsW(comment, "p");
    ps.forEach((p, i) =>
      p.setAttributeNS(NS.w14, "w14:paraId", i === ps.length - 1 ? paraId : `${paraId}${i}`),
    );
    doc.documentElement!.appendChild(comment);
    const ex = ext.createElementNS(NS.w15, "w15:commentEx");
    ex.setAttributeNS(NS.w15, "w15:paraId", paraId);
    const parentPara = parent ? this.paraIdOf(parent) : null;
    if (parentPara) ex.setAttributeNS(NS.w15, "w15:paraIdParent", parentPara);
    ex.setAttributeNS(NS.w15, "w15:done", "0");
    ext.documentElement!.appendChild(ex);
    this.changed = true;
    return comment;
  }

  private referenceRun(id: string): XmlElement {
    const doc = this.parts.main;
    const w = (name: string) => doc.createElementNS(NS.w, `w:${name}`);
    const r = w("r");
    const rPr = w("rPr");
    const rs = w("rStyle");
    rs.setAttributeNS(NS.w, "w:val", "CommentReference");
    rPr.appendChild(rs);
    r.appendChild(rPr);
    const ref = w("commentReference");
    ref.setAttributeNS(NS.w, "w:id", id);
    r.appendChild(ref);
    return r;
  }

  private markerEl(name: string, id: string): XmlElement {
    const m = this.parts.main.createElementNS(NS.w, `w:${name}`);
    m.setAttributeNS(NS.w, "w:id", id);
    return m;
  }

  /** Range.insertComment: a comment over the whole paragraphs the range touches. */
  insert(target: RangeTarget, text: string, author: Author = WORD_USER): XmlElement {
    const paragraphs = this.model.rangeParagraphs(target);
    const first = paragraphs[0];
    const last = paragraphs[paragraphs.length - 1];
    if (!first || !last || this.model.storyOf(first) !== this.parts.body) {
      throw itemNotFound("Range.insertComment", "comments can only be inserted in the body");
    }
    const comment = this.addComment(text, author, null);
    const id = this.idOf(comment);
    const pPr = childW(first, "pPr");
    first.insertBefore(this.markerEl("commentRangeStart", id), pPr ? pPr.nextSibling : first.firstChild);
    last.appendChild(this.markerEl("commentRangeEnd", id));
    last.appendChild(this.referenceRun(id));
    this.model.markDirty(first);
    return comment;
  }

  /** Comment.reply: a comment of its own, threaded under `parent`, its range at the parent's. */
  reply(parent: XmlElement, text: string, author: Author = WORD_USER): XmlElement {
    const pid = this.idOf(parent);
    const start = this.marker(pid, "commentRangeStart");
    const ref = this.marker(pid, "commentReference")?.parentNode as XmlElement | undefined;
    if (!start || !ref) throw itemNotFound("Comment.reply", "the comment has no range in the document");
    const reply = this.addComment(text, author, parent);
    const id = this.idOf(reply);
    start.parentNode!.insertBefore(this.markerEl("commentRangeStart", id), start.nextSibling);
    const end = this.markerEl("commentRangeEnd", id);
    ref.parentNode!.insertBefore(end, ref.nextSibling);
    end.parentNode!.insertBefore(this.referenceRun(id), end.nextSibling);
    this.model.markDirty(start);
    return reply;
  }

  /** Comment.delete (with its replies) or CommentReply.delete. */
  remove(c: XmlElement): void {
    for (const r of this.replies(c)) this.remove(r);
    const id = this.idOf(c);
    for (const name of ["commentRangeStart", "commentRangeEnd"]) {
      const m = this.marker(id, name);
      if (m) removeNode(m);
    }
    const ref = this.marker(id, "commentReference");
    const run = ref?.parentNode as XmlElement | null;
    if (ref && run) {
      removeNode(ref);
      if (children(run).every((x) => isW(x, "rPr"))) removeNode(run);
    }
    const ex = this.exOf(c);
    if (ex) removeNode(ex);
    removeNode(c);
    this.changed = true;
    this.parts.dirty.add(this.parts.main);
  }

  info(): CommentInfo[] {
    this.prune();
    const all = this.model.paragraphsIn(this.model.body);
    return this.topLevel().map((c) => ({
      id: this.idOf(c),
      author: this.author(c),
      text: this.text(c),
      paragraphIndex: all.indexOf(this.paragraphOf(this.marker(this.idOf(c), "commentRangeStart"))!),
      resolved: this.resolved(c),
      replies: this.replies(c).map((r) => ({ id: this.idOf(r), author: this.author(r), text: this.text(r) })),
    }));
  }

  /** The comments part for getOoxml: the comments referenced in `blocks`, or "". */
  flatOpcPart(blocks: readonly XmlElement[]): { rel: string; part: string } | null {
    const ids = new Set(
      blocks.flatMap((b) => descendantsW(b, "commentReference").map((m) => m.getAttributeNS(NS.w, "id"))),
    );
    const list = this.comments().filter((c) => ids.has(this.idOf(c)));
    if (list.length === 0) return null;
    const inner = list.map((c) => serializeXml(c)).join("");
    return {
      rel: `<Relationship Id="rIdComments" Type="${REL_COMMENTS}" Target="comments.xml"/>`,
      part:
        `<pkg:part pkg:name="/word/comments.xml" pkg:contentType="${CT_COMMENTS}"><pkg:xmlData>` +
        `<w:comments xmlns:w="${NS.w}" xmlns:w14="${NS.w14}">${inner}</w:comments></pkg:xmlData></pkg:part>`,
    };
  }

  /** Writes comments.xml and commentsExtended.xml, their relationships and content types. */
  async writeInto(parts: DocxParts): Promise<void> {
    this.prune();
    if (!this.changed || !this.doc || !this.ext) return;
    const relsPath = parts.mainPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const relsFile = parts.zip.file(relsPath);
    const rels = parseXml(
      relsFile ? await relsFile.async("string") : `<Relationships xmlns="${NS.rels}"/>`,
      relsPath,
    );
    const root = rels.documentElement!;
    const have = (type: string) =>
      Array.from(root.getElementsByTagNameNS(NS.rels, "Relationship")).some(
        (r) => r.getAttribute("Type") === type,
      );
    let n = 900;
    for (const [type, target] of [
      [REL_COMMENTS, "comments.xml"],
      [REL_COMMENTS_EXT, "commentsExtended.xml"],
    ] as const) {
      if (have(type)) continue;
      const r = rels.createElementNS(NS.rels, "Relationship");
      r.setAttribute("Id", `rId${n++}`);
      r.setAttribute("Type", type);
      r.setAttribute("Target", target);
      root.appendChild(r);
    }
    parts.zip.file(relsPath, serializeXml(rels));
    const ctFile = parts.zip.file("[Content_Types].xml");
    if (ctFile) {
      const ct = parseXml(await ctFile.async("string"), "[Content_Types].xml");
      const types = ct.documentElement!;
      const overrides = Array.from(types.getElementsByTagNameNS(NS.contentTypes, "Override"));
      for (const [name, type] of [
        [`/${COMMENTS_PATH}`, CT_COMMENTS],
        [`/${COMMENTS_EXT_PATH}`, CT_COMMENTS_EXT],
      ] as const) {
        if (overrides.some((o) => o.getAttribute("PartName") === name)) continue;
        const o = ct.createElementNS(NS.contentTypes, "Override");
        o.setAttribute("PartName", name);
        o.setAttribute("ContentType", type);
        types.appendChild(o);
      }
      parts.zip.file("[Content_Types].xml", serializeXml(ct));
    }
    const relPath = (type: string, fallback: string) =>
      parts.relationships.find((r) => r.type === type)?.path ?? fallback;
    parts.zip.file(relPath(REL_COMMENTS, COMMENTS_PATH), serializeXml(this.doc));
    parts.zip.file(relPath(REL_COMMENTS_EXT, COMMENTS_EXT_PATH), serializeXml(this.ext));
  }
}

// ---------------------------------------------------------------------------
// Proxies

/** What the comment proxies need of their request context. */
export interface CommentContext extends BatchContext {
  readonly comments: CommentStore;
  /** A Word.Range proxy for a range target (Comment.getRange). */
  rangeProxy(resolve: () => RangeTarget | null, location: string): unknown;
}

/** What a comment and a reply share: Word's comment properties over the same comment elements. */
abstract class CommentItemDouble extends ClientObjectDouble<XmlElement> {
  constructor(
    override readonly context: CommentContext,
    resolver: () => XmlElement | null,
    origin: { location: string; api?: ApiSet; nullable?: boolean; instantiate?: boolean },
  ) {
    super(context, resolver, origin);
  }

  protected override isAlive(c: XmlElement): boolean {
    return this.context.comments.isAlive(c);
  }

  protected properties(): PropertyTable<XmlElement> {
    const s = this.context.comments;
    return {
      id: { api: WordApi14, get: (c) => s.idOf(c) },
      content: { api: WordApi14, get: (c) => s.text(c) },
      authorName: { api: WordApi14, get: (c) => s.author(c) },
      authorEmail: { api: WordApi14, get: (c) => s.email(c) },
      creationDate: { api: WordApi14, get: (c) => s.date(c) },
    };
  }

  get id(): string {
    return this.read("id");
  }
  get content(): string {
    return this.read("content");
  }
  get authorName(): string {
    return this.read("authorName");
  }
  get authorEmail(): string {
    return this.read("authorEmail");
  }
  get creationDate(): Date {
    return this.read("creationDate");
  }
}

export class CommentDouble extends CommentItemDouble {
  protected readonly typeName = "Comment";
  private repliesMemo: CommentReplyCollectionDouble | null = null;

  protected override properties(): PropertyTable<XmlElement> {
    const s = this.context.comments;
    return { ...super.properties(), resolved: { api: WordApi14, get: (c) => s.resolved(c) } };
  }

  protected override navigation(name: string) {
    return name === "replies" ? this.replies : undefined;
  }

  get resolved(): boolean {
    return this.read("resolved");
  }
  set resolved(value: boolean) {
    this.write("resolved", value, WordApi14, (c, v) => this.context.comments.setResolved(c, v));
  }

  get replies(): CommentReplyCollectionDouble {
    this.repliesMemo ??= new CommentReplyCollectionDouble(
      this.context,
      () => this.context.comments.replies(this.target("Comment.replies")),
      { location: "Comment.replies", api: WordApi14 },
    );
    return this.repliesMemo;
  }

  reply(replyText: string): CommentReplyDouble {
    const location = "Comment.reply";
    return new CommentReplyDouble(
      this.context,
      () => this.context.comments.reply(this.target(location), replyText),
      { location, api: WordApi14, instantiate: true },
    );
  }

  getRange(): unknown {
    return this.context.rangeProxy(
      () => this.context.comments.range(this.target("Comment.getRange")),
      "Comment.getRange",
    );
  }

  delete(): void {
    this.enqueue("Comment.delete", WordApi14, () =>
      this.context.comments.remove(this.target("Comment.delete")),
    );
  }
}

export class CommentReplyDouble extends CommentItemDouble {
  protected readonly typeName = "CommentReply";

  get parentComment(): CommentDouble {
    return new CommentDouble(
      this.context,
      () => this.context.comments.parentOf(this.target("CommentReply.parentComment")),
      { location: "CommentReply.parentComment", api: WordApi14 },
    );
  }

  delete(): void {
    this.enqueue("CommentReply.delete", WordApi14, () =>
      this.context.comments.remove(this.target("CommentReply.delete")),
    );
  }
}

export class CommentCollectionDouble extends CollectionDouble<XmlElement, CommentDouble> {
  protected readonly typeName = "CommentCollection";

  constructor(
    override readonly context: CommentContext,
    resolver: () => readonly XmlElement[] | null,
    origin: { location: string; api?: ApiSet; instantiate?: boolean },
  ) {
    super(context, resolver, origin);
  }

  protected makeItem(): CommentDouble {
    return new CommentDouble(this.context, () => null, { location: "CommentCollection.items" });
  }

  getFirst(): CommentDouble {
    return this.first("getFirst", false);
  }

  getFirstOrNullObject(): CommentDouble {
    return this.first("getFirstOrNullObject", true);
  }

  private first(name: string, nullable: boolean): CommentDouble {
    const location = `CommentCollection.${name}`;
    return new CommentDouble(this.context, () => this.elements(location)[0] ?? null, {
      location,
      api: WordApi14,
      nullable,
      instantiate: true,
    });
  }
}

export class CommentReplyCollectionDouble extends CollectionDouble<XmlElement, CommentReplyDouble> {
  protected readonly typeName = "CommentReplyCollection";

  constructor(
    override readonly context: CommentContext,
    resolver: () => readonly XmlElement[] | null,
    origin: { location: string; api?: ApiSet },
  ) {
    super(context, resolver, origin);
  }

  protected makeItem(): CommentReplyDouble {
    return new CommentReplyDouble(this.context, () => null, { location: "CommentReplyCollection.items" });
  }
}
