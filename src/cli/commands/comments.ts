import { engineTexts } from "../../core/i18n";
import { templateById } from "../../core/templates";
import { reviewComments } from "../../ooxml/comments";
import { detailOf, EXIT, userMessage, type Io } from "../context";
import { InputError, modeOf, readInput, writeAtomic } from "../io";
import { outputPath, type WriteOptions } from "../output";

/**
 * `planstod check FILE --comments (-o OUT | --in-place) [--force]`: writes the review into a
 * copy of the document (or the document itself) as Word comments. The exit status is the check's
 * (0 complete, 1 incomplete) once the file is written, 2 when nothing was written.
 */

export interface CommentsOptions extends WriteOptions {
  comments?: boolean;
}

export async function commentsCommand(paths: string[], options: CommentsOptions, io: Io): Promise<number> {
  const file = paths[0];
  try {
    if (paths.length !== 1) throw new InputError("--comments skriver i en fil i taget: ange en enda fil.");
    const out = await outputPath(file, options);
    const bytes = readInput(file);
    const result = await reviewComments(bytes, { templateId: options.template, now: new Date() });
    await writeAtomic(out, result.bytes, await modeOf(file));
    // In the template's language: Danish for the Danish plan.
    const t = engineTexts(templateById(result.report.template)?.language ?? "sv");
    const where = options.inPlace ? file : t.edit.from(out, file);
    const parts = [
      result.inserted.length > 0
        ? t.comments.inserted(result.inserted.length, where)
        : t.comments.noneNeeded(where),
    ];
    if (result.removed > 0) parts.push(t.comments.removed(result.removed));
    if (result.kept > 0) parts.push(t.comments.kept(result.kept));
    const r = result.report;
    parts.push(t.report.summary(r.requiredFilled, r.requiredTotal));
    io.out(parts.join(" "));
    return r.complete ? EXIT.complete : EXIT.incomplete;
  } catch (error) {
    const message = userMessage(error);
    io.err(`planstod: ${file}: ${message ?? `oväntat fel, inget har skrivits (${detailOf(error)}).`}`);
    return EXIT.problem;
  }
}
