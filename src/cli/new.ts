import { randomBytes } from "node:crypto";
import { link, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { engineTexts } from "../core/i18n";
import { GENERATED_TEMPLATES, generatedTemplate } from "../core/templates";
import { generateDocx } from "../ooxml/generate";
import { InputError, writeAtomic } from "./io";

/** `planstod new TEMPLATE -o FILE.docx [--force]`: writes a new plan from one of Planstöd's own templates. */

export const NEW_TEMPLATE_IDS = GENERATED_TEMPLATES.map((g) => g.template.id);

/**
 * Writes `bytes` to a path that must not exist yet, atomically: a temporary file in the same
 * folder is hard-linked to the path (which fails if the path exists, however late it appeared).
 */
async function writeNew(path: string, bytes: Uint8Array, exists: string): Promise<void> {
  const temp = join(
    dirname(path),
    `.${basename(path)}.planstod-${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: "wx", mode: 0o644 });
  } catch {
    throw new InputError("utfilen kunde inte skrivas.");
  }
  try {
    await link(temp, path);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code === "EEXIST") throw new InputError(exists);
    throw new InputError(
      code === "ENOENT" ? "mappen för utfilen finns inte." : "utfilen kunde inte skrivas.",
    );
  } finally {
    await rm(temp, { force: true });
  }
}

export interface NewOptions {
  output?: string;
  force?: boolean;
}

/** Returns the line to print; throws InputError for a bad template id, a missing -o or an existing file. */
export async function createPlan(templateId: string, options: NewOptions, now = new Date()): Promise<string> {
  const generated = generatedTemplate(templateId);
  if (!generated)
    throw new InputError(`okänd mall ”${templateId}”. Planstöd kan skapa: ${NEW_TEMPLATE_IDS.join(", ")}.`);
  const texts = engineTexts(generated.template.language);
  const out = options.output;
  if (out === undefined) throw new InputError("ange var planen ska skrivas: -o UTFIL.docx.");
  if (!/\.docx$/i.test(out)) throw new InputError(`utfilen ska sluta på .docx (${out}).`);
  const bytes = await generateDocx(generated, { created: now });
  if (options.force) await writeAtomic(out, bytes);
  else await writeNew(out, bytes, texts.exists(out));
  return texts.created(out, generated.template.name, generated.template.id);
}
