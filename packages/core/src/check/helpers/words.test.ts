import { describe, expect, it } from "vitest";
import { containsWord, firstWord } from "./words.js";

describe("containsWord", () => {
  it("matches whole words, ignoring case", () => {
    expect(containsWord("Website VISITS per week", "visits")).toBe(true);
    expect(containsWord("visit", "visits")).toBe(false);
    expect(containsWord("Hitsville", "hits")).toBe(false);
    expect(containsWord("hits_total", "hits")).toBe(false);
    expect(containsWord("Trial-to-paid conversion", "conversion")).toBe(true);
  });

  it("matches multi-word terms across any run of spaces", () => {
    expect(containsWord("Registered   users at period end", "registered users")).toBe(true);
    expect(containsWord("registered_users", "registered users")).toBe(false);
  });

  it("treats regex characters in terms literally", () => {
    expect(containsWord("open rate", "(rate)")).toBe(false);
    expect(containsWord("open (rate)", "(rate)")).toBe(true);
    expect(containsWord("a.b", "a.b")).toBe(true);
    expect(containsWord("axb", "a.b")).toBe(false);
  });

  it("matches letters beyond ASCII as word characters", () => {
    expect(containsWord("Besuchsrate", "rate")).toBe(false);
    expect(containsWord("é-rate", "rate")).toBe(true);
  });

  it("returns the first term found, in the order of the list", () => {
    expect(firstWord("page views and hits", ["hits", "page views"])).toBe("hits");
    expect(firstWord(undefined, ["hits"])).toBeUndefined();
    expect(firstWord("anything", ["  "])).toBeUndefined();
  });
});
