/**
 * Clients and documents the pane cannot fully serve (issue 9, item 6): a read-only document,
 * locked content controls, and a client that refuses the selection subscription. The double
 * behaves as Word does (read-only documents refuse edits, locks are enforced, addHandlerAsync
 * reports failure through its callback).
 */
import { checkDocx } from "../../src/ooxml/docx";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { createWordDouble, REQUIREMENT_SETS, type WordDoubleOptions } from "../../word-double";
import type { XmlElement } from "../../word-double/xml";
import { bytesOf } from "../support/fixtures";

// Real .docx files through the double: slow on a loaded 2-core machine.
jest.setTimeout(60000);

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const SETS = { ...REQUIREMENT_SETS.modern, DocumentEvents: "1.1" };

async function hostFor(name: string, options: WordDoubleOptions = {}) {
  const double = await createWordDouble(bytesOf(name), { requirementSets: SETS, ...options });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  return { double, host: new WordHost(apis) };
}

/** Adds <w:lock w:val="value"/> to a control's w:sdtPr, as Word's Properties dialog does. */
function lock(sdt: XmlElement, value: "sdtLocked" | "contentLocked" | "sdtContentLocked"): void {
  const pr = sdt.getElementsByTagNameNS(W, "sdtPr")[0];
  const el = sdt.ownerDocument!.createElementNS(W, "w:lock");
  el.setAttributeNS(W, "w:val", value);
  pr.appendChild(el);
}

describe("a read-only document", () => {
  test("edit buttons are off up front, the pane says why, and reading still works", async () => {
    const { host } = await hostFor("sv-partial", { documentMode: "readOnly" });
    expect(host.capabilities).toMatchObject({
      read: true,
      navigate: true,
      editBlocks: false,
      readOnly: true,
    });
    expect(host.capabilities.missing).toEqual([{ code: "read-only" }]);
    expect((await host.read()).report).toEqual(await checkDocx(bytesOf("sv-partial")));
    await expect(host.addBlock("uppfoljning")).rejects.toMatchObject({ code: "read-only" });
  });

  test("the double refuses every edit with AccessDenied, as Word does", async () => {
    const { double } = await hostFor("sv-partial", { documentMode: "readOnly" });
    expect(double.Office.context.document.mode).toBe("readOnly");
    const error = await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertText("x", "End");
      await context.sync();
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("AccessDenied");
  });
});

describe("locked content controls", () => {
  test("removing a block that holds a control locked against deletion is refused with a clear message", async () => {
    const { double, host } = await hostFor("sv-blank");
    await host.read();
    // The last utvecklingsområde's "Namn på insats" control, in its table.
    const tables = Array.from(double.body.getElementsByTagNameNS(W, "tbl"));
    const third = tables[2];
    lock(third.getElementsByTagNameNS(W, "sdt")[0], "sdtLocked");
    const before = double.documentXml();
    await expect(host.removeBlock("utvecklingsomrade", 3)).rejects.toMatchObject({ code: "locked-remove" });
    expect(double.documentXml()).toBe(before);
  });

  test("the double enforces the lock: Word's generic error for deleting the table", async () => {
    const { double } = await hostFor("sv-blank");
    const tables = Array.from(double.body.getElementsByTagNameNS(W, "tbl"));
    lock(tables[2].getElementsByTagNameNS(W, "sdt")[0], "sdtLocked");
    const error = await double.Word.run(async (context) => {
      const all = context.document.body.tables;
      all.load("items");
      await context.sync();
      all.items[2].delete();
      await context.sync();
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("GeneralException");
    expect(double.body.getElementsByTagNameNS(W, "tbl")).toHaveLength(tables.length);
  });

  test("adding inside a control whose contents are locked is refused", async () => {
    const { double, host } = await hostFor("iko-partial");
    // Wrap the Tidplan table in a content-locked block control, as a template author might.
    const tables = Array.from(double.body.getElementsByTagNameNS(W, "tbl"));
    const tidplan = tables.find((t) => (t.textContent ?? "").includes("Vem gör?"))!;
    const doc = double.document;
    const sdt = doc.createElementNS(W, "w:sdt");
    const pr = doc.createElementNS(W, "w:sdtPr");
    const content = doc.createElementNS(W, "w:sdtContent");
    sdt.appendChild(pr);
    sdt.appendChild(content);
    tidplan.parentNode!.insertBefore(sdt, tidplan);
    content.appendChild(tidplan);
    lock(sdt, "sdtContentLocked");
    const before = double.documentXml();
    await expect(host.addBlock("tidplan")).rejects.toMatchObject({ code: "locked-add" });
    expect(double.documentXml()).toBe(before);
  });
});

describe("cursor following when Word refuses the subscription", () => {
  test("addHandlerAsync's failure reaches the pane with the existing message; the listener stays quiet", async () => {
    const { double, host } = await hostFor("sv-blank", { selectionEventsFail: true });
    const listener = jest.fn();
    const unavailable = jest.fn();
    const stop = host.onSelectionChanged(listener, unavailable);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(unavailable).toHaveBeenCalledWith({ code: "no-selection-events" });
    await double.fireDocumentSelectionChanged();
    expect(listener).not.toHaveBeenCalled();
    stop();
  });

  test("a subscription that takes never reports unavailability", async () => {
    const { double, host } = await hostFor("sv-blank");
    const listener = jest.fn();
    const unavailable = jest.fn();
    host.onSelectionChanged(listener, unavailable);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await double.fireDocumentSelectionChanged();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(unavailable).not.toHaveBeenCalled();
  });
});
