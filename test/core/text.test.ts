import { afterPrefix, fold, key, textRules, userParagraph, userText } from "../../src/core/text";

const rules = textRules({
  templateText: ["Ange målgrupp, funktion och antal."],
  placeholders: ["Klicka eller tryck här för att ange text.", "Välj utvecklingsområde"],
  prompts: ["Skriv här:", "Mål 1:", "Mål 2:", "Mål 3 etc.:"],
});

describe("text rules", () => {
  test("fold folds white space, no-break spaces, quotes and dashes", () => {
    expect(fold("  a\u00a0\tb\n c ”d” – e ")).toBe('a b c "d" - e');
  });

  test("fold's fast path (text already folded) agrees with the full folding on every short mix", () => {
    const full = (text: string) =>
      text
        .replace(/[\u00a0\u2007\u202f]/g, " ")
        .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
        .replace(/[\u2018\u2019\u201a]/g, "'")
        .replace(/[\u2013\u2014\u2212]/g, "-")
        .replace(/[\u200b\u00ad\ufeff]/g, "")
        .replace(/\s+/g, " ")
        .trim();
    const chars = [" ", "a", "å", "\t", "\n", "\r", "\u000b", "\u00a0", "\u2003", "\u3000", "\u2028"];
    chars.push("\u201d", "\u00bb", "\u2019", "\u2013", "\u2212", "\u200b", "\u00ad", "\ufeff", '"', "-");
    const texts = [""];
    for (let length = 1; length <= 3; length++)
      for (const prefix of texts.filter((t) => t.length === length - 1))
        for (const c of chars) texts.push(prefix + c);
    expect(texts.length).toBeGreaterThan(9000);
    const wrong = texts.filter((t) => fold(t) !== full(t));
    expect(wrong).toEqual([]);
  });

  test("key ignores case, a trailing colon and spaces around slashes", () => {
    expect(key("Problem kopplade till förskolans/elevernas/\nenheternas:")).toBe(
      "problem kopplade till förskolans/elevernas/enheternas",
    );
  });

  test("afterPrefix returns what follows a label and respects word boundaries", () => {
    expect(afterPrefix("Namn på insats/insatser: Läslyftet", "Namn på insats/insatser:")).toBe("Läslyftet");
    expect(afterPrefix("Mål 10: något", "Mål 1:")).toBeNull();
    expect(afterPrefix("Skriv härifrån", "Skriv här")).toBeNull();
  });

  test("placeholders, prompts, template text and white space are empty", () => {
    expect(userParagraph("Klicka eller tryck här för att ange text.", rules)).toBe("");
    expect(userParagraph("  Skriv här:  ", rules)).toBe("");
    expect(userParagraph("Mål 3 etc.:", rules)).toBe("");
    expect(userParagraph("Ange målgrupp, funktion och antal.", rules)).toBe("");
    expect(userParagraph(" : ", rules)).toBe("");
  });

  test("the user's text survives prompts and placeholders around it", () => {
    expect(userParagraph("Skriv här: Vi ordnar en utbildning", rules)).toBe("Vi ordnar en utbildning");
    expect(userParagraph("Mål 1: Fler anställda", rules)).toBe("Fler anställda");
    expect(userParagraph("Matte Klicka eller tryck här för att ange text.", rules)).toBe("Matte");
    expect(userText(["Skriv här:", "Rad ett", "", "Rad två"], rules)).toBe("Rad ett\nRad två");
  });
});
