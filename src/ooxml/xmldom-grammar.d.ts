// The two members of @xmldom/xmldom's internal grammar module that src/ooxml/xmldom.ts wraps.
declare module "@xmldom/xmldom/lib/grammar" {
  const grammar: {
    QName_exact: { test(name: string): boolean };
    reg: (this: unknown, ...parts: (string | RegExp)[]) => RegExp;
  };
  export default grammar;
}
