/** The pane's reducer (src/taskpane/state/reducer.ts) on real snapshots: fresh blocks, cursor, open entries. */
import { readFileSync } from "fs";
import { join } from "path";
import { templateById } from "../../src/core/templates";
import { editDocx } from "../../src/ooxml/docx";
import { initialState, paneReducer, type PaneState } from "../../src/taskpane/state/reducer";
import type { Snapshot } from "../../src/taskpane/host";
import { FIXTURES } from "../support/paths";

const UO = "utvecklingsomrade";
const bytes = () => new Uint8Array(readFileSync(join(FIXTURES, "sv-partial.docx")));

async function added(): Promise<{ state: PaneState; snapshot: Snapshot }> {
  const result = await editDocx(bytes(), { op: "add", type: UO });
  const snapshot: Snapshot = { template: templateById(result.template.id) ?? null, report: result.after };
  const state = paneReducer(initialState(false), {
    type: "added",
    snapshot,
    fresh: { type: UO, index: 4, key: `${UO}#4`, entered: false },
    openKey: `${UO}#4`,
  });
  return { state, snapshot };
}

const at = (id: string, index: number | null) => ({ id, block: index === null ? null : { type: UO, index } });

test("an added block opens and stays fresh until the cursor has been in it and left", async () => {
  const { state } = await added();
  expect(state.openItems).toEqual([`${UO}#4`]);
  // The cursor elsewhere before entering it: still fresh.
  let s = paneReducer(state, {
    type: "cursor",
    cursor: { id: "bakgrund", block: null },
    entryKey: "bakgrund",
  });
  expect(s.fresh?.entered).toBe(false);
  expect(s.openItems).toEqual([`${UO}#4`, "bakgrund"]);
  s = paneReducer(s, { type: "cursor", cursor: at("mal", 4) });
  expect(s.fresh?.entered).toBe(true);
  // Out of every field (null): it stays; into another field: it is no longer fresh.
  s = paneReducer(s, { type: "cursor", cursor: null });
  expect(s.fresh).not.toBeNull();
  s = paneReducer(s, { type: "cursor", cursor: at("mal", 1) });
  expect(s.fresh).toBeNull();
});

test("a fresh block stops being fresh when it is filled or gone", async () => {
  const { state } = await added();
  const original = await editDocx(bytes(), { op: "remove", type: UO, index: 3 });
  const gone = paneReducer(state, {
    type: "snapshot",
    snapshot: { template: templateById(original.template.id) ?? null, report: original.after },
  });
  expect(gone.fresh).toBeNull();
});
