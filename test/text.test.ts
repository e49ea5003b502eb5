import { afterPrefix, fold, key, textRules, userParagraph, userText } from "../src/core/text";

const rules = textRules({
  templateText: ["Ange målgrupp, funktion och antal."],
  placeholders: ["Klicka eller tryck här för att ange text.", "Välj utvecklingsområde"],
  prompts: ["Skriv här:", "Mål 1:", "Mål 2:", "Mål 3 etc.:"],
});

describe("text rules", () => {
  test("fold folds white space, no-break spaces, quotes and dashes", () => {
    expect(fold("  a\u00a0\tb\n c ”d” – e ")).toBe('a b c "d" - e');
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
