/**
 * @jest-environment jsdom
 */
/**
 * "Skapa en ny plan" in the pane: offered on an empty document only, with every one of Planstöd's
 * own templates (name, purpose, language); choosing one inserts it through the host and the pane
 * continues with the new plan; the page for an unknown document lists the three as well.
 */
import axe from "axe-core";
import { GENERATED_TEMPLATES } from "../../src/core/templates";
import { NewPlanHost } from "../support/new-plan-host";
import { FakeHost } from "../support/pane-host";
import { messageBars, renderPane, screen, waitIdle, within } from "../support/pane-render";
import { errorMessage } from "../../src/taskpane/errors";

const plans = GENERATED_TEMPLATES.map((g) => [g.template.id, g] as const);

describe("an empty document", () => {
  test("offers the three plans with what each is for and its language", async () => {
    await renderPane(NewPlanHost.empty());
    expect(screen.getByRole("heading", { level: 2, name: "Skapa en ny plan" })).toBeTruthy();
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(3);
    for (const [i, [, g]] of plans.entries()) {
      const item = within(items[i]);
      expect(item.getByRole("heading", { level: 3 }).textContent).toBe(g.template.name);
      expect(items[i].textContent).toContain(g.purpose);
      expect(items[i].textContent).toContain(g.locale === "da-DK" ? "På danska" : "På svenska");
      expect(item.getByRole("button", { name: `Skapa ${g.template.name}` })).toBeTruthy();
    }
    // The Danish plan's own texts are marked as Danish for screen readers.
    expect(within(items[0]).getByRole("heading", { level: 3 }).getAttribute("lang")).toBe("da");
    const results = await axe.run(document.body, {
      runOnly: ["wcag2a", "wcag2aa"],
      rules: { "color-contrast": { enabled: false } },
    });
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });

  test.each(plans)("%s: choosing it inserts the plan and the pane continues with it", async (id, g) => {
    const host = NewPlanHost.empty();
    const { user } = await renderPane(host);
    await user.click(screen.getByRole("button", { name: `Skapa ${g.template.name}` }));
    await waitIdle();
    expect(host.created).toEqual([id]);
    expect(screen.getByRole("heading", { level: 2, name: g.template.name })).toBeTruthy();
    const created =
      g.template.language === "da" ? `${g.template.name} er oprettet.` : `${g.template.name} har skapats.`;
    expect(messageBars()).toEqual([
      expect.objectContaining({ intent: "success", text: expect.stringContaining(created) }),
    ]);
    // Every section of the template is in the outline.
    for (const section of g.template.sections) {
      const title =
        section.kind === "fields"
          ? section.title
          : g.template.blocks.find((b) => b.type === section.blockType)!.name;
      expect(screen.getAllByText(title).length).toBeGreaterThan(0);
    }
    expect(screen.queryByRole("heading", { name: "Skapa en ny plan" })).toBeNull();
  });

  test("a client that cannot insert a plan says how to make one instead, with no buttons", async () => {
    await renderPane(NewPlanHost.empty(false));
    expect(screen.getByText(/planstod new/)).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /^Skapa / })).toEqual([]);
  });
});

describe("a document that is not empty", () => {
  test("an unknown document is not offered creation, but lists the three plans", async () => {
    const host = new NewPlanHost(FakeHost.fromFixture("bad/other.docx").bytes);
    await renderPane(host);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe(
      "Planstöd känner inte igen det här dokumentet.",
    );
    expect(screen.queryAllByRole("button", { name: /^Skapa / })).toEqual([]);
    expect(screen.getByRole("heading", { level: 3, name: "Eller skapa en ny plan" })).toBeTruthy();
    for (const [, g] of plans)
      expect(screen.getByRole("heading", { level: 3, name: g.template.name })).toBeTruthy();
  });

  test("the host refuses to insert into a document with text, and nothing changes", async () => {
    const host = new NewPlanHost(FakeHost.fromFixture("bad/other.docx").bytes);
    const before = host.bytes;
    const error = await host.createPlan("utbildningsinsats").catch((e: unknown) => e);
    expect(errorMessage(error)).toContain("Planstöd skapar en ny plan bara i ett tomt dokument");
    expect(host.bytes).toBe(before);
  });
});
