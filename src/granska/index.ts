import { skippedLine } from "../core/folder-rules";
import { missingLabels } from "../core/missing";
import { buildReview } from "../core/review";
import { templateById } from "../core/templates";
import type { DocumentOutcome } from "../core/outcome";
import { fromDrop, fromInput } from "./collect";
import { answersCsv, sortChosen, statusOf, summaryCsv, tableOrder, type Chosen, type Status } from "./model";
import { Pool } from "./pool";

/**
 * granska.html: a folder of plans reviewed in the browser. Files are chosen (input, folder
 * input, drag and drop), sorted by the CLI's folder rules, checked on workers by the CLI's engine,
 * and shown as a table (incomplete plans first), one plan's whole review, the files that could not
 * be checked and the files skipped; the two CSVs are the CLI's. Plain DOM: no framework.
 */

const WORKERS = Math.min(Math.max(navigator.hardwareConcurrency || 2, 1), 4);
const pool = new Pool("granska-worker.js", WORKERS);

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

/** An element with text and attributes. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const STATUS_TEXT: Record<Status, string> = {
  incomplete: "Inte komplett",
  failed: "Kunde inte kontrolleras",
  complete: "Komplett",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Batch {
  /** Every row of the CSVs, in listing order (the CLI's order). */
  all: DocumentOutcome[];
  /** The Word documents, in the table's order. */
  table: DocumentOutcome[];
  skipped: string[];
}

let batch: Batch | null = null;
let running = false;

async function review(chosen: Chosen<File>[]): Promise<void> {
  if (running) {
    // One batch at a time: the files now chosen are not lost silently.
    $("status").textContent = "Vänta tills granskningen är klar, och välj sedan filerna igen.";
    return;
  }
  running = true;
  const progress = $<HTMLProgressElement>("progress");
  const status = $("status");
  const sorted = sortChosen(chosen);
  $("results").hidden = true;
  $("detail").hidden = true;
  $("detail").replaceChildren();
  progress.max = Math.max(sorted.documents.length, 1);
  progress.value = 0;
  progress.hidden = sorted.documents.length === 0;
  status.textContent =
    sorted.documents.length === 0
      ? ""
      : `Kontrollerar ${plural(sorted.documents.length, "dokument", "dokument")} …`;
  document.body.dataset.state = "checking";
  try {
    let lastShown = 0;
    const outcomes = await pool.run(
      sorted.documents.map((c) => ({ file: c.path, read: () => c.file.arrayBuffer() })),
      (done, total) => {
        progress.value = done;
        // The live region says where it is now and then, not at every file.
        const now = Date.now();
        if (done === total || now - lastShown > 1000) {
          lastShown = now;
          status.textContent = `Kontrollerar: ${done} av ${total} klara …`;
        }
      },
    );
    const byPath = new Map<string, DocumentOutcome>(outcomes.map((o) => [o.file, o]));
    for (const r of sorted.refused) byPath.set(r.file, r);
    const all = sorted.order.map((p) => byPath.get(p)).filter((o): o is DocumentOutcome => o !== undefined);
    batch = { all, table: tableOrder(outcomes), skipped: sorted.skipped };
    progress.hidden = true;
    render(batch);
    status.textContent =
      batch.table.length === 0
        ? "Klart: inga Word-dokument bland filerna."
        : `Klart: ${plural(batch.table.length, "Word-dokument", "Word-dokument")} kontrollerade.`;
  } finally {
    running = false;
    document.body.dataset.state = "done";
    // How many batches are shown (the tests and the bench wait for it to grow).
    document.body.dataset.batches = String(Number(document.body.dataset.batches ?? "0") + 1);
  }
}

function countLine(b: Batch): string {
  const n = (s: Status) => b.table.filter((o) => statusOf(o) === s).length;
  if (b.all.length === 0 && b.skipped.length > 0) return "Inga Word-dokument bland filerna du valde.";
  const parts = [
    plural(n("incomplete"), "inte komplett", "inte kompletta"),
    plural(n("complete"), "komplett", "kompletta"),
  ];
  if (n("failed") > 0) parts.push(`${n("failed")} kunde inte kontrolleras`);
  const other = b.all.length - b.table.length;
  if (b.table.length === 0)
    return `Inga Word-dokument att granska. ${plural(other, "fil", "filer")} i andra format kunde inte kontrolleras.`;
  const others =
    other > 0 ? ` ${plural(other, "fil", "filer")} i andra format kunde inte heller kontrolleras.` : "";
  return `${plural(b.table.length, "Word-dokument", "Word-dokument")}: ${parts.join(", ")}.${others}`;
}

function render(b: Batch): void {
  const body = $("rows");
  body.replaceChildren(...b.table.map(row));
  $("table").hidden = b.table.length === 0;
  $("results").hidden = b.all.length === 0 && b.skipped.length === 0;
  $("summary").textContent = countLine(b);
  applyFilter();

  const failed = b.all.filter((o): o is { file: string; error: string } => "error" in o);
  $("failed").hidden = failed.length === 0;
  $("failed-list").replaceChildren(
    ...failed.map((o) => el("li", {}, el("span", { class: "file" }, o.file), `: ${o.error}`)),
  );
  $("skipped").hidden = b.skipped.length === 0;
  $("skipped-line").textContent = b.skipped.length > 0 ? capitalise(skippedLine(b.skipped)) : "";
  $("skipped-list").replaceChildren(...b.skipped.map((f) => el("li", { class: "file" }, f)));
  const none = b.all.length === 0;
  $<HTMLButtonElement>("download-summary").disabled = none;
  $<HTMLButtonElement>("download-answers").disabled = none;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function row(o: DocumentOutcome, index: number): HTMLTableRowElement {
  const s = statusOf(o);
  const show = el(
    "button",
    { type: "button", class: "link", "data-row": String(index), "aria-controls": "detail" },
    o.file,
  );
  show.addEventListener("click", () => showDetail(o, show));
  const fileCell = el("th", { scope: "row", "data-label": "Fil" }, show);
  const tr = el("tr", { "data-status": s });
  if ("error" in o) {
    tr.append(
      fileCell,
      el("td", { "data-label": "Plan" }, "–"),
      el("td", { "data-label": "Obligatoriska fält" }, "–"),
      el("td", { "data-label": "Det här saknas" }, o.error),
      el("td", { "data-label": "Varningar" }, "–"),
      el("td", { "data-label": "Status", class: `status ${s}` }, STATUS_TEXT[s]),
    );
    return tr;
  }
  const r = o.report;
  const labels = missingLabels(r);
  const missing = labels.length === 0 ? "–" : missingList(labels);
  tr.append(
    fileCell,
    el("td", { "data-label": "Plan" }, r.templateName),
    el("td", { "data-label": "Obligatoriska fält" }, `${r.requiredFilled} av ${r.requiredTotal} ifyllda`),
    el("td", { "data-label": "Det här saknas" }, missing),
    el("td", { "data-label": "Varningar" }, String(r.warnings.length)),
    el("td", { "data-label": "Status", class: `status ${s}` }, STATUS_TEXT[s]),
  );
  return tr;
}

/** How many missing fields a row lists before the rest fold away (a blank plan misses 22). */
const SHOWN = 5;

/** The missing fields' labels: the first few, and the rest behind a native disclosure. */
function missingList(labels: readonly string[]): Node {
  const list = (items: readonly string[]) =>
    el("ul", { class: "missing" }, ...items.map((l) => el("li", {}, l)));
  if (labels.length <= SHOWN + 1) return list(labels);
  const rest = el(
    "details",
    {},
    el("summary", {}, `${labels.length - SHOWN} till`),
    list(labels.slice(SHOWN)),
  );
  const wrap = document.createDocumentFragment();
  wrap.append(list(labels.slice(0, SHOWN)), rest);
  return wrap;
}

function applyFilter(): void {
  const only = $<HTMLInputElement>("only-incomplete").checked;
  for (const tr of Array.from($("rows").querySelectorAll<HTMLTableRowElement>("tr")))
    tr.hidden = only && tr.dataset.status === "complete";
}

/** One plan's whole review, grouped by section as in the pane's Granska (src/core/review.ts). */
function showDetail(o: DocumentOutcome, from: HTMLButtonElement): void {
  const detail = $("detail");
  const heading = el("h2", { id: "detail-title", tabindex: "-1" }, `Granskning: ${o.file}`);
  const back = el("button", { type: "button" }, "Tillbaka till tabellen");
  back.addEventListener("click", () => {
    detail.hidden = true;
    from.focus();
  });
  const content: Node[] = [];
  if ("error" in o) {
    content.push(el("p", {}, `Filen kunde inte kontrolleras: ${o.error}`));
  } else {
    const template = templateById(o.report.template);
    const r = o.report;
    content.push(
      el(
        "p",
        { class: "lead" },
        `${r.templateName}: ${r.requiredFilled} av ${r.requiredTotal} obligatoriska fält ifyllda. ${
          r.complete ? "Planen är komplett." : "Planen är inte komplett."
        }`,
      ),
    );
    const rv = template ? buildReview(template, r) : null;
    if (!rv || rv.groups.length === 0) content.push(el("p", {}, "Inget saknas och inget att varna för."));
    else
      for (const g of rv.groups) {
        content.push(
          el("h3", {}, g.title),
          el(
            "ul",
            { class: "items" },
            ...g.items.map((item) =>
              el(
                "li",
                { class: item.kind },
                el("strong", {}, `${item.kind === "missing" ? "Saknas" : "Varning"}: ${item.title}`),
                el(
                  "span",
                  {},
                  ` ${item.reason}${item.fix && !item.reason.includes(item.fix) ? ` ${item.fix}` : ""}`,
                ),
              ),
            ),
          ),
        );
      }
  }
  detail.replaceChildren(heading, ...content, back);
  detail.hidden = false;
  heading.focus();
}

function download(name: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function setUp(): void {
  const files = $<HTMLInputElement>("files");
  const folder = $<HTMLInputElement>("folder");
  for (const input of [files, folder])
    input.addEventListener("change", () => {
      if (input.files && input.files.length > 0) void review(fromInput(input.files));
      input.value = "";
    });
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer) void fromDrop(e.dataTransfer).then(review);
  });
  // A file dropped beside the zone would make the browser open it: not here.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  $("only-incomplete").addEventListener("change", applyFilter);
  $("download-summary").addEventListener(
    "click",
    () => batch && download("planstod-sammanstallning.csv", summaryCsv(batch.all)),
  );
  $("download-answers").addEventListener(
    "click",
    () => batch && download("planstod-alla-svar.csv", answersCsv(batch.all)),
  );
  void pool.ready.then(() => {
    document.body.dataset.ready = "true";
  });
}

setUp();
