/**
 * @jest-environment jsdom
 */
/**
 * Checklists in the pane, over the real adapter on the Word double: the Danish plan's activities
 * stand as a checklist under their phase with a count ("2 af 9 gennemført"). In a Word with
 * WordApi 1.7 a tick in the pane ticks the box in the document (read back, and counted again);
 * without it each item goes to its box. A dropdown's choices are listed as the template has them.
 */
import { fixture, type FakeHost } from "../support/pane-host";
import { messageBars, open, renderPane, waitFor, waitIdle, within } from "../support/pane-render";
import { WordHost, type OfficeApis } from "../../src/office/word-host";
import { checkDocx } from "../../src/ooxml/docx";
import { templateById } from "../../src/core/templates";
import { createWordDouble, type WordDouble } from "../../word-double";
import type { OfficeEnvironment } from "../../src/taskpane/office-env";

const ENV: OfficeEnvironment = {
  officeLoaded: true,
  inWord: true,
  wordApiSupported: true,
  darkTheme: false,
  displayLanguage: "da-DK",
};

async function wordHost(name: string, wordApi: string): Promise<{ double: WordDouble; host: FakeHost }> {
  const double = await createWordDouble(fixture(name), {
    requirementSets: { WordApi: wordApi, DocumentEvents: "1.1" },
  });
  const apis = { Word: double.Word, Office: double.Office } as unknown as OfficeApis;
  // renderPane is typed for the tests' FakeHost; App takes any PlanstodHost.
  return { double, host: new WordHost(apis) as unknown as FakeHost };
}

const PHASE = "iscenesaettelse";
const template = templateById("dk-implementeringsplan")!;
const activities = template.fields.filter((f) => f.id.startsWith(`${PHASE}_aktivitet_`));

async function ticked(double: WordDouble): Promise<string[]> {
  const report = await checkDocx(await double.toDocx());
  return report.fields.filter((f) => f.id.startsWith(`${PHASE}_aktivitet_`) && f.filled).map((f) => f.id);
}

test("with WordApi 1.7: the phase's checklist counts its ticks, and a tick in the pane ticks the box in Word", async () => {
  const { double, host } = await wordHost("dk-partial.docx", "1.7");
  const pane = await renderPane(host, { environment: ENV });
  const before = await ticked(double);
  const phase = await open(pane.user, PHASE);
  const list = within(phase).getByRole("group", { name: /^Tjekliste: / });
  expect(within(list).getByTestId("checklist-count").textContent).toBe(
    `${before.length} af ${activities.length} gennemført`,
  );
  const boxes = within(list).getAllByRole("checkbox");
  expect(boxes).toHaveLength(activities.length);
  // The first unticked activity: tick it in the pane.
  const index = activities.findIndex((a) => !before.includes(a.id));
  await pane.user.click(boxes[index]);
  await waitIdle();
  await waitFor(() => expect(within(list).getAllByRole("checkbox")[index]).toHaveProperty("checked", true));
  expect(await ticked(double)).toEqual([...before, activities[index].id].sort(byOrder));
  // Ticked and read back without a word of error.
  expect(messageBars()).toEqual([]);
  expect(within(list).getByTestId("checklist-count").textContent).toBe(
    `${before.length + 1} af ${activities.length} gennemført`,
  );
  // And clear it again.
  await pane.user.click(within(list).getAllByRole("checkbox")[index]);
  await waitIdle();
  expect(await ticked(double)).toEqual(before);
});

const byOrder = (a: string, b: string) =>
  activities.findIndex((x) => x.id === a) - activities.findIndex((x) => x.id === b);

test("without WordApi 1.7: each activity goes to its box in the document", async () => {
  const { double, host } = await wordHost("dk-partial.docx", "1.4");
  const pane = await renderPane(host, { environment: ENV });
  const phase = await open(pane.user, PHASE);
  const list = within(phase).getByRole("group", { name: /^Tjekliste: / });
  expect(within(list).queryAllByRole("checkbox")).toEqual([]);
  const first = activities[0];
  await pane.user.click(
    within(list).getByRole("button", { name: new RegExp(`^Gå til afkrydsningsfeltet for ”${first.label}”`) }),
  );
  // The selection is on the activity's box (☐ or ☒), the paragraph after its label.
  await waitFor(() => expect(double.selection.paragraphIndexes.length).toBeGreaterThan(0));
  const texts = double.paragraphTexts();
  const at = double.selection.paragraphIndexes[0];
  expect(texts[at]).toMatch(/^[☐☒]/);
  expect(texts[at - 1]).toContain(first.label);
});

test("Välj utvecklingsområde lists the dropdown's choices", async () => {
  const { host } = await wordHost("sv-blank.docx", "1.4");
  const pane = await renderPane(host, { environment: { ...ENV, displayLanguage: "sv-SE" } });
  const uo = await open(pane.user, "utvecklingsomrade#1");
  const area = templateById("skolverket-atgardsplan")?.blocks.find((b) => b.type === "utvecklingsomrade");
  const items = area?.kind === "instances" ? area.fields.find((f) => f.id === "omrade")?.control?.items : [];
  expect(items?.length).toBeGreaterThan(1);
  const intro = within(uo).getByText("Att välja mellan:");
  const listed = Array.from(intro.nextElementSibling?.querySelectorAll("li") ?? []).map(
    (li) => li.textContent,
  );
  expect(listed).toEqual(items);
});
