/**
 * Word's paragraph text as the adapter compares it: Word on Windows reports each comment's
 * reference mark as "\x05" in `text` (office-js issue #2114), which is no text of the document.
 */
const COMMENT_MARK = String.fromCharCode(5);

export const wordText = (text: string): string => text.split(COMMENT_MARK).join("");
