/**
 * The harness: the built task pane running against the Word API double (word-double/) over
 * any .docx — picked with the file input, or served by `npm run harness -- plan.docx` at
 * /document.docx. The left column shows the document's paragraphs as Word would hold them;
 * clicking one moves the simulated cursor (and fires DocumentSelectionChanged), so the pane's
 * cursor-following can be seen and tested. Not shipped: a developer and end-to-end test tool.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { App } from "../src/taskpane/App";
import { Announcer } from "../src/taskpane/a11y/announce";
import type { ReviewTarget } from "../src/core/review";
import type { CommentsResult, HostProblem, PlanstodHost, Snapshot } from "../src/taskpane/host";
import type { FieldKey } from "../src/core/outline";
import { WordHost, type OfficeApis } from "../src/office/word-host";
import type { SelfTestResult } from "../src/taskpane/diagnostics/types";
import { createWordDouble, type WordDouble } from "../word-double";
import { setXmlDom } from "../src/ooxml/xml/dom";
import { browserXmlDom } from "../src/taskpane/browser-xml";

// The pane's engine on the browser's XML parser, as in Word (the double keeps its own).
setXmlDom(browserXmlDom(window));

/**
 * A current Word: comments, paragraph events (WordApi 1.6, so the pane keeps up by events and its
 * safety check, not by the poll), check boxes (1.7) and selection events. The older clients are
 * covered by the jsdom tests; `?sets=WordApi:1.4,DocumentEvents:1.1` shows the pane polling.
 */
const DEFAULT_SETS: Readonly<Record<string, string>> = { WordApi: "1.7", DocumentEvents: "1.1" };

/**
 * The harness's options, from the page's query string:
 * - `?lang=da-DK`: Word's display language (Office.context.displayLanguage), default sv-SE;
 * - `?pane=160x800`: the pane column's width and height in CSS px (Word at 200 % zoom gives a
 *   160-px pane), default 320 wide and the window's height;
 * - `?sets=WordApi:1.7,DocumentEvents:1.1`: the requirement sets the double reports.
 */
export interface HarnessOptions {
  displayLanguage: string;
  pane: { width: number; height: number | null };
  sets: Readonly<Record<string, string>>;
}

export function harnessOptions(search: string): HarnessOptions {
  const query = new URLSearchParams(search);
  const size = /^(\d+)x(\d+)$/.exec(query.get("pane") ?? "");
  const sets = query.get("sets");
  return {
    displayLanguage: query.get("lang") || "sv-SE",
    pane: size ? { width: Number(size[1]), height: Number(size[2]) } : { width: 320, height: null },
    sets: sets
      ? Object.fromEntries(
          sets
            .split(",")
            .map((s) => s.split(":").map((x) => x.trim()))
            .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ""),
        )
      : DEFAULT_SETS,
  };
}

const OPTIONS = harnessOptions(window.location.search);

const useStyles = makeStyles({
  // The pane column is as narrow as Word's task pane (its width comes from ?pane=).
  page: { display: "grid", height: "100vh", alignItems: "start" },
  doc: {
    overflowY: "auto",
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    alignItems: "center",
    marginBottom: tokens.spacingVerticalM,
  },
  para: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    background: "none",
    padding: "2px 4px",
    minHeight: "1.2em",
    cursor: "text",
    font: "inherit",
    whiteSpace: "pre-wrap",
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `1px solid ${tokens.colorBrandStroke1}`,
  },
  // Word's task pane is its own window: it scrolls by itself, at the size ?pane= gives.
  pane: {
    boxSizing: "border-box",
    overflowY: "auto",
    // Opaque, and above the document column when the window is as narrow as the pane.
    position: "relative",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Tells the harness when the pane changed the document, so the document view can refresh. */
class ObservedHost implements PlanstodHost {
  constructor(
    private readonly inner: WordHost,
    private readonly changed: () => void,
  ) {}
  get capabilities() {
    return this.inner.capabilities;
  }
  read(): Promise<Snapshot> {
    return this.inner.read();
  }
  async select(field: FieldKey): Promise<void> {
    await this.inner.select(field);
    this.changed();
  }
  fieldAtCursor(): Promise<FieldKey | null> {
    return this.inner.fieldAtCursor();
  }
  onSelectionChanged(listener: () => void, onUnavailable?: (problem: HostProblem) => void): () => void {
    return this.inner.onSelectionChanged(listener, onUnavailable);
  }
  async selfTest(): Promise<SelfTestResult> {
    try {
      return await this.inner.selfTest();
    } finally {
      this.changed();
    }
  }
  async addBlock(type: string, after?: number): Promise<Snapshot> {
    try {
      return await this.inner.addBlock(type, after);
    } finally {
      this.changed();
    }
  }
  async removeBlock(type: string, index: number): Promise<Snapshot> {
    try {
      return await this.inner.removeBlock(type, index);
    } finally {
      this.changed();
    }
  }
  refresh(): Promise<Snapshot | null> {
    return this.inner.refresh();
  }
  watchChanges(listener: () => void, onMissed: () => void): Promise<(() => void) | null> {
    return this.inner.watchChanges(listener, onMissed);
  }
  refreshChanged(): Promise<Snapshot | null> {
    return this.inner.refreshChanged();
  }
  async selectTarget(target: ReviewTarget): Promise<void> {
    await this.inner.selectTarget(target);
    this.changed();
  }
  async insertReviewComments(): Promise<CommentsResult> {
    try {
      return await this.inner.insertReviewComments();
    } finally {
      this.changed();
    }
  }
  async removeReviewComments(): Promise<number> {
    try {
      return await this.inner.removeReviewComments();
    } finally {
      this.changed();
    }
  }
  get canTick(): boolean {
    return this.inner.canTick;
  }
  async setChecked(field: FieldKey, checked: boolean): Promise<Snapshot> {
    try {
      return await this.inner.setChecked(field, checked);
    } finally {
      this.changed();
    }
  }
  async removeInstruction(ordinal: number): Promise<Snapshot> {
    try {
      return await this.inner.removeInstruction(ordinal);
    } finally {
      this.changed();
    }
  }
  get canCreatePlan(): boolean {
    return this.inner.canCreatePlan;
  }
  async createPlan(templateId: string): Promise<Snapshot> {
    try {
      return await this.inner.createPlan(templateId);
    } finally {
      this.changed();
    }
  }
}

function Harness({
  double,
  name,
  onOpen,
}: {
  double: WordDouble;
  name: string;
  onOpen: (file: File) => void;
}) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const host = useMemo(
    () =>
      new ObservedHost(
        new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis),
        bump,
      ),
    [double, bump],
  );
  const texts = useMemo(() => {
    void version;
    return double.paragraphTexts();
  }, [double, version]);
  const selected = new Set(double.selection.paragraphIndexes);
  useEffect(() => {
    // For the end-to-end test: what a person does in Word besides the pane (comments, typing).
    (window as unknown as { planstodHarness?: unknown }).planstodHarness = { double };
  }, [double]);

  const [typed, setTyped] = useState("");
  /** Types at the cursor as Word does: over the control around it (or its paragraph's last), else at the end. */
  const typeAtCursor = async () => {
    if (typed === "") return;
    await double.Word.run(async (context) => {
      const selection = context.document.getSelection();
      const around = selection.parentContentControlOrNullObject;
      const paragraph = selection.paragraphs.getFirst();
      const inline = paragraph.contentControls;
      inline.load("items");
      await context.sync();
      const control = around.isNullObject ? inline.items[inline.items.length - 1] : around;
      if (control) control.insertText(typed, "Replace");
      else paragraph.insertText(typed, "End");
      await context.sync();
    });
    // Typing does not move Word's selection events: the pane notices by Word's paragraph events
    // (WordApi 1.6), or by its poll on an older Word.
    bump();
  };

  const moveCursor = async (index: number) => {
    double.setSelection(index);
    bump();
    await double.fireDocumentSelectionChanged();
  };

  const download = async () => {
    const bytes = await double.toDocx();
    const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/octet-stream" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name.replace(/\.docx$/i, "") + "-planstod.docx";
    a.click();
    URL.revokeObjectURL(url);
  };

  useEffect(() => {
    const id = window.setInterval(bump, 1000);
    return () => window.clearInterval(id);
  }, [bump]);

  return (
    <div className={styles.page} style={{ gridTemplateColumns: `minmax(0, 1fr) ${OPTIONS.pane.width}px` }}>
      <section
        className={styles.doc}
        style={{ height: "100vh", boxSizing: "border-box" }}
        aria-label="Dokumentet"
      >
        <div className={styles.bar}>
          <input
            type="file"
            accept=".docx"
            aria-label="Öppna ett .docx-dokument"
            onChange={(e) => e.target.files?.[0] && onOpen(e.target.files[0])}
          />
          <span data-testid="document-name">{name}</span>
          <Button size="small" onClick={() => void download()}>
            Ladda ner
          </Button>
        </div>
        <div className={styles.bar}>
          <input
            type="text"
            value={typed}
            aria-label="Text att skriva vid markören"
            data-testid="type-text"
            onChange={(e) => setTyped(e.target.value)}
          />
          <Button size="small" data-testid="type-button" onClick={() => void typeAtCursor()}>
            Skriv vid markören
          </Button>
        </div>
        {texts.map((text, i) => (
          <button
            type="button"
            key={i}
            data-paragraph={i}
            data-selected={selected.has(i) || undefined}
            className={`${styles.para} ${selected.has(i) ? styles.selected : ""}`}
            aria-label={`Stycke ${i + 1}`}
            onClick={() => void moveCursor(i)}
          >
            {text.replace(/\r/g, "").replace(/\v/g, "\n")}
          </button>
        ))}
      </section>
      {/* A plain container, as Word's task pane frame is: the pane's own <main> stays top-level. */}
      <div
        className={styles.pane}
        id="pane"
        data-testid="pane"
        style={{ width: OPTIONS.pane.width, height: OPTIONS.pane.height ?? "100vh" }}
      >
        <Announcer>
          <App
            key={name}
            host={host}
            environment={{
              officeLoaded: true,
              inWord: true,
              wordApiSupported: true,
              darkTheme: false,
              displayLanguage: double.Office.context.displayLanguage,
            }}
          />
        </Announcer>
      </div>
    </div>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  const open = async (bytes: Uint8Array, name: string) => {
    try {
      const double = await createWordDouble(bytes, {
        requirementSets: OPTIONS.sets,
        displayLanguage: OPTIONS.displayLanguage,
      });
      // npm run bench tells the double's set-up (Word's side) from the pane's own time.
      performance.mark("planstod:double-ready");
      root.render(
        <FluentProvider theme={webLightTheme}>
          <Harness
            double={double}
            name={name}
            onOpen={(file) => void file.arrayBuffer().then((b) => open(new Uint8Array(b), file.name))}
          />
        </FluentProvider>,
      );
    } catch (error) {
      root.render(
        <p role="alert">
          Dokumentet kunde inte öppnas: {error instanceof Error ? error.message : String(error)}
        </p>,
      );
    }
  };
  const response = await fetch("document.docx").catch(() => null);
  if (response?.ok) {
    const name = response.headers.get("x-document-name") ?? "document.docx";
    await open(new Uint8Array(await response.arrayBuffer()), name);
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 24 }}>
        <h1>Planstöd – testbänk</h1>
        <p>Välj ett .docx-dokument att öppna i testbänken.</p>
        <input
          type="file"
          accept=".docx"
          aria-label="Öppna ett .docx-dokument"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.arrayBuffer().then((b) => open(new Uint8Array(b), file.name));
          }}
        />
      </main>
    </FluentProvider>,
  );
}

void start();
