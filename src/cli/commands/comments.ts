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

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function commentsCommand(paths: string[], options: CommentsOptions, io: Io): Promise<number> {
  const file = paths[0];
  try {
    if (paths.length !== 1) throw new InputError("--comments skriver i en fil i taget: ange en enda fil.");
    const out = await outputPath(file, options);
    const bytes = await readInput(file);
    const result = await reviewComments(bytes, { templateId: options.template, now: new Date() });
    await writeAtomic(out, result.bytes, await modeOf(file));
    const where = options.inPlace ? file : `${out} (från ${file})`;
    const parts = [
      result.inserted.length > 0
        ? `Lade in ${count(result.inserted.length, "kommentar", "kommentarer")} i ${where}.`
        : `Inga nya kommentarer behövdes; skrev ${where}.`,
    ];
    if (result.removed > 0)
      parts.push(
        `${count(result.removed, "tidigare kommentar", "tidigare kommentarer")} från Planstöd togs bort.`,
      );
    if (result.kept > 0)
      parts.push(
        `${count(result.kept, "kommentar", "kommentarer")} från Planstöd som någon har svarat på eller markerat som klar fick stå kvar.`,
      );
    const r = result.report;
    parts.push(`${r.requiredFilled} av ${r.requiredTotal} obligatoriska fält ifyllda.`);
    io.out(parts.join(" "));
    return r.complete ? EXIT.complete : EXIT.incomplete;
  } catch (error) {
    const message = userMessage(error);
    io.err(`planstod: ${file}: ${message ?? `oväntat fel, inget har skrivits (${detailOf(error)}).`}`);
    return EXIT.problem;
  }
}
