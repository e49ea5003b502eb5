/**
 * The contract's completeness rules (shared/spec/templates.md, "What complete means"), rule by
 * rule, on small templates and extracted documents built here: `evaluate` alone, no .docx.
 */
import { evaluate } from "../../src/core/evaluate";
import type {
  ExtractedDocument,
  ExtractedField,
  ExtractedInstance,
  FieldDef,
  Report,
  TemplateDef,
} from "../../src/core/types";

const field = (id: string, required = true): FieldDef => ({
  id,
  label: `Label ${id}`,
  required,
  locate: { kind: "after", anchor: `Label ${id}` },
});

/** A template with two single fields (one optional), an instance block and a row block. */
const TEMPLATE: TemplateDef = {
  id: "skolverket-atgardsplan",
  name: "Testmall",
  language: "sv",
  fields: [field("bakgrund"), field("plan"), field("ovrigt", false)],
  blocks: [
    { kind: "instances", type: "omrade", name: "Område", fields: [field("insats"), field("mal")] },
    { kind: "instances", type: "uppfoljning", name: "Uppföljning", fields: [field("nar"), field("hur")] },
    {
      kind: "rows",
      type: "tidplan",
      name: "Tidplan",
      columns: [
        { id: "aktivitet", label: "Aktivitet" },
        { id: "vem", label: "Vem" },
        { id: "deadline", label: "Deadline" },
      ],
    },
  ],
  sections: [
    { kind: "fields", id: "allmant", title: "Allmänt", fieldIds: ["bakgrund", "plan", "ovrigt"] },
    { kind: "block", id: "omrade", blockType: "omrade" },
    { kind: "block", id: "uppfoljning", blockType: "uppfoljning" },
    { kind: "block", id: "tidplan", blockType: "tidplan" },
  ],
  headings: [],
  templateText: [],
  placeholders: [],
  prompts: [],
  instructions: ["Klistra in här."],
  blockCountRules: [
    {
      code: "uppfoljning-count",
      fewer: "uppfoljning",
      than: "omrade",
      message: (fewer, than) => `${fewer} uppföljningar men ${than} områden.`,
    },
  ],
};

const value = (id: string, text: string): ExtractedField => ({ id, text, found: true, location: null });

/** An instance from its fields' texts ("" = empty). */
const instance = (texts: Record<string, string>): ExtractedInstance =>
  Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, value(id, text)]));

const FULL_OMRADE = { insats: "Läsinsats", mal: "Fler läser" };
const EMPTY_OMRADE = { insats: "", mal: "" };
const FULL_UPPF = { nar: "Vår", hur: "Enkät" };
const EMPTY_UPPF = { nar: "", hur: "" };
const FULL_ROW = { aktivitet: "Start", vem: "Rektor", deadline: "maj" };
const EMPTY_ROW = { aktivitet: "", vem: "", deadline: "" };

/** A document that is complete; each test changes one thing. */
function doc(
  changes: Partial<Omit<ExtractedDocument, "blocks">> & {
    blocks?: Record<string, Record<string, string>[]>;
  } = {},
): ExtractedDocument {
  const blocks: Record<string, Record<string, string>[]> = {
    omrade: [FULL_OMRADE],
    uppfoljning: [FULL_UPPF],
    tidplan: [FULL_ROW, EMPTY_ROW],
    ...changes.blocks,
  };
  return {
    template: TEMPLATE.id,
    fields: changes.fields ?? {
      bakgrund: value("bakgrund", "Text"),
      plan: value("plan", "Text"),
      ovrigt: value("ovrigt", ""),
    },
    blocks: Object.fromEntries(Object.entries(blocks).map(([type, list]) => [type, list.map(instance)])),
    instructions: changes.instructions ?? [],
  };
}

const missing = (r: Report) =>
  r.missing.map((m) => (m.block ? `${m.block.type}[${m.block.index}].${m.id}` : m.id));
const warnings = (r: Report) =>
  r.warnings.map((w) => (w.block ? `${w.code} ${w.block.type}[${w.block.index}]` : w.code));

test("the baseline document is complete, with no warning", () => {
  const r = evaluate(TEMPLATE, doc());
  expect(r.complete).toBe(true);
  expect(r.missing).toEqual([]);
  expect(r.warnings).toEqual([]);
  expect(r.blocks).toEqual({ omrade: 1, uppfoljning: 1, tidplan: 2 });
});

describe("single fields", () => {
  test("every required single field must be filled", () => {
    const r = evaluate(
      TEMPLATE,
      doc({
        fields: { bakgrund: value("bakgrund", "Text"), plan: value("plan", ""), ovrigt: value("ovrigt", "") },
      }),
    );
    expect(r.complete).toBe(false);
    expect(missing(r)).toEqual(["plan"]);
    expect(r.fields.find((f) => f.id === "plan")).toMatchObject({
      block: null,
      required: true,
      filled: false,
    });
  });

  test("a required field the document lacks altogether is missing", () => {
    const r = evaluate(TEMPLATE, doc({ fields: { bakgrund: value("bakgrund", "Text") } }));
    expect(missing(r)).toEqual(["plan"]);
  });

  test("an optional field may stay empty, and is reported as not required", () => {
    const r = evaluate(TEMPLATE, doc());
    expect(r.fields.find((f) => f.id === "ovrigt")).toMatchObject({ required: false, filled: false });
    expect(r.complete).toBe(true);
  });

  test("requiredTotal and requiredFilled count the required fields", () => {
    const r = evaluate(
      TEMPLATE,
      doc({ fields: { bakgrund: value("bakgrund", "Text"), plan: value("plan", "") } }),
    );
    // bakgrund, plan; omrade[1] ×2; uppfoljning[1] ×2; tidplan row 1 ×3.
    expect([r.requiredTotal, r.requiredFilled]).toEqual([9, 8]);
  });
});

describe("block instances", () => {
  test("instance 1 is required in full", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { omrade: [{ insats: "Läsinsats", mal: "" }] } }));
    expect(missing(r)).toEqual(["omrade[1].mal"]);
  });

  test("instance 1 wholly empty is missing, not unused", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { omrade: [EMPTY_OMRADE] } }));
    expect(missing(r)).toEqual(["omrade[1].insats", "omrade[1].mal"]);
    expect(warnings(r)).not.toContain("unused-block omrade[1]");
  });

  test("a document with no instance at all still owes instance 1 in full, and counts 0", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { omrade: [], uppfoljning: [] } }));
    expect(r.blocks.omrade).toBe(0);
    expect(missing(r)).toEqual([
      "omrade[1].insats",
      "omrade[1].mal",
      "uppfoljning[1].nar",
      "uppfoljning[1].hur",
    ]);
  });

  test("a later instance that is wholly empty is unused: a warning, not missing", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { omrade: [FULL_OMRADE, EMPTY_OMRADE, EMPTY_OMRADE] } }));
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(warnings(r)).toEqual(["unused-block omrade[2]", "unused-block omrade[3]"]);
    expect(r.fields.filter((f) => f.block?.index === 2).every((f) => !f.required)).toBe(true);
  });

  test("a later instance with anything filled is required in full", () => {
    const r = evaluate(
      TEMPLATE,
      doc({ blocks: { omrade: [FULL_OMRADE, EMPTY_OMRADE, { insats: "", mal: "Något" }] } }),
    );
    expect(missing(r)).toEqual(["omrade[3].insats"]);
    // Two used områden, one uppföljning: the count warns too.
    expect(warnings(r)).toEqual(["unused-block omrade[2]", "uppfoljning-count"]);
  });

  test("blocks counts every instance, used or not", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { omrade: [FULL_OMRADE, EMPTY_OMRADE] } }));
    expect(r.blocks.omrade).toBe(2);
  });
});

describe("row blocks", () => {
  test("at least one full row: a table with no filled row owes row 1 in full", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { tidplan: [EMPTY_ROW, EMPTY_ROW] } }));
    expect(missing(r)).toEqual(["tidplan[1].aktivitet", "tidplan[1].vem", "tidplan[1].deadline"]);
  });

  test("a table with no row at all owes row 1 and counts 0", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { tidplan: [] } }));
    expect(r.blocks.tidplan).toBe(0);
    expect(missing(r)).toEqual(["tidplan[1].aktivitet", "tidplan[1].vem", "tidplan[1].deadline"]);
  });

  test("a partly filled row is missing its empty cells, wherever it stands", () => {
    const r = evaluate(
      TEMPLATE,
      doc({
        blocks: { tidplan: [FULL_ROW, EMPTY_ROW, { aktivitet: "Utvärdering", vem: "", deadline: "" }] },
      }),
    );
    expect(missing(r)).toEqual(["tidplan[3].vem", "tidplan[3].deadline"]);
  });

  test("a partly filled row alone is missing its empty cells (row 1 is not owed besides)", () => {
    const r = evaluate(
      TEMPLATE,
      doc({ blocks: { tidplan: [EMPTY_ROW, { aktivitet: "", vem: "Rektor", deadline: "" }] } }),
    );
    expect(missing(r)).toEqual(["tidplan[2].aktivitet", "tidplan[2].deadline"]);
  });

  test("wholly empty rows are ignored: no warning, not required, but counted", () => {
    const r = evaluate(TEMPLATE, doc({ blocks: { tidplan: [EMPTY_ROW, FULL_ROW, EMPTY_ROW, EMPTY_ROW] } }));
    expect(r.complete).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.blocks.tidplan).toBe(4);
    expect(
      r.fields.filter((f) => f.block?.type === "tidplan" && f.required).map((f) => f.block!.index),
    ).toEqual([2, 2, 2]);
  });
});

describe("warnings", () => {
  test("leftover-instruction: one per instruction still in the document, in order", () => {
    const r = evaluate(TEMPLATE, doc({ instructions: ["Klistra in här.", "Klistra in här."] }));
    expect(warnings(r)).toEqual(["leftover-instruction", "leftover-instruction"]);
    expect(r.warnings[0].message).toContain("Klistra in här.");
  });

  test("uppfoljning-count: fewer used uppföljning blocks than used områden", () => {
    const r = evaluate(
      TEMPLATE,
      doc({ blocks: { omrade: [FULL_OMRADE, FULL_OMRADE], uppfoljning: [FULL_UPPF] } }),
    );
    expect(warnings(r)).toEqual(["uppfoljning-count"]);
    expect(r.warnings[0].message).toBe("1 uppföljningar men 2 områden.");
  });

  test("uppfoljning-count counts used instances only: an empty later område does not count", () => {
    const r = evaluate(
      TEMPLATE,
      doc({ blocks: { omrade: [FULL_OMRADE, EMPTY_OMRADE], uppfoljning: [FULL_UPPF] } }),
    );
    expect(warnings(r)).toEqual(["unused-block omrade[2]"]);
  });

  test("uppfoljning-count: as many or more uppföljningar gives no warning", () => {
    const r = evaluate(
      TEMPLATE,
      doc({ blocks: { omrade: [FULL_OMRADE], uppfoljning: [FULL_UPPF, FULL_UPPF] } }),
    );
    expect(r.warnings).toEqual([]);
  });

  test("warnings never make a document incomplete", () => {
    const r = evaluate(
      TEMPLATE,
      doc({
        instructions: ["Klistra in här."],
        blocks: { omrade: [FULL_OMRADE, FULL_OMRADE, EMPTY_OMRADE], uppfoljning: [FULL_UPPF, EMPTY_UPPF] },
      }),
    );
    expect(warnings(r).sort()).toEqual(
      [
        "leftover-instruction",
        "unused-block omrade[3]",
        "unused-block uppfoljning[2]",
        "uppfoljning-count",
      ].sort(),
    );
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
  });
});

test("the report's messages are in the template's language", () => {
  const danish = evaluate(
    { ...TEMPLATE, language: "da" },
    doc({ blocks: { omrade: [FULL_OMRADE, EMPTY_OMRADE] } }),
  );
  const swedish = evaluate(TEMPLATE, doc({ blocks: { omrade: [FULL_OMRADE, EMPTY_OMRADE] } }));
  expect(danish.warnings[0].code).toBe("unused-block");
  expect(danish.warnings[0].message).not.toBe(swedish.warnings[0].message);
});
