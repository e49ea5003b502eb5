/**
 * NotAllowed says what is true. On Word on the web it is the answer for what the browser does
 * not support in this document or session (comments, office-js #6746; inserting with "Replace"
 * beside a date picker, #6865): the pane says "not supported in Word on the web" and what to do
 * instead. On the desktop it stays "not allowed right now". On the double's web profile.
 */
import { checkDocx } from "../../src/ooxml/docx";
import { asProblem } from "../../src/office/problems";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { errorMessage } from "../../src/taskpane/errors";
import { da } from "../../src/taskpane/i18n";
import { createWordDouble, type WordDoubleOptions } from "../../word-double";
import { bytesOf } from "../support/word-host";

jest.setTimeout(60000);

/** Word on a profile, without its latency (the costs are not what is tested here). */
async function hostOn(name: string, options: WordDoubleOptions) {
  const double = await createWordDouble(bytesOf(name), {
    wordApi: "1.7",
    costs: { syncMs: 0, msPerKiB: 0, eventDelayMs: 0 },
    ...options,
  });
  return {
    double,
    host: new WordHost({ Word: double.Word, Office: double.Office } as unknown as OfficeApis),
  };
}

describe("comments refused on Word on the web (#6746)", () => {
  test("inserting: not supported on the web, with Word on Windows or Mac or planstod check --comments instead; nothing changes", async () => {
    const { double, host } = await hostOn("sv-partial", { profile: "web", notAllowed: { comments: true } });
    await host.read();
    const before = double.documentXml();
    const error = await host.insertReviewComments().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not-supported-on-web", params: { feature: "comments" } });
    const text = errorMessage(error);
    expect(text).toContain("Word på webben");
    expect(text).toContain("Word för Windows eller Mac");
    expect(text).toContain("planstod check FIL.docx --comments -o UT.docx");
    expect(errorMessage(error, da)).toContain("Word på nettet");
    expect(double.documentXml()).toBe(before);
    expect(double.comments()).toHaveLength(0);
    await expect(host.removeReviewComments()).rejects.toMatchObject({ code: "not-supported-on-web" });
  });

  test("the same refusal on the desktop is not called a web limit", async () => {
    const { host } = await hostOn("sv-partial", { profile: "windows", notAllowed: { comments: true } });
    await host.read();
    const error = await host.insertReviewComments().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "not-allowed" });
    expect(errorMessage(error)).not.toContain("webben");
  });
});

describe("inserting beside a date picker on Word on the web (#6865)", () => {
  test("the adapter never inserts with Replace: adding a block to sv-partial (its datum is a date picker) works on the web", async () => {
    const { double, host } = await hostOn("sv-partial", { profile: "web" });
    expect(double.documentXml()).toContain("<w:date");
    const added = await host.addBlock("uppfoljning");
    const report = await checkDocx(await double.toDocx());
    expect(added.report).toEqual(report);
    expect(report.blocks.uppfoljning).toBe((await checkDocx(bytesOf("sv-partial"))).blocks.uppfoljning + 1);
  });

  test("should Word still answer NotAllowed to a block add on the web, the pane says to use the desktop app or planstod add", async () => {
    const { double } = await hostOn("sv-partial", { profile: "web" });
    const refusal = await double.Word.run(async (context) => {
      context.document.body.paragraphs.getFirst().insertText("x", "Replace");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "NotAllowed" });
    const web = asProblem(refusal, double.Office as unknown as typeof Office, "add-block");
    expect(web).toMatchObject({ code: "not-supported-on-web", params: { feature: "add-block" } });
    expect(errorMessage(web)).toContain("Word för Windows eller Mac");
    expect(errorMessage(web)).toContain("planstod add");
    const desktop = await createWordDouble(bytesOf("sv-partial"), {
      profile: "windows",
      costs: { syncMs: 0 },
    });
    expect(asProblem(refusal, desktop.Office as unknown as typeof Office, "add-block")).toMatchObject({
      code: "not-allowed",
    });
  });
});
