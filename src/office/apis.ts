/** The Office.js namespaces, injected so that tests and the harness can pass a double. */
export interface OfficeApis {
  Word: typeof Word;
  Office: typeof Office;
}
