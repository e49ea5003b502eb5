/**
 * The human texts of the engine and the command line, one catalogue per language: a template in
 * Danish gets Danish texts (dk-implementeringsplan), the others Swedish. JSON keys and ids never
 * change with the language.
 */
export interface EngineTexts {
  report: {
    missing: (label: string) => string;
    unused: string;
    optionalEmpty: string;
    rowsFilled: (filled: number, total: number) => string;
    row: (index: number) => string;
    warnings: string;
    summary: (filled: number, total: number) => string;
    complete: string;
    incomplete: string;
  };
  warnings: {
    unusedBlock: (name: string, index: number) => string;
    leftoverInstruction: (text: string) => string;
  };
  blocks: {
    unknownBlock: (type: string, templateName: string, types: readonly string[]) => string;
    noSuchInstance: (name: string, index: number, count: number) => string;
    hasText: (name: string, index: number) => string;
    lastInstance: (name: string) => string;
    noSource: (name: string) => string;
    /** Every instance holds text of the user's beside its fields, which a copy would repeat. */
    noCleanSource: (name: string) => string;
    /** A row table with no row left to copy. */
    noRows: (table: string) => string;
    /** The name of a row in refusals ("Rad 2 innehåller …"). */
    row: string;
    lastRow: (table: string) => string;
  };
  edit: {
    added: string;
    removed: string;
    rowOf: (index: number, table: string) => string;
    from: (out: string, file: string) => string;
    count: (n: number) => string;
  };
  /** `planstod check --comments`: what was written. */
  comments: {
    inserted: (count: number, where: string) => string;
    noneNeeded: (where: string) => string;
    removed: (count: number) => string;
    kept: (count: number) => string;
  };
  /** `planstod new`: the output file exists and --force was not given. */
  exists: (file: string) => string;
  /** `planstod new`: what was written. */
  created: (file: string, name: string, id: string) => string;
}

export const shorten = (text: string, max = 60): string =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
